using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AgentGuard.Build.Boundaries;
using AgentGuard.Build.Git;
using AgentGuard.Policy;
using Microsoft.Build.Framework;

namespace AgentGuard.Build
{
    /// <summary>
    /// What a boundary task reads before a check can run: the manifest (in CI the base branch's, where CI says), the change
    /// set (once per build and repository), the review ledger, the golden rules' path rules and the guard files. Logs why
    /// the check is off or cannot run, through its task.
    /// </summary>
    internal sealed class BoundaryPreparation
    {
        private readonly BoundaryTask _task;

        public BoundaryPreparation(BoundaryTask task) => _task = task;

        /// <summary>Reads everything a check needs; null when the check is off or cannot run (the reason is logged).</summary>
        public BoundaryTask.PreparedCheck? Prepare()
        {
            var manifestPath = Path.GetFullPath(CiManifest() ?? _task.Manifest);
            var manifestFolder = Path.GetDirectoryName(manifestPath)!;
            if (!File.Exists(manifestPath) && !(_task.IsCi && BaseHasManifest(manifestFolder, manifestPath)))
            {
                if (_task.Once("AgentGuard.NoManifest|" + manifestPath))
                {
                    var pathRules = _task.ReadPathRules(null);
                    _task.Log.LogMessage(
                        MessageImportance.Normal,
                        "{0}",
                        $"AgentGuard: no boundary manifest at '{manifestPath}'; the boundary check is off." + (pathRules.Count > 0 ? $" The path rules of the golden rules ({pathRules[0].RuleFile} line {pathRules[0].Line}{(pathRules.Count > 1 ? " and " + (pathRules.Count - 1) + " more" : string.Empty)}) are enforced only with a manifest: add an agentguard.json (it may be just {{}})." : string.Empty));
                }

                return null;
            }

            var explicitBase = !string.IsNullOrWhiteSpace(_task.EffectiveBaseRef) ? new[] { _task.EffectiveBaseRef.Trim() } : null;
            BoundaryManifest? manifest = null;
            if (!_task.IsCi)
            {
                string text;
                try
                {
                    text = File.ReadAllText(manifestPath);
                }
                catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
                {
                    _task.Fail(DiagnosticIds.InvalidManifest, manifestPath, 0, 0, $"AgentGuard cannot read the boundary manifest: {exception.Message}");
                    return null;
                }

                manifest = ReadManifest(text, manifestPath, string.Empty);
                if (manifest == null)
                {
                    return null;
                }
            }

            // In CI the base ref never comes from the change itself: the property (set by CI), the defaults, or the
            // baseRef of the manifest as the base branch has it.
            var baseRefs = explicitBase ?? (manifest?.BaseRef != null ? new[] { manifest.BaseRef } : new[] { "origin/main", "main" });
            var changes = ChangeSetFor(manifestFolder, baseRefs);
            if (changes.ChangeSet == null)
            {
                // Said in full once per build; every other project points at it.
                _task.Fail(DiagnosticIds.ChangeSetUnavailable, string.Empty, 0, 0, _task.Once("AgentGuard.ChangeSetProblem|" + changes.Problem) ? changes.Problem! : "AgentGuard cannot compute the change set (see the first AG2000 of this build for why and how to fix it).");
                return null;
            }

            // git says where the manifest's folder is in the repository, whatever links or case led to it.
            var root = changes.ChangeSet.RepositoryRoot;
            var manifestRelative = (changes.ChangeSet.FolderPrefix.Length == 0 ? string.Empty : changes.ChangeSet.FolderPrefix + "/") + Path.GetFileName(manifestPath);

            var folder = manifestRelative.Contains("/") ? manifestRelative.Substring(0, manifestRelative.LastIndexOf('/')) : string.Empty;
            var ledgerRelative = (folder.Length == 0 ? string.Empty : folder + "/") + ReviewLedger.RelativePath;
            var ledgerPath = Path.Combine(manifestFolder, ReviewLedger.RelativePath.Replace('/', Path.DirectorySeparatorChar));
            var git = _task.Git(root);
            ReviewLedger ledger;
            if (_task.IsCi)
            {
                for (var attempt = 0; attempt < 2; attempt++)
                {
                    var baseText = ChangeSetReader.ReadAt(git, changes.ChangeSet.MergeBase, manifestRelative);
                    if (baseText == null)
                    {
                        if (_task.Once("AgentGuard.NewManifest|" + manifestPath))
                        {
                            _task.Log.LogMessage(MessageImportance.High, "{0}", $"AgentGuard: CI mode enforces the base branch's '{manifestRelative}', and '{changes.ChangeSet.BaseRef}' has none yet; the boundary check starts once this change is merged.");
                        }

                        return null;
                    }

                    manifest = ReadManifest(System.Text.Encoding.UTF8.GetString(baseText), manifestPath, $" (the version at the merge base with '{changes.ChangeSet.BaseRef}', which CI enforces)");
                    if (manifest == null)
                    {
                        return null;
                    }

                    if (explicitBase != null || manifest.BaseRef == null || manifest.BaseRef == changes.ChangeSet.BaseRef || attempt > 0)
                    {
                        break;
                    }

                    changes = ChangeSetFor(manifestFolder, new[] { manifest.BaseRef });
                    if (changes.ChangeSet == null)
                    {
                        _task.Fail(DiagnosticIds.ChangeSetUnavailable, string.Empty, 0, 0, changes.Problem!);
                        return null;
                    }
                }

                // Reviews count when the base branch has them: an entry the change adds for itself is no review.
                var baseLedger = ChangeSetReader.ReadAt(git, changes.ChangeSet.MergeBase, ledgerRelative);
                ledger = ReviewLedger.Parse(baseLedger == null ? null : System.Text.Encoding.UTF8.GetString(baseLedger));
            }
            else
            {
                try
                {
                    ledger = ReviewLedger.Parse(File.Exists(ledgerPath) ? File.ReadAllText(ledgerPath) : null);
                }
                catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
                {
                    // Another project's review target may be writing it; without it every generated change is unreviewed.
                    _task.Log.LogMessage(MessageImportance.High, "{0}", $"AgentGuard: could not read the review ledger '{ledgerPath}' ({exception.Message}); generated files count as unreviewed.");
                    ledger = ReviewLedger.Empty;
                }
            }

            var content = new BoundaryTask.GitRepositoryContent(_task.Git(root), root, changes.ChangeSet.MergeBase);
            var cache = string.IsNullOrWhiteSpace(_task.CacheFolder) ? null : Path.Combine(Path.GetFullPath(_task.CacheFolder), "unmatched-entries.txt");
            // In CI the rule files count as the merge base has them: their path rules, and the files they import, which
            // are guard files even when the change deletes them or drops the import.
            var mergeBaseCommit = changes.ChangeSet.MergeBase;
            Func<string, string?>? atBase = _task.IsCi
                ? path => PathGlob.RelativeTo(root, path) is { } relative && ChangeSetReader.ReadAt(git, mergeBaseCommit, relative) is { } bytes ? System.Text.Encoding.UTF8.GetString(bytes) : null
                : (Func<string, string?>?)null;
            var guarded = _task.RuleFilePaths(root).ToList();
            if (atBase != null)
            {
                foreach (var item in _task.RuleFiles)
                {
                    var source = Path.GetFullPath(item.ItemSpec);
                    var text = atBase(source);
                    foreach (var import in text == null ? Enumerable.Empty<RuleImport>() : RuleFileReader.Read(text).Imports)
                    {
                        var imported = PathGlob.RelativeTo(root, Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, import.Path)));
                        if (imported != null)
                        {
                            guarded.Add(imported);
                        }
                    }
                }
            }

