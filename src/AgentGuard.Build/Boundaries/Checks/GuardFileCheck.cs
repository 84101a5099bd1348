using System;
using System.Collections.Generic;
using System.Linq;
using AgentGuard.Build.Git;
using AgentGuard.Policy;

namespace AgentGuard.Build.Boundaries.Checks
{
    /// <summary>AG2006, in CI: a change to a guard file (the manifest, the rule files, the analyzer configs, the CI configuration).</summary>
    internal sealed class GuardFileCheck : IBoundaryRuleCheck
    {
        public string Id => DiagnosticIds.GuardFileChanged;

        public void Run(BoundaryCheckContext context)
        {
            if (context.GuardFiles is not { } guardFiles)
            {
                return;
            }

            foreach (var file in context.Changes.Files)
            {
                foreach (var path in file.TouchedPaths)
                {
                    var why = guardFiles.Why(path);
                    if (why == null || !context.Claim(Id, path))
                    {
                        continue;
                    }

                    context.Findings.Add(new BoundaryFinding(
                        Id,
                        path,
                        $"'{path}' is a guard file ({why}) and this change {Verb(file, path)} it. In CI the base branch's rules are enforced and a change to them needs a human's approval: AgentGuardApprove with a glob that matches the file, or AG2006.",
                        approvalPath: context.RelativeToManifest(path) ?? path));
                }
            }
        }

        private static string Verb(ChangedFile file, string path) =>
            file.Kind == ChangeKind.Deleted ? "deletes"
            : file.Kind == ChangeKind.Renamed ? (path == file.OldPath ? "moves" : "moves a file to")
            : file.Kind == ChangeKind.Added || file.Kind == ChangeKind.Untracked ? "adds"
            : "changes";
    }

    /// <summary>
    /// AG2007, in CI: what a change does to weaken enforcement, a finding of its own that says what it loosens; approving a
    /// guard file's change (AG2006) does not approve a loosening in it.
    /// </summary>
    internal sealed class LooseningCheck : IBoundaryRuleCheck
    {
        public string Id => DiagnosticIds.GuardLoosened;

        public void Run(BoundaryCheckContext context)
        {
            if (context.GuardFiles is not { } guardFiles)
            {
                return;
            }

            var styleIds = StyleIdsOfBaseRules(context, guardFiles);
            foreach (var file in context.Changes.Files.Where(file => !file.IsSubmodule))
            {
                var isRuleFile = guardFiles.IsRuleFile(file.Path) || (file.OldPath != null && guardFiles.IsRuleFile(file.OldPath));
                var isManifest = file.Path == context.ManifestName || file.OldPath == context.ManifestName;
                if (!isRuleFile && !isManifest && !PackageSet.IsDependencyFile(file.Path) && !Loosening.IsResponseFile(file.Path) && !Loosening.IsAnalyzerConfig(file.Path) && guardFiles.Why(file.Path) == null)
                {
                    continue;
                }

                var before = file.BasePath != null ? context.Content.ReadMergeBase(file.BasePath) : null;
                var after = file.Exists ? context.Content.ReadWorkingTree(file.Path) : null;
                var loosened = Loosening.Of(file, before, after, isRuleFile, isManifest, styleIds);
                if (loosened.Count == 0 || !context.Claim(Id, file.Path))
                {
                    continue;
                }

                context.Findings.Add(new BoundaryFinding(
                    Id,
                    file.Path,
                    $"'{file.Path}' loosens what is enforced: {string.Join("; ", loosened)}. In CI a loosening needs its own approval: AgentGuardApprove with AG2007 or a glob that matches the file.",
                    approvalPath: context.RelativeToManifest(file.Path) ?? file.Path));
            }
        }

        /// <summary>The IDs the base branch's style rules switch on: lowering one of them loosens a golden rule (AG2007).</summary>
        private static HashSet<string> StyleIdsOfBaseRules(BoundaryCheckContext context, GuardFiles guardFiles)
        {
            var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var ruleFile in guardFiles.RuleFiles)
            {
                if (context.Content.ReadMergeBase(ruleFile) is { } bytes)
                {
                    var text = System.Text.Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
                    foreach (var rule in RuleFileReader.Read(text).Rules.Where(rule => !rule.Ignored))
                    {
                        ids.UnionWith(rule.Styles.SelectMany(style => style.Ids));
                    }
                }
            }

            return ids;
        }
    }
}
