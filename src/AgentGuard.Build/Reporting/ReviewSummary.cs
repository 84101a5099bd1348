using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using AgentGuard.Build.Boundaries;
using AgentGuard.Build.Git;
using AgentGuard.Policy;

namespace AgentGuard.Build.Reporting
{
    /// <summary>What the summary says about the golden rules in force.</summary>
    internal sealed class RuleCounts
    {
        public RuleCounts(int files, int rules, int inCode, int onPaths, int guidance)
        {
            Files = files;
            Rules = rules;
            InCode = inCode;
            OnPaths = onPaths;
            Guidance = guidance;
        }

        public int Files { get; }

        public int Rules { get; }

        public int InCode { get; }

        public int OnPaths { get; }

        public int Guidance { get; }
    }

    /// <summary>
    /// A review summary in Markdown for the person who reviews the change: the changed files grouped by risk, the findings,
    /// the approvals used, the rules in force, and the commands that reproduce the check. Kept to one screen: long groups and
    /// long finding lists are cut with a count of what is left out.
    /// </summary>
    internal static class ReviewSummary
    {
        private const int FilesPerGroup = 4;
        private const int FindingsShown = 12;

        /// <summary>The risk groups, most serious first.</summary>
        public static readonly string[] Groups = { "Forbidden", "Needs approval", "Generated", "Dependencies", "Guard files", "Tests", "Other source", "Other files" };

        public static string Write(BoundaryCheckResult result, ChangeSet changes, BoundaryManifest manifest, string manifestName, GuardFiles guardFiles, RuleCounts rules)
        {
            var text = new StringBuilder();
            var errors = result.Findings.Count(f => f.ApprovedBy == null && !f.IsWarning);
            var warnings = result.Findings.Count(f => f.ApprovedBy == null && f.IsWarning);
            var approved = result.Findings.Count(f => f.ApprovedBy != null);
            text.Append("## AgentGuard: ").Append(changes.Files.Count).Append(" changed file").Append(changes.Files.Count == 1 ? string.Empty : "s")
                .Append(" since `").Append(changes.BaseRef).Append("` (").Append(changes.MergeBase.Substring(0, Math.Min(10, changes.MergeBase.Length))).Append(")\n\n");
            text.Append(errors == 0 ? "**Passes the boundary check**" : $"**{errors} error{(errors == 1 ? string.Empty : "s")}**")
                .Append($", {warnings} warning{(warnings == 1 ? string.Empty : "s")}, {approved} approved finding{(approved == 1 ? string.Empty : "s")}\n\n");

            text.Append("| risk | files | |\n|---|---|---|\n");
            foreach (var group in Group(result, changes, manifest, guardFiles))
            {
                var shown = string.Join(", ", group.Value.Take(FilesPerGroup).Select(path => "`" + path + "`"));
                var more = group.Value.Count > FilesPerGroup ? $" and {group.Value.Count - FilesPerGroup} more" : string.Empty;
                text.Append("| ").Append(group.Key).Append(" | ").Append(group.Value.Count).Append(" | ").Append(shown).Append(more).Append(" |\n");
            }

            var open = result.Findings.Where(f => f.ApprovedBy == null).OrderBy(f => f.IsWarning).ThenBy(f => f.Id, StringComparer.Ordinal).ThenBy(f => f.Path, StringComparer.Ordinal).ToList();
            if (open.Count > 0)
            {
                text.Append("\n### Findings\n");
                foreach (var finding in open.Take(FindingsShown))
                {
                    text.Append("- ").Append(finding.IsWarning ? "warning " : "error ").Append(finding.Id).Append(' ').Append(Location(finding)).Append(": ").Append(FirstSentence(finding.Message)).Append('\n');
                }

                if (open.Count > FindingsShown)
                {
                    text.Append("- and ").Append(open.Count - FindingsShown).Append(" more in the build log and the SARIF log\n");
                }
            }

            var approvals = result.Findings.Where(f => f.ApprovedBy != null).GroupBy(f => f.ApprovedBy!).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
            if (approvals.Count > 0)
            {
                text.Append("\n### Approvals used\n");
                foreach (var approval in approvals)
                {
                    text.Append("- `").Append(approval.Key).Append("` approved ").Append(string.Join(", ", approval.Select(f => f.Id + " `" + f.Path + "`").Take(FilesPerGroup)));
                    text.Append(approval.Count() > FilesPerGroup ? $" and {approval.Count() - FilesPerGroup} more" : string.Empty).Append('\n');
                }
            }

            text.Append("\n### Rules in force\n");
            text.Append("- `").Append(manifestName).Append("`: ")
                .Append($"{manifest.Forbidden.Count} forbidden, {manifest.Approval.Count} approval, {manifest.Generated.Count} generated, {manifest.Tests.Count} tests entries; ")
                .Append(manifest.DependenciesNeedApproval ? "dependency changes need approval\n" : "dependency changes are not checked\n");
            text.Append($"- golden rules: {rules.Rules} in {rules.Files} file{(rules.Files == 1 ? string.Empty : "s")}, {rules.InCode} enforced in code, {rules.OnPaths} on paths, {rules.Guidance} guidance only\n");

            text.Append("\n### Reproduce\n```\n")
                .Append("git diff --name-status ").Append(changes.MergeBase).Append('\n')
                .Append("dotnet build -p:AgentGuardBaseRef=").Append(changes.BaseRef).Append('\n')
                .Append("dotnet build -t:AgentGuardExplain\n```\n");
            return text.ToString();
        }

