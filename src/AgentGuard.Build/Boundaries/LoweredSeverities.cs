using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using AgentGuard.Policy;
using Microsoft.Build.Framework;

namespace AgentGuard.Build.Boundaries
{
    /// <summary>
    /// In CI mode, after a compilation whose run mark (AG0014) names lowered severities: a lowering that a file of the
    /// repository shows is the boundary check's to judge (a change to that file is AG2006 or AG2007; one already on the
    /// base branch is the team's choice). A lowering no file shows came from outside the repository: where the change
    /// brings new or different dependencies, which can hand the compiler an analyzer config, it is a loosening (AG2007);
    /// where it does not, it was there before the change, and the log says so.
    /// </summary>
    internal sealed class LoweredSeverities
    {
        /// <summary>The files that can set a severity the compiler reads: analyzer configs, MSBuild files, response files, rule sets.</summary>
        private static readonly string[] SettingFiles = { "*.editorconfig", "*.globalconfig", "*.props", "*.targets", "*proj", "*.rsp", "*.ruleset" };

        private const string BulkKey = "DOTNET_ANALYZER_DIAGNOSTIC";

        private readonly CheckAnalyzersRan _task;
        private readonly BoundaryTask.PreparedCheck _check;

        public LoweredSeverities(CheckAnalyzersRan task, BoundaryTask.PreparedCheck check)
        {
            _task = task;
            _check = check;
        }

        /// <summary>Reports what <paramref name="lowered"/> means for the change; false when it is an error.</summary>
        public bool Report(IReadOnlyList<LoweredSeverity> lowered)
        {
            if (lowered.Count == 0)
            {
                return true;
            }

            var shown = Shown(lowered);
            if (shown == null)
            {
                _task.Log.LogMessage(MessageImportance.High, "{0}", $"AgentGuard: the compilation of '{_task.ProjectName}' lowers {List(lowered)}; git could not search the repository's settings files, so where that comes from is not checked.");
                return true;
            }

            var unshown = lowered.Where(entry => !shown.Contains(entry.IsBulk ? BulkKey : entry.Id.ToUpperInvariant())).ToList();
            if (unshown.Count == 0)
            {
                _task.Log.LogMessage(MessageImportance.Normal, "{0}", $"AgentGuard: the compilation of '{_task.ProjectName}' lowers {List(lowered)} as the repository's settings files say; in CI a change to them is AG2006 or AG2007.");
                return true;
            }

            var dependencies = _check.Changes.Files
                .SelectMany(file => PackageSet.ChangesIn(file, _check.Content).Where(BringsPackages).Select(change => (file.Path, Change: change)))
                .ToList();
            if (dependencies.Count == 0)
            {
                _task.Log.LogMessage(MessageImportance.High, "{0}", $"AgentGuard: the compilation of '{_task.ProjectName}' lowers {List(unshown)} by a setting no file of the repository shows (the CI configuration, the SDK, or a package the base branch already has); the change brings no dependency, so it is not the change's doing.");
                return true;
            }

            var first = dependencies[0].Path;
            var message = $"The compilation of '{_task.ProjectName}' lowers what AgentGuard enforces ({List(unshown)}) by a setting no file of the repository shows, "
                + $"and the change brings dependencies that can hand the compiler one ({string.Join("; ", dependencies.Take(5).Select(d => $"{d.Path}: {d.Change}"))}{(dependencies.Count > 5 ? "; ..." : string.Empty)}). "
                + "A finding at a lowered severity does not fail the build. Find the setting (a package's build files can add an analyzer config) and remove it; "
                + $"in CI a loosening needs its own approval: AgentGuardApprove with AG2007 or a glob that matches '{first}'.";
            var finding = new BoundaryFinding(DiagnosticIds.GuardLoosened, first, message, approvalPath: first);
            var approval = Approvals.Parse(_task.TrustedSetting("AgentGuardApprove")).Approve(finding);
            if (approval != null)
            {
                _task.Log.LogMessage(MessageImportance.High, "{0}", $"AgentGuard: {DiagnosticIds.GuardLoosened} on the lowered severities of '{_task.ProjectName}' approved by AgentGuardApprove: {approval}");
                return true;
            }

            _task.Log.LogError(null, DiagnosticIds.GuardLoosened, null, _task.ProjectFile, 0, 0, 0, 0, "{0}", message);
            return false;
        }

        /// <summary>
        /// Which of the lowered IDs the repository's settings files name, and whether any sets a severity in bulk
        /// (<c>dotnet_analyzer_diagnostic</c>); null when git cannot search. The files as committed at HEAD.
        /// </summary>
        private HashSet<string>? Shown(IReadOnlyList<LoweredSeverity> lowered)
        {
            var arguments = new List<string> { "grep", "-h", "-o", "-I", "-i", "-F", "-e", "dotnet_analyzer_diagnostic" };
            foreach (var id in lowered.Select(entry => entry.Id).Distinct(StringComparer.Ordinal))
            {
                arguments.Add("-e");
                arguments.Add(id);

                // NoWarn takes a compiler warning by its number alone (1591 for CS1591).
                if (id.StartsWith("CS", StringComparison.OrdinalIgnoreCase))
                {
                    arguments.Add("-e");
                    arguments.Add(id.Substring(2));
                }
            }

            // The committed tree, not the working tree: a build's targets can write files, the commit CI checks cannot change.
            arguments.Add("HEAD");
            arguments.Add("--");
            arguments.AddRange(SettingFiles);

            // What builds write (AgentGuard's own style config under obj/ names every style ID it switches on).
            arguments.Add(":(exclude,glob)**/obj/**");
            arguments.Add(":(exclude,glob)**/bin/**");
            var output = _task.Git(_check.Changes.RepositoryRoot).Run(arguments.ToArray());

            // git grep exits 1 when nothing matches.
            if (output.ExitCode > 1)
            {
                return null;
            }

            return new HashSet<string>(
                Encoding.UTF8.GetString(output.StandardOutput).Split('\n').Select(match => match.Trim().ToUpperInvariant()).Where(match => match.Length > 0)
                    .Select(match => match.All(char.IsDigit) ? "CS" + match : match),
                StringComparer.Ordinal);
        }

        private static string List(IEnumerable<LoweredSeverity> lowered) => string.Join(", ", lowered);

        private static readonly System.Text.RegularExpressions.Regex VersionProperty = new System.Text.RegularExpressions.Regex(@"\bproperty (\w+)", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        // Version properties that name no package: the project's own version, the language's, the platform's.
        private static readonly HashSet<string> OwnVersions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Version", "VersionPrefix", "VersionSuffix", "AssemblyVersion", "FileVersion", "InformationalVersion", "PackageVersion",
            "LangVersion", "ApplicationVersion", "ApplicationDisplayVersion", "TargetPlatformVersion", "TargetPlatformMinVersion",
            "SupportedOSPlatformVersion", "TargetFrameworkVersion", "RuntimeFrameworkVersion",
        };

        /// <summary>A package set change that can bring a package's build files: not a version property that names no package.</summary>
        private static bool BringsPackages(string change)
        {
            var property = VersionProperty.Match(change);
            return !property.Success || !OwnVersions.Contains(property.Groups[1].Value);
        }
    }
}
