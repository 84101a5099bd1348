using System;
using System.Collections.Generic;
using System.Linq;
using AgentGuard.Build.Boundaries.Checks;
using AgentGuard.Build.Git;
using AgentGuard.Policy;

namespace AgentGuard.Build.Boundaries
{
    /// <summary>Reads file contents for the check: the working tree's and the merge base's.</summary>
    internal interface IRepositoryContent
    {
        /// <summary>The bytes of <paramref name="path"/> (relative to the repository root) in the working tree, or null.</summary>
        byte[]? ReadWorkingTree(string path);

        /// <summary>The bytes of <paramref name="path"/> at the merge base, or null when it did not exist there.</summary>
        byte[]? ReadMergeBase(string path);
    }

    /// <summary>What the check found, and the notes that go with it (approvals used, reviewed files, submodules).</summary>
    internal sealed class BoundaryCheckResult
    {
        public BoundaryCheckResult(IReadOnlyList<BoundaryFinding> findings, IReadOnlyList<string> notes)
        {
            Findings = findings;
            Notes = notes;
        }

        public IReadOnlyList<BoundaryFinding> Findings { get; }

        public IReadOnlyList<string> Notes { get; }
    }

    /// <summary>
    /// The change set against the manifest and the golden rules' path rules, one check per ID (<c>Checks/</c>), run in
    /// this order because later checks read what earlier ones claimed:
    /// <list type="number">
    /// <item>AG2006 guard files and AG2007 loosenings (CI only): a guard file's change and what it loosens are reported
    /// whatever else the path is;</item>
    /// <item>AG2001 forbidden paths, before AG2002 and AG2003, which say nothing more about a forbidden path;</item>
    /// <item>AG2002 approval, AG2003 generated files (which also collects the generated paths), then AG2004 tests,
    /// which leaves generated files out;</item>
    /// <item>AG2005 dependencies and AG2011 manifest entries that match nothing.</item>
    /// </list>
    /// Approvals apply last, to every finding. No MSBuild, no process: the caller brings the change set and content.
    /// </summary>
    internal sealed class BoundaryCheck
    {
        private static readonly IBoundaryRuleCheck[] Checks =
        {
            new GuardFileCheck(),
            new LooseningCheck(),
            new ForbiddenPathCheck(),
            new ApprovalPathCheck(),
            new GeneratedFileCheck(),
            new MissingTestsCheck(),
            new DependencyCheck(),
            new UnmatchedEntryCheck(),
        };

        private readonly BoundaryCheckContext _context;

        /// <summary>
        /// Checks <paramref name="changes"/> against <paramref name="manifest"/>, whose folder is <paramref name="manifestFolder"/>
        /// and whose path is <paramref name="manifestName"/> (both relative to the repository root with '/', as findings name
        /// them), and against the golden rules' <paramref name="pathRules"/>; <paramref name="ledger"/> holds the reviewed
        /// generated files, <paramref name="approvals"/> what a human approved, <paramref name="content"/> the files' bytes.
        /// </summary>
        public BoundaryCheck(BoundaryManifest manifest, string manifestFolder, string manifestName, ChangeSet changes, IReadOnlyList<PathRuleSource> pathRules, ReviewLedger ledger, Approvals approvals, IRepositoryContent content) =>
            _context = new BoundaryCheckContext(manifest, manifestFolder, manifestName, changes, pathRules, ledger, approvals, content);

        /// <summary>The IDs in the order they are checked.</summary>
        public static IReadOnlyList<string> Order => Checks.Select(check => check.Id).ToList();

        /// <summary>The guard files whose changes are findings (AG2006, AG2007), in CI; null in the local mode.</summary>
        public GuardFiles? GuardFiles
        {
            get => _context.GuardFiles;
            set => _context.GuardFiles = value;
        }

        /// <summary>A file under obj/ that keeps the AG2011 outcome between builds, or null.</summary>
        public string? UnmatchedEntryCache
        {
            get => _context.UnmatchedEntryCache;
            set => _context.UnmatchedEntryCache = value;
        }

        /// <summary>The generated files among the changes, with their current hash (for the review target).</summary>
        public IReadOnlyList<(string ManifestPath, string Hash, bool Reviewed)> ChangedGeneratedFiles() =>
            _context.ChangedGenerated().Select(file => (file.ManifestPath, file.Hash, _context.Ledger.IsReviewed(file.ManifestPath, file.Hash))).ToList();

        public BoundaryCheckResult Run()
        {
            foreach (var file in _context.Changes.Files.Where(file => file.IsSubmodule))
            {
                _context.Notes.Add($"AgentGuard: submodule '{file.Path}' points at another commit; the changes inside a submodule are not part of this change set and are not checked.");
            }

            foreach (var check in Checks)
            {
                check.Run(_context);
            }

            foreach (var finding in _context.Findings)
            {
                var entry = _context.Approvals.Approve(finding);
                if (entry != null)
                {
                    finding.Approve(entry);
                    _context.Notes.Add($"AgentGuard: {finding.Id} on '{finding.Path}' approved by AgentGuardApprove: {entry}");
                }
            }

            return new BoundaryCheckResult(_context.Findings, _context.Notes);
        }
    }
}