            var guardFiles = new GuardFiles(manifestRelative, ledgerRelative, guarded);
            return new BoundaryTask.PreparedCheck(manifest!, manifestPath, manifestRelative, folder, changes.ChangeSet, _task.ReadPathRules(root, atBase), ledger, ledgerPath, content, cache, guardFiles, _task.IsCi);
        }

        private BoundaryManifest? ReadManifest(string text, string manifestPath, string version)
        {
            var read = ManifestReader.Read(text);
            if (read.Manifest != null)
            {
                return read.Manifest;
            }

            if (_task.Once("AgentGuard.ManifestProblems|" + manifestPath + "|" + version))
            {
                foreach (var problem in read.Problems)
                {
                    _task.Fail(DiagnosticIds.InvalidManifest, manifestPath, problem.Line, problem.Column, $"The boundary manifest{version} is invalid: {problem.Message}. Nothing else is checked until it is fixed.");
                }
            }
            else
            {
                _task.Fail(DiagnosticIds.InvalidManifest, manifestPath, 0, 0, $"The boundary manifest{version} is invalid (see the errors reported for it earlier in this build).");
            }

            return null;
        }

        // In CI the manifest is where CI says (AgentGuardManifest in the environment) or at the top of the working tree: a
        // project file the change edits cannot point the check at a manifest that does not exist.
        private string? CiManifest()
        {
            if (!_task.IsCi)
            {
                return null;
            }

            var trusted = _task.TrustedSetting("AgentGuardManifest");
            if (trusted != null)
            {
                return Path.GetFullPath(trusted);
            }

            try
            {
                var folder = string.IsNullOrWhiteSpace(_task.ProjectDirectory) ? Path.GetDirectoryName(Path.GetFullPath(_task.Manifest))! : _task.ProjectDirectory;
                var top = Directory.Exists(folder) ? _task.Git(folder).Run("rev-parse", "--show-toplevel") : null;
                return top != null && top.Succeeded ? Path.Combine(Path.GetFullPath(top.Text), "agentguard.json") : null;
            }
            catch (GitNotFoundException)
            {
                return null;
            }
        }

        // In CI a change that deletes the manifest must not switch the check off: the base branch's manifest still counts.
        private bool BaseHasManifest(string folder, string manifestPath)
        {
            try
            {
                var git = _task.Git(folder);
                var top = git.Run("rev-parse", "--show-toplevel");
                var relative = top.Succeeded ? PathGlob.RelativeTo(Path.GetFullPath(top.Text), manifestPath) : null;
                var candidates = new[] { _task.TrustedSetting("AgentGuardBaseRef"), _task.TrustedSetting("GITHUB_BASE_REF") is { } github ? "origin/" + github : null, _task.TrustedSetting("SYSTEM_PULLREQUEST_TARGETBRANCH") is { } azure ? "origin/" + azure.Replace("refs/heads/", string.Empty) : null, "origin/HEAD", "origin/main", "main", "origin/master", "master" };
                return relative != null && candidates.Where(reference => reference != null && !reference.StartsWith("-", StringComparison.Ordinal)).Any(reference => git.Run("cat-file", "-e", reference + ":" + relative).Succeeded);
            }
            catch (GitNotFoundException)
            {
                return false;
            }
        }

        // Every project of a build asks for the same change set: git runs once per repository and base.
        private ChangeSetResult ChangeSetFor(string folder, IReadOnlyList<string> baseRefs) =>
            _task.Shared("AgentGuard.ChangeSet|" + folder + "|" + string.Join(",", baseRefs), () => ChangeSetReader.Read(folder, baseRefs, _task.Git(folder)));
    }
}