        /// <summary>Each changed path in its most serious group.</summary>
        private static List<KeyValuePair<string, List<string>>> Group(BoundaryCheckResult result, ChangeSet changes, BoundaryManifest manifest, GuardFiles guardFiles)
        {
            var byPath = new Dictionary<string, string>(StringComparer.Ordinal);
            void Claim(string path, string group)
            {
                if (!byPath.TryGetValue(path, out var current) || Array.IndexOf(Groups, group) < Array.IndexOf(Groups, current))
                {
                    byPath[path] = group;
                }
            }

            foreach (var finding in result.Findings)
            {
                switch (finding.Id)
                {
                    case DiagnosticIds.ForbiddenPath: Claim(finding.Path, "Forbidden"); break;
                    case DiagnosticIds.ApprovalRequired: Claim(finding.Path, "Needs approval"); break;
                    case DiagnosticIds.UnreviewedGeneratedFile: Claim(finding.Path, "Generated"); break;
                    case DiagnosticIds.DependencyChange: Claim(finding.Path, "Dependencies"); break;
                    case DiagnosticIds.GuardFileChanged: Claim(finding.Path, "Guard files"); break;
                }
            }

            var testGlobs = manifest.Tests.Select(test => test.Tests).ToList();
            foreach (var file in changes.Files)
            {
                var path = file.Path;
                var name = GitPath.FileName(path);
                if (guardFiles.Why(path) != null)
                {
                    Claim(path, "Guard files");
                }
                else if (GeneratedFiles.NamingConvention(path) != null)
                {
                    Claim(path, "Generated");
                }
                else if (PackageSet.IsDependencyFile(path))
                {
                    Claim(path, "Dependencies");
                }
                else if (testGlobs.Any(glob => glob.IsMatch(path)) || path.IndexOf("test", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    Claim(path, "Tests");
                }
                else if (path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".vb", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".fs", StringComparison.OrdinalIgnoreCase))
                {
                    Claim(path, "Other source");
                }
                else
                {
                    Claim(path, "Other files");
                }
            }

            return Groups.Where(group => byPath.ContainsValue(group))
                .Select(group => new KeyValuePair<string, List<string>>(group, byPath.Where(entry => entry.Value == group).Select(entry => entry.Key).OrderBy(path => path, StringComparer.Ordinal).ToList()))
                .ToList();
        }

        private static string Location(BoundaryFinding finding) => "`" + finding.Path + "`" + (finding.Line > 0 ? " line " + finding.Line : string.Empty);

        // The finding's first sentence says what is wrong; the rest (how to fix) is in the build log.
        private static string FirstSentence(string message)
        {
            var end = message.IndexOf(". ", StringComparison.Ordinal);
            var sentence = end < 0 ? message : message.Substring(0, end + 1);
            var quoted = sentence.StartsWith("'", StringComparison.Ordinal) ? sentence.IndexOf("' ", 1, StringComparison.Ordinal) : -1;
            return quoted > 0 ? sentence.Substring(quoted + 2) : sentence;
        }
    }
}
