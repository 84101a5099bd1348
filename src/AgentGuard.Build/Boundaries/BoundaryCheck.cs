using System;
using System.Collections.Generic;
using System.Linq;
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
    /// The change set against the manifest and the golden rules' path rules: forbidden paths (AG2001), paths that need
    /// approval (AG2002), unreviewed generated files (AG2003), missing tests (AG2004), dependency changes (AG2005), and
    /// manifest entries that match nothing (AG2011). No MSBuild, no process: the caller brings the change set and content.
    /// </summary>
    internal sealed class BoundaryCheck
    {
        private readonly BoundaryManifest _manifest;
        private readonly string _manifestFolder;
        private readonly string _manifestName;
        private readonly ChangeSet _changes;
        private readonly IReadOnlyList<PathRuleSource> _pathRules;
        private readonly ReviewLedger _ledger;
        private readonly Approvals _approvals;
        private readonly IRepositoryContent _content;
        private readonly List<BoundaryFinding> _findings = new List<BoundaryFinding>();
        private readonly List<string> _notes = new List<string>();
        private readonly HashSet<string> _reported = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>
        /// Checks <paramref name="changes"/> against <paramref name="manifest"/>, whose folder is <paramref name="manifestFolder"/>
        /// and whose path is <paramref name="manifestName"/> (both relative to the repository root with '/', as findings name
        /// them), and against the golden rules' <paramref name="pathRules"/>; <paramref name="ledger"/> holds the reviewed
        /// generated files, <paramref name="approvals"/> what a human approved, <paramref name="content"/> the files' bytes.
        /// </summary>
        public BoundaryCheck(BoundaryManifest manifest, string manifestFolder, string manifestName, ChangeSet changes, IReadOnlyList<PathRuleSource> pathRules, ReviewLedger ledger, Approvals approvals, IRepositoryContent content)
        {
            _manifest = manifest;
            _manifestFolder = manifestFolder.Trim('/');
            _manifestName = manifestName;
            _changes = changes;
            _pathRules = pathRules;
            _ledger = ledger;
            _approvals = approvals;
            _content = content;
        }

        /// <summary>The generated files among the changes, with their current hash (for the review target).</summary>
        public IReadOnlyList<(string ManifestPath, string Hash, bool Reviewed)> ChangedGeneratedFiles()
        {
            var result = new List<(string, string, bool)>();
            foreach (var file in ChangedGenerated())
            {
                result.Add((file.ManifestPath, file.Hash, _ledger.IsReviewed(file.ManifestPath, file.Hash)));
            }

            return result;
        }

        public BoundaryCheckResult Run()
        {
            // A submodule is one path in the change, and also a folder to the globs that protect it ("vendor/lib/**"): a
            // stand-in file inside it lets folder globs match, and is read back as the submodule.
            var touched = new PathTree(_changes.Files.SelectMany(file => file.IsSubmodule ? file.TouchedPaths.Concat(file.TouchedPaths.Select(path => path + SubmoduleStandIn)) : file.TouchedPaths));
            var existing = new PathTree(_changes.Files.Where(file => file.Exists).Select(file => file.Path));

            foreach (var file in _changes.Files.Where(file => file.IsSubmodule))
            {
                _notes.Add($"AgentGuard: submodule '{file.Path}' points at another commit; the changes inside a submodule are not part of this change set and are not checked.");
            }

            CheckGuardFiles();
            CheckLoosening();
            CheckPaths(touched, _manifest.Forbidden, PathRuleKind.Forbidden);
            CheckPaths(touched, _manifest.Approval, PathRuleKind.Approval);
            var generated = CheckGenerated();
            CheckTests(existing, generated);
            CheckDependencies();
            CheckUnmatchedEntries();

            ApplyApprovals();
            return new BoundaryCheckResult(_findings, _notes);
        }

        private void CheckPaths(PathTree touched, IReadOnlyList<ManifestEntry> entries, PathRuleKind kind)
        {
            foreach (var entry in entries)
            {
                foreach (var match in entry.Glob.Matches(touched, _manifestFolder).Select(WithoutStandIn))
                {
                    var path = ToRepository(match);
                    var source = $"{_manifestName} line {entry.Line} (\"{entry.Text}\"){(entry.Reason != null ? ": " + entry.Reason.TrimEnd('.') : string.Empty)}";
                    AddPathFinding(kind, path, match, source, "the manifest");
                }
            }

            foreach (var rule in _pathRules.Where(rule => rule.Rule.Kind == kind))
            {
                foreach (var match in rule.Glob.Matches(touched, rule.Folder).Select(WithoutStandIn))
                {
                    var path = rule.Folder.Length == 0 ? match : rule.Folder + "/" + match;
                    if (!rule.Covers(path))
                    {
                        // A rule of a file scoped to src/Api/** says nothing of a change elsewhere.
                        continue;
                    }

                    var source = $"{rule.RuleFile} line {rule.Line} (\"{rule.Text}\")";
                    AddPathFinding(kind, path, RelativeToManifest(path) ?? path, source, "the rule");
                }
            }
        }

        private void AddPathFinding(PathRuleKind kind, string path, string manifestPath, string source, string changeWhat)
        {
            if (kind == PathRuleKind.Forbidden)
            {
                if (Claim(DiagnosticIds.ForbiddenPath, path))
                {
                    var tried = _approvals.GlobFor(manifestPath);
                    var note = tried != null ? $", though it lists '{tried}'" : string.Empty;
                    _findings.Add(new BoundaryFinding(DiagnosticIds.ForbiddenPath, path, $"'{path}' is forbidden by {source}. AgentGuardApprove does not open forbidden paths{note}: revert the change, or change {changeWhat} on the base branch."));
                }
            }
            else if (!IsForbidden(path) && Claim(DiagnosticIds.ApprovalRequired, path))
            {
                _findings.Add(new BoundaryFinding(DiagnosticIds.ApprovalRequired, path, $"'{path}' needs a human's approval: {source}. A reviewer approves it with AgentGuardApprove (a glob that matches the path, or AG2002).", approvalPath: manifestPath));
            }
        }

        private sealed class GeneratedFile
        {
            public GeneratedFile(ChangedFile file, string manifestPath, string why, string hash)
            {
                File = file;
                ManifestPath = manifestPath;
                Why = why;
                Hash = hash;
            }

            public ChangedFile File { get; }

            public string ManifestPath { get; }

            public string Why { get; }

            public string Hash { get; }
        }

        private List<GeneratedFile>? _generated;

        private List<GeneratedFile> ChangedGenerated()
        {
            if (_generated != null)
            {
                return _generated;
            }

            _generated = new List<GeneratedFile>();
            var candidates = _changes.Files.Where(file => file.Exists && !file.IsSubmodule).ToList();
            var byManifest = new Dictionary<string, string>(StringComparer.Ordinal);
            var tree = new PathTree(candidates.Select(file => file.Path));
            foreach (var entry in _manifest.Generated)
            {
                foreach (var match in entry.Glob.Matches(tree, _manifestFolder))
                {
                    if (!byManifest.ContainsKey(match))
                    {
                        byManifest[match] = $"{_manifestName} line {entry.Line}, \"{entry.Text}\"";
                    }
                }
            }

            // "X is generated; never hand-edit it" in a golden rule marks files as generated too.
            foreach (var rule in _pathRules.Where(rule => rule.Rule.Kind == PathRuleKind.Generated))
            {
                foreach (var match in rule.Glob.Matches(tree, rule.Folder))
                {
                    var path = Join(rule.Folder, match);
                    if (rule.Covers(path) && RelativeToManifest(path) is { } manifestPath && !byManifest.ContainsKey(manifestPath))
                    {
                        byManifest[manifestPath] = $"{rule.RuleFile} line {rule.Line}, \"{rule.Text}\"";
                    }
                }
            }

            // Telling generated files by their header reads every changed source file: on two threads, kept in change order.
            var found = new GeneratedFile?[candidates.Count];
            System.Threading.Tasks.Parallel.For(0, candidates.Count, new System.Threading.Tasks.ParallelOptions { MaxDegreeOfParallelism = 2 }, index =>
            {
                var file = candidates[index];
                var manifestPath = RelativeToManifest(file.Path);
                if (manifestPath == null)
                {
                    return;
                }

                byManifest.TryGetValue(manifestPath, out var why);
                why = why ?? (GeneratedFiles.NamingConvention(file.Path) is string convention ? "named " + convention : null);
                byte[]? content = null;
                if (why == null && GeneratedFiles.MayHaveHeader(file.Path))
                {
                    content = _content.ReadWorkingTree(file.Path);
                    if (content != null && GeneratedFiles.HasHeader(content))
                    {
                        why = "<auto-generated> header";
                    }
                }

                content = why == null ? null : content ?? _content.ReadWorkingTree(file.Path);
                if (content != null)
                {
                    found[index] = new GeneratedFile(file, manifestPath, why!, ReviewLedger.Hash(content));
                }
            });
            _generated.AddRange(found.Where(file => file != null)!);

            return _generated;
        }

        private HashSet<string> CheckGenerated()
        {
            var paths = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in ChangedGenerated())
            {
                paths.Add(file.File.Path);
                if (_ledger.IsReviewed(file.ManifestPath, file.Hash))
                {
                    _notes.Add($"AgentGuard: generated file '{file.File.Path}' was reviewed (sha256 {file.Hash.Substring(0, 12)} in {ReviewLedger.RelativePath}).");
                    continue;
                }

                if (IsForbidden(file.File.Path) || !Claim(DiagnosticIds.UnreviewedGeneratedFile, file.File.Path))
                {
                    continue;
                }

                var state = _ledger.Entries.ContainsKey(file.ManifestPath) ? "changed since its review: its content" : "changed without review: its content";
                _findings.Add(new BoundaryFinding(
                    DiagnosticIds.UnreviewedGeneratedFile,
                    file.File.Path,
                    $"'{file.File.Path}' is a generated file ({file.Why}) {state} (sha256 {file.Hash.Substring(0, 12)}...) is not in {ReviewLedger.RelativePath}. Regenerate it from its source, or have a human review it and run 'dotnet build -t:AgentGuardReview'.",
                    approvalPath: file.ManifestPath));
            }

            return paths;
        }

        /// <summary>A source glob whose changes need changes to a tests glob: a manifest <c>tests</c> entry, or a golden rule's.</summary>
        private sealed class TestPairing
        {
            public TestPairing(PathGlob source, PathGlob tests, string sourceText, string testsText, TestMatch match, string folder, string cite, PathRuleSource? rule)
            {
                Source = source;
                Tests = tests;
                SourceText = sourceText;
                TestsText = testsText;
                Match = match;
                Folder = folder;
                Cite = cite;
                Rule = rule;
            }

            public PathGlob Source { get; }

            public PathGlob Tests { get; }

            public string SourceText { get; }

            public string TestsText { get; }

            public TestMatch Match { get; }

            /// <summary>The folder the globs are relative to, relative to the repository root.</summary>
            public string Folder { get; }

            /// <summary>Where it is written and what it asks: the manifest's line and globs, or the golden rule's file, line and text.</summary>
            public string Cite { get; }

            public PathRuleSource? Rule { get; }
        }

        private IEnumerable<TestPairing> TestPairings()
        {
            foreach (var requirement in _manifest.Tests)
            {
                var reason = requirement.Reason != null ? ": " + requirement.Reason.TrimEnd('.') : string.Empty;
                yield return new TestPairing(requirement.Source, requirement.Tests, requirement.SourceText, requirement.TestsText, requirement.Match, _manifestFolder, $"{_manifestName} line {requirement.Line}, \"{requirement.SourceText}\" needs \"{requirement.TestsText}\"{reason}", null);
            }

            foreach (var rule in _pathRules.Where(rule => rule.Rule.Kind == PathRuleKind.Tests && rule.Rule.TestsGlob != null))
            {
                yield return new TestPairing(rule.Glob, PathGlob.Parse(rule.Rule.TestsGlob!), rule.Rule.Glob, rule.Rule.TestsGlob!, TestMatch.Any, rule.Folder, $"{rule.RuleFile} line {rule.Line}: \"{rule.Text}\"", rule);
            }
        }

        private void CheckTests(PathTree existing, HashSet<string> generated)
        {
            var pairings = TestPairings().ToList();
            if (pairings.Count == 0)
            {
                return;
            }

            var testFiles = new HashSet<string>(StringComparer.Ordinal);
            foreach (var pairing in pairings)
            {
                testFiles.UnionWith(pairing.Tests.Matches(existing, pairing.Folder).Select(match => Join(pairing.Folder, match)));
            }

            foreach (var pairing in pairings)
            {
                var tests = pairing.Tests.Matches(existing, pairing.Folder);
                foreach (var source in pairing.Source.Matches(existing, pairing.Folder))
                {
                    var path = Join(pairing.Folder, source);
                    if (testFiles.Contains(path) || generated.Contains(path) || (pairing.Rule != null && !pairing.Rule.Covers(path)))
                    {
                        continue;
                    }

                    string? missing = null;
                    if (pairing.Match == TestMatch.Any && tests.Count == 0)
                    {
                        missing = $"no changed file matches \"{pairing.TestsText}\"";
                    }
                    else if (pairing.Match == TestMatch.Name)
                    {
                        var name = GitPath.FileNameWithoutExtension(source);
                        if (!tests.Any(test => GitPath.FileName(test).IndexOf(name, StringComparison.OrdinalIgnoreCase) >= 0))
                        {
                            missing = $"no changed file under \"{pairing.TestsText}\" has '{name}' in its name";
                        }
                    }

                    if (missing != null && Claim(DiagnosticIds.MissingTests, path))
                    {
                        _findings.Add(new BoundaryFinding(
                            DiagnosticIds.MissingTests,
                            path,
                            $"'{path}' changed without its tests: {missing} ({pairing.Cite}). Add or update a test, or have a reviewer approve with AgentGuardApprove.",
                            approvalPath: RelativeToManifest(path) ?? path));
                    }
                }
            }
        }

        private static string Join(string folder, string path) => folder.Length == 0 ? path : folder + "/" + path;

        private void CheckDependencies()
        {
            if (!_manifest.DependenciesNeedApproval)
            {
                return;
            }

            var rule = _manifest.DependenciesLine > 0
                ? $"{_manifestName} line {_manifest.DependenciesLine}, \"dependencies\": \"approval\""
                : $"{_manifestName} has no \"dependencies\" key, and \"approval\" is the default";
            foreach (var file in _changes.Files)
            {
                var manifestPath = RelativeToManifest(file.Path);
                if (file.IsSubmodule || manifestPath == null || !(PackageSet.IsDependencyFile(file.Path) || (file.OldPath != null && PackageSet.IsDependencyFile(file.OldPath))))
                {
                    continue;
                }

                var before = file.BasePath != null ? _content.ReadMergeBase(file.BasePath) : null;
                var after = file.Exists ? _content.ReadWorkingTree(file.Path) : null;
                var changed = !(before ?? Array.Empty<byte>()).SequenceEqual(after ?? Array.Empty<byte>());
                // A file renamed to a name that declares nothing (Directory.Packages.props.bak) takes its packages with it.
                var beforeSet = file.BasePath != null && PackageSet.IsDependencyFile(file.BasePath) ? PackageSet.Read(file.BasePath, before) : PackageSet.Empty;
                var afterSet = PackageSet.IsDependencyFile(file.Path) ? PackageSet.Read(file.Path, after) : PackageSet.Empty;
                var changes = PackageSet.Compare(beforeSet, afterSet, changed);
                if (changes.Count == 0 || !Claim(DiagnosticIds.DependencyChange, file.Path))
                {
                    continue;
                }

                _findings.Add(new BoundaryFinding(
                    DiagnosticIds.DependencyChange,
                    file.Path,
                    $"'{file.Path}' changes dependencies: {string.Join("; ", changes)}. Dependency changes need approval ({rule}); a reviewer approves with AgentGuardApprove=AG2005 or a glob that matches the file.",
                    approvalPath: manifestPath));
            }
        }

        /// <summary>The guard files whose changes are findings (AG2006), in CI; null in the local mode.</summary>
        public GuardFiles? GuardFiles { get; set; }

        private void CheckGuardFiles()
        {
            if (GuardFiles == null)
            {
                return;
            }

            foreach (var file in _changes.Files)
            {
                foreach (var path in file.TouchedPaths)
                {
                    var why = GuardFiles.Why(path);
                    if (why == null || !Claim(DiagnosticIds.GuardFileChanged, path))
                    {
                        continue;
                    }

                    _findings.Add(new BoundaryFinding(
                        DiagnosticIds.GuardFileChanged,
                        path,
                        $"'{path}' is a guard file ({why}) and this change {Verb(file, path)} it. In CI the base branch's rules are enforced and a change to them needs a human's approval: AgentGuardApprove with a glob that matches the file, or AG2006.",
                        approvalPath: RelativeToManifest(path) ?? path));
                }
            }
        }

        // In CI, what a change does to weaken enforcement is a finding of its own, saying what it loosens: approving a
        // guard file's change (AG2006) does not approve a loosening in it.
        private void CheckLoosening()
        {
            if (GuardFiles == null)
            {
                return;
            }

            var styleIds = StyleIdsOfBaseRules(GuardFiles);
            foreach (var file in _changes.Files.Where(file => !file.IsSubmodule))
            {
                var isRuleFile = GuardFiles.IsRuleFile(file.Path) || (file.OldPath != null && GuardFiles.IsRuleFile(file.OldPath));
                var isManifest = file.Path == _manifestName || file.OldPath == _manifestName;
                if (!isRuleFile && !isManifest && !PackageSet.IsDependencyFile(file.Path) && !Loosening.IsResponseFile(file.Path) && GuardFiles.Why(file.Path) == null)
                {
                    continue;
                }

                var before = file.BasePath != null ? _content.ReadMergeBase(file.BasePath) : null;
                var after = file.Exists ? _content.ReadWorkingTree(file.Path) : null;
                var loosened = Loosening.Of(file, before, after, isRuleFile, isManifest, styleIds);
                if (loosened.Count == 0 || !Claim(DiagnosticIds.GuardLoosened, file.Path))
                {
                    continue;
                }

                _findings.Add(new BoundaryFinding(
                    DiagnosticIds.GuardLoosened,
                    file.Path,
                    $"'{file.Path}' loosens what is enforced: {string.Join("; ", loosened)}. In CI a loosening needs its own approval: AgentGuardApprove with AG2007 or a glob that matches the file.",
                    approvalPath: RelativeToManifest(file.Path) ?? file.Path));
            }
        }

        /// <summary>The IDs the base branch's style rules switch on: lowering one of them loosens a golden rule (AG2007).</summary>
        private HashSet<string> StyleIdsOfBaseRules(GuardFiles guardFiles)
        {
            var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var ruleFile in guardFiles.RuleFiles)
            {
                if (_content.ReadMergeBase(ruleFile) is { } bytes)
                {
                    var text = System.Text.Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
                    foreach (var rule in RuleFileReader.Read(text).Rules.Where(rule => !rule.Ignored))
                    {
                        ids.UnionWith(rule.Styles.SelectMany(style => style.Ids));
                    }
                }
            }

            return ids;
        }

        private static string Verb(ChangedFile file, string path) =>
            file.Kind == ChangeKind.Deleted ? "deletes"
            : file.Kind == ChangeKind.Renamed ? (path == file.OldPath ? "moves" : "moves a file to")
            : file.Kind == ChangeKind.Added || file.Kind == ChangeKind.Untracked ? "adds"
            : "changes";

        /// <summary>
        /// A file that keeps the AG2011 outcome between builds (under obj/), or null. The outcome depends only on the manifest's
        /// entries and the repository's file list, so a build where neither changed reads it instead of matching every entry
        /// against every file.
        /// </summary>
        public string? UnmatchedEntryCache { get; set; }

        private void CheckUnmatchedEntries()
        {
            // A forbidden file name allowed nowhere ("**/*.pfx", ".env") guards against files that should never appear, so
            // matching nothing is its normal state; an entry with a folder ("deplyo/**") is checked.
            var entries = _manifest.Forbidden.Where(entry => !IsAnywhereName(entry.Text)).Concat(_manifest.Approval).Concat(_manifest.Generated)
                .Select(entry => (Section: entry.Section, Text: entry.Text, Glob: entry.Glob, Line: entry.Line, Column: entry.Column))
                .Concat(_manifest.Tests.Select(test => (Section: "tests.source", Text: test.SourceText, Glob: test.Source, Line: test.Line, Column: test.Column)))
                .ToList();

            // The files the change deletes were in the repository too: an entry that guarded them is not a typo.
            var files = _changes.TrackedFiles.Concat(_changes.Files.SelectMany(file => file.TouchedPaths)).Concat(_changes.Submodules.Select(path => path + SubmoduleStandIn)).ToList();
            var key = UnmatchedEntryCache == null ? null : CacheKey(entries.Select(entry => $"{entry.Section}\t{entry.Text}\t{entry.Line}\t{entry.Column}").Concat(new[] { _manifestName, CacheVersion }), files);
            var unmatched = key != null ? ReadCache(UnmatchedEntryCache!, key) : null;
            if (unmatched == null)
            {
                var tracked = new PathTree(files);
                unmatched = entries.Where(entry => entry.Glob.Matches(tracked, _manifestFolder).Count == 0).Select(entry => (entry.Section, entry.Text, entry.Line, entry.Column)).ToList();
                if (key != null)
                {
                    WriteCache(UnmatchedEntryCache!, key, unmatched);
                }
            }

            foreach (var (section, text, line, column) in unmatched)
            {
                _findings.Add(new BoundaryFinding(DiagnosticIds.UnmatchedManifestEntry, _manifestName, $"the '{section}' entry \"{text}\" matches no file in the repository; check its spelling, or remove it.", line, column, isWarning: true));
            }
        }

        private static bool IsAnywhereName(string glob)
        {
            var text = glob.Trim().Replace('\\', '/');
            while (text.StartsWith("**/", StringComparison.Ordinal) || text.StartsWith("/", StringComparison.Ordinal) || text.StartsWith("./", StringComparison.Ordinal))
            {
                text = text.Substring(text.StartsWith("**/", StringComparison.Ordinal) ? 3 : text.StartsWith("./", StringComparison.Ordinal) ? 2 : 1);
            }

            return text.Length > 0 && text.IndexOf('/') < 0 && !glob.Trim().StartsWith("/", StringComparison.Ordinal);
        }

        // A new version of the check may match differently: its results are not reused.
        private static readonly string CacheVersion = typeof(BoundaryCheck).Assembly.GetName().Version?.ToString() ?? string.Empty;

        // FNV-1a over the entries and the file list: a cache key, not a security boundary (the outcome is a warning).
        private static string CacheKey(IEnumerable<string> entries, IEnumerable<string> files)
        {
            var hash = 14695981039346656037UL;
            foreach (var text in entries.Concat(new[] { "\u0001" }).Concat(files))
            {
                foreach (var c in text)
                {
                    hash = (hash ^ c) * 1099511628211UL;
                }

                hash = (hash ^ 0) * 1099511628211UL;
            }

            return "agentguard-unmatched-v1 " + hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
        }

        private static List<(string Section, string Text, int Line, int Column)>? ReadCache(string path, string key)
        {
            try
            {
                var lines = System.IO.File.Exists(path) ? System.IO.File.ReadAllLines(path) : Array.Empty<string>();
                if (lines.Length == 0 || lines[0] != key)
                {
                    return null;
                }

                var result = new List<(string, string, int, int)>();
                foreach (var line in lines.Skip(1))
                {
                    var parts = line.Split('\t');
                    if (parts.Length != 4 || !int.TryParse(parts[2], out var number) || !int.TryParse(parts[3], out var column))
                    {
                        return null;
                    }

                    result.Add((parts[0], parts[1], number, column));
                }

                return result;
            }
            catch (Exception exception) when (exception is System.IO.IOException || exception is UnauthorizedAccessException)
            {
                return null;
            }
        }

        private static void WriteCache(string path, string key, List<(string Section, string Text, int Line, int Column)> unmatched)
        {
            try
            {
                Reporting.ReportFile.Write(path, string.Join("\n", new[] { key }.Concat(unmatched.Select(entry => $"{entry.Section}\t{entry.Text}\t{entry.Line}\t{entry.Column}"))) + "\n");
            }
            catch (Exception exception) when (exception is System.IO.IOException || exception is UnauthorizedAccessException)
            {
                // A cache that cannot be written is only slower next time.
            }
        }

        private void ApplyApprovals()
        {
            foreach (var finding in _findings)
            {
                var entry = _approvals.Approve(finding);
                if (entry != null)
                {
                    finding.Approve(entry);
                    _notes.Add($"AgentGuard: {finding.Id} on '{finding.Path}' approved by AgentGuardApprove: {entry}");
                }
            }
        }

        private const string SubmoduleStandIn = "/.git";

        private static string WithoutStandIn(string path) =>
            path.EndsWith(SubmoduleStandIn, StringComparison.Ordinal) ? path.Substring(0, path.Length - SubmoduleStandIn.Length) : path;

        private bool Claim(string id, string path) => _reported.Add(id + "|" + path);

        private bool IsForbidden(string path) => _reported.Contains(DiagnosticIds.ForbiddenPath + "|" + path);

        private string ToRepository(string manifestPath) => _manifestFolder.Length == 0 ? manifestPath : _manifestFolder + "/" + manifestPath;

        private string? RelativeToManifest(string repositoryPath) =>
            _manifestFolder.Length == 0 ? repositoryPath
            : repositoryPath.StartsWith(_manifestFolder + "/", StringComparison.OrdinalIgnoreCase) ? repositoryPath.Substring(_manifestFolder.Length + 1) : null;
    }
}
