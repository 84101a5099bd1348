using AgentGuard.Policy;

namespace AgentGuard.Build.Boundaries.Checks
{
    /// <summary>AG2005: a change to the package set (added, removed, re-versioned packages) while dependencies need approval.</summary>
    internal sealed class DependencyCheck : IBoundaryRuleCheck
    {
        public string Id => DiagnosticIds.DependencyChange;

        public void Run(BoundaryCheckContext context)
        {
            var manifest = context.Manifest;
            if (!manifest.DependenciesNeedApproval)
            {
                return;
            }

            var rule = manifest.DependenciesLine > 0
                ? $"{context.ManifestName} line {manifest.DependenciesLine}, \"dependencies\": \"approval\""
                : $"{context.ManifestName} has no \"dependencies\" key, and \"approval\" is the default";
            foreach (var file in context.Changes.Files)
            {
                var manifestPath = context.RelativeToManifest(file.Path);
                if (manifestPath == null)
                {
                    continue;
                }

                var changes = PackageSet.ChangesIn(file, context.Content);
                if (changes.Count == 0 || !context.Claim(Id, file.Path))
                {
                    continue;
                }

                context.Findings.Add(new BoundaryFinding(
                    Id,
                    file.Path,
                    $"'{file.Path}' changes dependencies: {string.Join("; ", changes)}. Dependency changes need approval ({rule}); a reviewer approves with AgentGuardApprove=AG2005 or a glob that matches the file.",
                    approvalPath: manifestPath));
            }
        }
    }
}
