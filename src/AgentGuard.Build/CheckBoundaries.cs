using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using AgentGuard.Build.Reporting;
using AgentGuard.Build.Boundaries;
using Microsoft.Build.Framework;
using AgentGuard.Policy;

namespace AgentGuard.Build
{
    /// <summary>
    /// The boundary check (target AgentGuardCheckBoundaries): the change set against agentguard.json and the golden
    /// rules' path rules. Each finding is an error with its file; an approved one is a message saying who approved it.
    /// A finding already reported by another project of the same build is not repeated.
    /// </summary>
    public sealed class CheckBoundaries : BoundaryTask
    {
        /// <summary>AgentGuardApprove: globs and IDs, separated by ';' or ',', approved by a human.</summary>
        public string Approve { get; set; } = string.Empty;

        /// <summary>AgentGuardSarifPath: where to write the findings as SARIF 2.1.0; empty for none.</summary>
        public string SarifPath { get; set; } = string.Empty;

        /// <summary>Where to write the review summary (obj/agentguard/review.md); empty for none. It is also appended to
        /// $GITHUB_STEP_SUMMARY, once per build, when that is set.</summary>
        public string ReviewSummaryPath { get; set; } = string.Empty;

        /// <summary>A file the review summary is appended to, once per build: $(GITHUB_STEP_SUMMARY) in GitHub Actions.</summary>
        public string StepSummaryPath { get; set; } = string.Empty;

        /// <summary>True when the project's properties turn the check off (AgentGuardEnabled or AgentGuardBoundaryCheck false).</summary>
        public bool DisabledByProject { get; set; }

        /// <inheritdoc />
        private protected override bool Run()
        {
            if (DisabledByProject)
            {
                // Only CI mode runs the task for a project that turned the check off: there the switch counts when CI set it.
                if (TrustedSetting("AgentGuardBoundaryCheck") == "false" || TrustedSetting("AgentGuardEnabled") == "false")
                {
                    return true;
                }

                if (!IsCi)
                {
                    return true;
                }

                Log.LogMessage(MessageImportance.High, "{0}", "AgentGuard: the project turns the boundary check off, but in CI only the CI configuration can (the environment variable AgentGuardBoundaryCheck=false); the check runs.");
            }

            var approve = IsCi ? TrustedSetting("AgentGuardApprove") ?? string.Empty : Approve;
            if (IsCi && !string.IsNullOrWhiteSpace(Approve) && Approve != approve)
            {
                Log.LogMessage(MessageImportance.High, "{0}", $"AgentGuard: AgentGuardApprove '{Approve}' from the build's properties is ignored in CI; approvals come from the CI configuration (the environment variable AgentGuardApprove).");
            }

            var prepared = Prepare();
            if (prepared == null)
            {
                if (Failures.Count > 0)
                {
                    WriteSarif(Failures.Select(failure => failure.Finding).ToList(), Path.GetDirectoryName(Path.GetFullPath(Manifest))!);
                }

                return !Log.HasLoggedErrors;
            }

            // Projects of one build that see the same manifest and rules share one result.
            var resultKey = "AgentGuard.Result|" + prepared.Identity(approve);
            var result = Shared(resultKey, () => prepared.Check(Approvals.Parse(approve)).Run());
            var elsewhere = 0;
            string? reporter = null;
            foreach (var finding in result.Findings)
            {
                var key = "AgentGuard.Reported|" + prepared.Changes.RepositoryRoot + "|" + finding;
                if (!Once(key))
                {
                    elsewhere++;
                    reporter = reporter ?? ClaimedBy(key);
                    continue;
                }

                var file = finding.Id == DiagnosticIds.UnmatchedManifestEntry ? prepared.ManifestPath : prepared.FullPath(finding.Path);
                if (finding.ApprovedBy != null)
                {
                    continue;
                }

                if (finding.IsWarning)
                {
                    Log.LogWarning(null, finding.Id, null, file, finding.Line, finding.Column, 0, 0, "{0}", finding.Message);
                }
                else
                {
                    Log.LogError(null, finding.Id, null, file, finding.Line, finding.Column, 0, 0, "{0}", finding.Message);
                }
            }

            foreach (var note in result.Notes.Where(note => Once("AgentGuard.Note|" + prepared.Changes.RepositoryRoot + "|" + note)))
            {
                Log.LogMessage(MessageImportance.High, "{0}", note);
            }

            if (elsewhere > 0)
            {
                Log.LogMessage(MessageImportance.Normal, "{0}", $"AgentGuard: {elsewhere} boundary finding(s) of this change were already reported in this build{(string.IsNullOrEmpty(reporter) ? string.Empty : " by " + reporter)}.");
            }

            WriteSarif(result.Findings, prepared.Changes.RepositoryRoot);
            WriteReviewSummary(prepared, result);
            var open = result.Findings.Count(finding => finding.ApprovedBy == null && !finding.IsWarning);
            Log.LogMessage(
                open > 0 && Once("AgentGuard.Compared|" + prepared.Changes.RepositoryRoot) ? MessageImportance.High : MessageImportance.Low,
                "{0}",
                $"AgentGuard: boundary check of {prepared.Changes.Files.Count} changed file(s) since {prepared.Changes.MergeBase.Substring(0, 10)} ({prepared.Changes.BaseRef}): {open} open finding(s).");
            return !Log.HasLoggedErrors;
        }

        private void WriteReviewSummary(PreparedCheck prepared, BoundaryCheckResult result)
        {
            if (string.IsNullOrWhiteSpace(ReviewSummaryPath))
            {
                return;
            }

            var summary = ReviewSummary.Write(result, prepared.Changes, prepared.Manifest, prepared.ManifestRelative, prepared.GuardFiles, CountRules());
            try
            {
                ReportFile.Write(ReviewSummaryPath, summary);
                if (!string.IsNullOrWhiteSpace(StepSummaryPath) && Once("AgentGuard.StepSummary|" + prepared.Changes.RepositoryRoot))
                {
                    File.AppendAllText(StepSummaryPath, summary + "\n");
                }
            }
            catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
            {
                Log.LogWarning("{0}", $"AgentGuard could not write the review summary '{ReviewSummaryPath}': {exception.Message}");
            }
        }

        private void WriteSarif(IReadOnlyList<BoundaryFinding> findings, string root)
        {
            if (string.IsNullOrWhiteSpace(SarifPath))
            {
                return;
            }

            try
            {
                var version = typeof(CheckBoundaries).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
                ReportFile.Write(SarifPath, SarifReport.Write(findings, root, version.Split('+')[0]));
            }
            catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
            {
                Log.LogWarning("{0}", $"AgentGuard could not write the SARIF log '{SarifPath}': {exception.Message}");
            }
        }
    }
}
