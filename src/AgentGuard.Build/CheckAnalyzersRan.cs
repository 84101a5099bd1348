using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using AgentGuard.Build.Boundaries;
using AgentGuard.Build.Reporting;
using AgentGuard.Policy;
using Microsoft.Build.Framework;

namespace AgentGuard.Build
{
    /// <summary>
    /// After CoreCompile, in CI mode and with a boundary manifest: the compiler's error log must hold AgentGuard's mark
    /// (AG0014), which the analyzers report once per compilation they run in. Where it is missing, however the analyzers
    /// were switched off (a target that edits @(Analyzer), a property from outside the repository, a package's targets),
    /// the build fails with AG2008. A project that says itself that the analyzers are off (RunAnalyzers,
    /// RunAnalyzersDuringBuild or AgentGuardEnabled false) is not checked here: in CI a change that says so is a loosening
    /// (AG2007) already.
    /// </summary>
    public sealed class CheckAnalyzersRan : BoundaryTask
    {
        /// <summary>The compiler's error log (<c>$(ErrorLog)</c>, with or without <c>,version=</c>).</summary>
        public string ErrorLog { get; set; } = string.Empty;

        /// <summary>The project file (<c>$(MSBuildProjectFullPath)</c>): the error is reported on it.</summary>
        public string ProjectFile { get; set; } = string.Empty;

        /// <summary>
        /// False when the mark cannot be looked for: the project names its own error log (which the frameworks of a
        /// multi-targeted project or a whole solution may share and write while it is read), or switches off the
        /// generated editorconfig through which the analyzers learn that CI mode wants the mark.
        /// </summary>
        public bool MarkerExpected { get; set; } = true;

        /// <summary>True when the project's own properties switch the analyzers or AgentGuard off.</summary>
        public bool AnalyzersOffByProject { get; set; }

        /// <inheritdoc />
        private protected override bool Run()
        {
            if (!IsCi || TrustedSetting("AgentGuardEnabled") == "false" || TrustedSetting("AgentGuardBoundaryCheck") == "false")
            {
                return true;
            }

            if (!MarkerExpected)
            {
                Log.LogMessage(MessageImportance.Normal, "{0}", "AgentGuard: the project names its own error log or switches off the generated editorconfig, so AgentGuard's mark is not looked for.");
                return true;
            }

            if (AnalyzersOffByProject)
            {
                Log.LogMessage(MessageImportance.Normal, "{0}", "AgentGuard: the project switches its analyzers off, so AgentGuard's mark is not looked for; a change that switches them off is AG2007 in CI.");
                return true;
            }

            // The mark is checked where the boundary check runs: a repository with a manifest.
            Quiet = true;
            var check = Prepare();
            if (check == null)
            {
                return true;
            }

            Quiet = false;
            var problem = Problem(out var mark);
            if (problem == null)
            {
                return new LoweredSeverities(this, check).Report(RunMark.Parse(mark ?? string.Empty));
            }

            var finding = new BoundaryFinding(DiagnosticIds.AnalyzersDidNotRun, ProjectName, problem, approvalPath: ProjectName);
            var approval = Approvals.Parse(TrustedSetting("AgentGuardApprove")).Approve(finding);
            if (approval != null)
            {
                Log.LogMessage(MessageImportance.High, "{0}", $"AgentGuard: {DiagnosticIds.AnalyzersDidNotRun} on '{ProjectName}' approved by AgentGuardApprove: {approval}");
                return true;
            }

            // Reported on the project whose compilation it is, not on the targets file that runs the check.
            Log.LogError(null, DiagnosticIds.AnalyzersDidNotRun, null, ProjectFile, 0, 0, 0, 0, "{0}", problem);
            return false;
        }

        /// <summary>Why the error log shows no run of the analyzers, or null when it shows one (its message in <paramref name="mark"/>).</summary>
        private string? Problem(out string? mark)
        {
            mark = null;
            var path = ErrorLog.Split(',')[0].Trim();
            if (path.Length > 0 && !Path.IsPathRooted(path) && ProjectDirectory.Length > 0)
            {
                // A project's own ErrorLog is relative to its folder, as the compiler reads it.
                path = Path.Combine(ProjectDirectory, path);
            }

            const string How = "In CI a compilation must run AgentGuard's analyzers: find what switches them off (a target that edits @(Analyzer), RunAnalyzers from outside the repository, a package's targets) and remove it, or have the CI configuration approve it with AgentGuardApprove=AG2008.";
            if (path.Length == 0 || !File.Exists(path))
            {
                return $"AgentGuard cannot tell whether its analyzers ran in '{ProjectName}': the compiler wrote no error log{(path.Length > 0 ? $" at '{path}'" : string.Empty)}. {How}";
            }

            try
            {
                using var sarif = JsonDocument.Parse(File.ReadAllText(path));
                foreach (var run in JsonElements.Items(sarif.RootElement, "runs"))
                {
                    foreach (var result in JsonElements.Items(run, "results"))
                    {
                        // A mark suppressed in code ([assembly: SuppressMessage]) is no mark.
                        if (JsonElements.Text(result, "ruleId") == DiagnosticIds.AnalyzersRan
                            && JsonElements.Items(result, "suppressions").Count == 0 && JsonElements.Items(result, "suppressionStates").Count == 0)
                        {
                            // SARIF 2.1 writes the message as an object, SARIF 1.0 as a string.
                            mark = result.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String ? message.GetString() : JsonElements.Text(message, "text");
                            return null;
                        }
                    }
                }
            }
            catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException || exception is JsonException)
            {
                return $"AgentGuard cannot read the compiler's error log '{path}' to tell whether its analyzers ran in '{ProjectName}': {exception.Message}. {How}";
            }

            return $"AgentGuard's analyzers did not run in the compilation of '{ProjectName}': the compiler's error log '{path}' has no {DiagnosticIds.AnalyzersRan}. {How}";
        }
    }
}
