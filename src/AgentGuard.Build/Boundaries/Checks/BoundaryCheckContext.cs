using System;
using System.Collections.Generic;
using System.Linq;
using AgentGuard.Build.Git;
using AgentGuard.Policy;

namespace AgentGuard.Build.Boundaries.Checks
{
    /// <summary>One AG20xx check of a change set. The checks run in the order <see cref="BoundaryCheck"/> gives them.</summary>
    internal interface IBoundaryRuleCheck
    {
        /// <summary>The diagnostic ID the check reports.</summary>
        string Id { get; }

        /// <summary>Adds the check's findings and notes to <paramref name="context"/>.</summary>
        void Run(BoundaryCheckContext context);
    }

    /// <summary>
    /// What every check of one change set reads (the manifest, the rules' path rules, the change set, the files' bytes)
    /// and what they share: the findings so far, each claimed once per ID and path, and the notes.
    /// </summary>
    internal sealed class BoundaryCheckContext
    {
        // A submodule is one path in the change, and also a folder to the globs that protect it ("vendor/lib/**"): a
        // stand-in file inside it lets folder globs match, and is read back as the submodule.
        public const string SubmoduleStandIn = "/.git";

        private readonly HashSet<string> _reported = new HashSet<string>(StringComparer.Ordinal);

        public BoundaryCheckContext(BoundaryManifest manifest, string manifestFolder, string manifestName, ChangeSet changes, IReadOnlyList<PathRuleSource> pathRules, ReviewLedger ledger, Approvals approvals, IRepositoryContent content)
        {
            Manifest = manifest;
            ManifestFolder = manifestFolder.Trim('/');
            ManifestName = manifestName;
            Changes = changes;
            PathRules = pathRules;
            Ledger = ledger;
            Approvals = approvals;
            Content = content;
            Touched = new PathTree(changes.Files.SelectMany(file => file.IsSubmodule ? file.TouchedPaths.Concat(file.TouchedPaths.Select(path => path + SubmoduleStandIn)) : file.TouchedPaths));
            Existing = new PathTree(changes.Files.Where(file => file.Exists).Select(file => file.Path));
        }

        public BoundaryManifest Manifest { get; }

        /// <summary>The manifest's folder, relative to the repository root, without slashes at its ends.</summary>
        public string ManifestFolder { get; }

        /// <summary>The manifest's path relative to the repository root, as findings name it.</summary>
        public string ManifestName { get; }

        public ChangeSet Changes { get; }

        public IReadOnlyList<PathRuleSource> PathRules { get; }

        public ReviewLedger Ledger { get; }

        public Approvals Approvals { get; }

        public IRepositoryContent Content { get; }

        /// <summary>The guard files whose changes are findings (AG2006, AG2007), in CI; null in the local mode.</summary>
        public GuardFiles? GuardFiles { get; set; }

        /// <summary>A file under obj/ that keeps the AG2011 outcome between builds, or null.</summary>
        public string? UnmatchedEntryCache { get; set; }

        /// <summary>Every path the change touches (both paths of a rename), submodules also as folders.</summary>
        public PathTree Touched { get; }

        /// <summary>The changed paths that exist in the working tree.</summary>
        public PathTree Existing { get; }

        /// <summary>The generated files among the changes (AG2003), which a tests rule (AG2004) leaves out; set by the AG2003 check.</summary>
        public HashSet<string> GeneratedPaths { get; } = new HashSet<string>(StringComparer.Ordinal);

        public List<BoundaryFinding> Findings { get; } = new List<BoundaryFinding>();

        public List<string> Notes { get; } = new List<string>();

        /// <summary>True the first time <paramref name="id"/> is claimed for <paramref name="path"/>: each is reported once.</summary>
        public bool Claim(string id, string path) => _reported.Add(id + "|" + path);

        /// <summary>True when the path is already reported as forbidden (AG2001): nothing else is said about it.</summary>
        public bool IsForbidden(string path) => _reported.Contains(DiagnosticIds.ForbiddenPath + "|" + path);

        public string ToRepository(string manifestPath) => ManifestFolder.Length == 0 ? manifestPath : ManifestFolder + "/" + manifestPath;

        public string? RelativeToManifest(string repositoryPath) =>
            ManifestFolder.Length == 0 ? repositoryPath
            : repositoryPath.StartsWith(ManifestFolder + "/", StringComparison.OrdinalIgnoreCase) ? repositoryPath.Substring(ManifestFolder.Length + 1) : null;

        public static string Join(string folder, string path) => folder.Length == 0 ? path : folder + "/" + path;

        public static string WithoutStandIn(string path) =>
            path.EndsWith(SubmoduleStandIn, StringComparison.Ordinal) ? path.Substring(0, path.Length - SubmoduleStandIn.Length) : path;

        private List<GeneratedFile>? _generated;

        /// <summary>The generated files among the changes, found once: by the manifest, a golden rule, a naming convention or a header.</summary>
        public IReadOnlyList<GeneratedFile> ChangedGenerated() => _generated ??= GeneratedFile.Find(this);
    }
}
