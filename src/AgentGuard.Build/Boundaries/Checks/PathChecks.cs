using System.Collections.Generic;
using System.Linq;
using AgentGuard.Policy;

namespace AgentGuard.Build.Boundaries.Checks
{
    /// <summary>The paths a manifest section and the golden rules' path rules of one kind match in the change.</summary>
    internal abstract class PathRuleCheck : IBoundaryRuleCheck
    {
        public abstract string Id { get; }

        private protected abstract PathRuleKind Kind { get; }

        private protected abstract IReadOnlyList<ManifestEntry> Entries(BoundaryManifest manifest);

        /// <summary>Reports <paramref name="path"/>, matched by <paramref name="source"/>; <paramref name="changeWhat"/> is what to change instead.</summary>
        private protected abstract void Report(BoundaryCheckContext context, string path, string manifestPath, string source, string changeWhat);

        public void Run(BoundaryCheckContext context)
        {
            foreach (var entry in Entries(context.Manifest))
            {
                foreach (var match in entry.Glob.Matches(context.Touched, context.ManifestFolder).Select(BoundaryCheckContext.WithoutStandIn))
                {
                    var source = $"{context.ManifestName} line {entry.Line} (\"{entry.Text}\"){(entry.Reason != null ? ": " + entry.Reason.TrimEnd('.') : string.Empty)}";
                    Report(context, context.ToRepository(match), match, source, "the manifest");
                }
            }

            foreach (var rule in context.PathRules.Where(rule => rule.Rule.Kind == Kind))
            {
                foreach (var match in rule.Glob.Matches(context.Touched, rule.Folder).Select(BoundaryCheckContext.WithoutStandIn))
                {
                    var path = BoundaryCheckContext.Join(rule.Folder, match);
                    if (!rule.Covers(path))
                    {
                        // A rule of a file scoped to src/Api/** says nothing of a change elsewhere.
                        continue;
                    }

                    Report(context, path, context.RelativeToManifest(path) ?? path, $"{rule.RuleFile} line {rule.Line} (\"{rule.Text}\")", "the rule");
                }
            }
        }
    }

    /// <summary>AG2001: a change to a path the manifest or a golden rule forbids. No approval opens it.</summary>
    internal sealed class ForbiddenPathCheck : PathRuleCheck
    {
        public override string Id => DiagnosticIds.ForbiddenPath;

        private protected override PathRuleKind Kind => PathRuleKind.Forbidden;

        private protected override IReadOnlyList<ManifestEntry> Entries(BoundaryManifest manifest) => manifest.Forbidden;

        private protected override void Report(BoundaryCheckContext context, string path, string manifestPath, string source, string changeWhat)
        {
            if (context.Claim(Id, path))
            {
                var tried = context.Approvals.GlobFor(manifestPath);
                var note = tried != null ? $", though it lists '{tried}'" : string.Empty;
                context.Findings.Add(new BoundaryFinding(Id, path, $"'{path}' is forbidden by {source}. AgentGuardApprove does not open forbidden paths{note}: revert the change, or change {changeWhat} on the base branch."));
            }
        }
    }

    /// <summary>AG2002: a change to a path that needs a human's approval. A forbidden path is reported as forbidden only.</summary>
    internal sealed class ApprovalPathCheck : PathRuleCheck
    {
        public override string Id => DiagnosticIds.ApprovalRequired;

        private protected override PathRuleKind Kind => PathRuleKind.Approval;

        private protected override IReadOnlyList<ManifestEntry> Entries(BoundaryManifest manifest) => manifest.Approval;

        private protected override void Report(BoundaryCheckContext context, string path, string manifestPath, string source, string changeWhat)
        {
            if (!context.IsForbidden(path) && context.Claim(Id, path))
            {
                context.Findings.Add(new BoundaryFinding(Id, path, $"'{path}' needs a human's approval: {source}. A reviewer approves it with AgentGuardApprove (a glob that matches the path, or AG2002).", approvalPath: manifestPath));
            }
        }
    }
}
