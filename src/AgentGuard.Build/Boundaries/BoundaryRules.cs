using System.Collections.Generic;
using AgentGuard.Policy;

namespace AgentGuard.Build.Boundaries
{
    /// <summary>The boundary check's rules as reports describe them: ID, name, one-line description, default level.</summary>
    internal static class BoundaryRules
    {
        public static IReadOnlyList<(string Id, string Name, string Description, string Level)> All { get; } = new[]
        {
            (DiagnosticIds.ChangeSetUnavailable, "ChangeSetUnavailable", "The git change set cannot be computed.", "error"),
            (DiagnosticIds.ForbiddenPath, "ForbiddenPath", "A forbidden path changed.", "error"),
            (DiagnosticIds.ApprovalRequired, "ApprovalRequired", "A path that needs a human's approval changed without it.", "error"),
            (DiagnosticIds.UnreviewedGeneratedFile, "UnreviewedGeneratedFile", "A generated file changed without review.", "error"),
            (DiagnosticIds.MissingTests, "MissingTests", "Source changed without the tests its rule requires.", "error"),
            (DiagnosticIds.DependencyChange, "DependencyChange", "The package set changed without approval.", "error"),
            (DiagnosticIds.GuardFileChanged, "GuardFileChanged", "A guard file changed (CI): the manifest, a golden-rule file, the review ledger, analyzer or MSBuild settings.", "error"),
            (DiagnosticIds.GuardLoosened, "GuardLoosened", "A change loosens what is enforced (CI): NoWarn, a lowered severity, a deleted rule or manifest entry, a switch turned off.", "error"),
            (DiagnosticIds.AnalyzersDidNotRun, "AnalyzersDidNotRun", "AgentGuard's analyzers did not run in a compilation (CI).", "error"),
            (DiagnosticIds.InvalidManifest, "InvalidManifest", "The boundary manifest is invalid.", "error"),
            (DiagnosticIds.UnmatchedManifestEntry, "UnmatchedManifestEntry", "A manifest entry matches no file in the repository.", "warning"),
        };
    }
}
