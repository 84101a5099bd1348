using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using AgentGuard.Build.Boundaries;
using AgentGuard.Build.Git;
using AgentGuard.Policy;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace AgentGuard.Build
{
    /// <summary>
    /// What the boundary tasks share: the inputs the targets pass, reading the manifest (AG2010), the change set (AG2000,
    /// computed once per build and repository), the golden rules' path rules and the review ledger.
    /// </summary>
    public abstract class BoundaryTask : Task, ICancelableTask
    {
        private static readonly object Gate = new object();

        private readonly CancellationTokenSource _cancel = new CancellationTokenSource();

        /// <summary>The boundary manifest (agentguard.json); the check is off when it does not exist.</summary>
        [Required]
        public string Manifest { get; set; } = string.Empty;

        /// <summary>AgentGuardBaseRef: the ref the change is compared against; empty for the manifest's, then origin/main, then main.</summary>
        public string BaseRef { get; set; } = string.Empty;

        /// <summary>The golden-rule files the project's analyzers read (with their AgentGuardScopeFolder/AgentGuardImportedBy metadata).</summary>
        public ITaskItem[] RuleFiles { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>A folder for what the check keeps between builds (the project's obj/agentguard/); empty for none.</summary>
        public string CacheFolder { get; set; } = string.Empty;

        /// <summary>The project's name, to say which project reported a finding first.</summary>
        public string ProjectName { get; set; } = string.Empty;

        /// <summary>
        /// "ci" reads the manifest and the review ledger from the merge base, so a change cannot loosen its own gate, and
        /// reports changes to guard files (AG2006); anything else is the local mode.
        /// </summary>
        public string Mode { get; set; } = string.Empty;

        /// <summary>The project's folder: in CI the manifest is looked for at the top of its git working tree.</summary>
        public string ProjectDirectory { get; set; } = string.Empty;

        /// <summary>
        /// Where trusted settings come from: the environment, which CI sets and no file of the change can. (Global properties
        /// are not trusted: an MSBuild task call in a traversal project the change edits sets them too.)
        /// </summary>
        internal Func<string, string?> TrustedSource { get; set; } = Environment.GetEnvironmentVariable;

        /// <summary>
        /// CI mode: the environment says so (AgentGuardMode=ci, or a CI server's variable), or the project asks for it. Only
        /// the environment can turn it off (AgentGuardMode=local): a project file the change edits cannot.
        /// </summary>
        internal bool IsCi
        {
            get
            {
                var trustedMode = TrustedSetting("AgentGuardMode");
                if (string.Equals(trustedMode, "local", StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }

                return string.Equals(trustedMode, "ci", StringComparison.OrdinalIgnoreCase)
                    || new[] { "CI", "TF_BUILD", "GITHUB_ACTIONS", "ContinuousIntegrationBuild" }.Any(name => string.Equals(TrustedSetting(name), "true", StringComparison.OrdinalIgnoreCase))
                    || string.Equals(Mode, "ci", StringComparison.OrdinalIgnoreCase);
            }
        }

        /// <summary>The value of a setting CI passes in the environment; in CI mode approvals, the base ref, the manifest and
        /// the off switch count only from there.</summary>
        internal string? TrustedSetting(string name)
        {
            var value = TrustedSource(name);
            return string.IsNullOrWhiteSpace(value) ? null : value;
        }

        /// <summary>The base ref in force: in CI only what CI passes.</summary>
        private string EffectiveBaseRef => (IsCi ? TrustedSetting("AgentGuardBaseRef") : BaseRef) ?? string.Empty;

        /// <summary>Reads everything a check needs; null when the check is off or cannot run (the reason is logged).</summary>
        internal PreparedCheck? Prepare()
        {
            var manifestPath = Path.GetFullPath(CiManifest() ?? Manifest);
            var manifestFolder = Path.GetDirectoryName(manifestPath)!;
            if (!File.Exists(manifestPath) && !(IsCi && BaseHasManifest(manifestFolder, manifestPath)))
            {
                if (Once("AgentGuard.NoManifest|" + manifestPath))
                {
                    var pathRules = ReadPathRules(null);
                    Log.LogMessage(
                        MessageImportance.Normal,
                        "{0}",
                        $"AgentGuard: no boundary manifest at '{manifestPath}'; the boundary check is off." + (pathRules.Count > 0 ? $" The path rules of the golden rules ({pathRules[0].RuleFile} line {pathRules[0].Line}{(pathRules.Count > 1 ? " and " + (pathRules.Count - 1) + " more" : string.Empty)}) are enforced only with a manifest: add an agentguard.json (it may be just {{}})." : string.Empty));
                }

                return null;
            }

            var explicitBase = !string.IsNullOrWhiteSpace(EffectiveBaseRef) ? new[] { EffectiveBaseRef.Trim() } : null;
            BoundaryManifest? manifest = null;
            if (!IsCi)
            {
                string text;
                try
                {
                    text = File.ReadAllText(manifestPath);
                }
                catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
                {
                    Fail(DiagnosticIds.InvalidManifest, manifestPath, 0, 0, $"AgentGuard cannot read the boundary manifest: {exception.Message}");
                    return null;
                }

                manifest = ReadManifest(text, manifestPath, string.Empty);
                if (manifest == null)
                {
                    return null;
                }
            }

            // In CI the base ref never comes from the change itself: the property (set by CI), the defaults, or the
            // baseRef of the manifest as the base branch has it.
            var baseRefs = explicitBase ?? (manifest?.BaseRef != null ? new[] { manifest.BaseRef } : new[] { "origin/main", "main" });
            var changes = ChangeSetFor(manifestFolder, baseRefs);
            if (changes.ChangeSet == null)
            {
                // Said in full once per build; every other project points at it.
                Fail(DiagnosticIds.ChangeSetUnavailable, string.Empty, 0, 0, Once("AgentGuard.ChangeSetProblem|" + changes.Problem) ? changes.Problem! : "AgentGuard cannot compute the change set (see the first AG2000 of this build for why and how to fix it).");
                return null;
            }

            // git says where the manifest's folder is in the repository, whatever links or case led to it.
            var root = changes.ChangeSet.RepositoryRoot;
            var manifestRelative = (changes.ChangeSet.FolderPrefix.Length == 0 ? string.Empty : changes.ChangeSet.FolderPrefix + "/") + Path.GetFileName(manifestPath);

            var folder = manifestRelative.Contains("/") ? manifestRelative.Substring(0, manifestRelative.LastIndexOf('/')) : string.Empty;
            var ledgerRelative = (folder.Length == 0 ? string.Empty : folder + "/") + ReviewLedger.RelativePath;
            var ledgerPath = Path.Combine(manifestFolder, ReviewLedger.RelativePath.Replace('/', Path.DirectorySeparatorChar));
            var git = Git(root);
            ReviewLedger ledger;
            if (IsCi)
            {
                for (var attempt = 0; attempt < 2; attempt++)
                {
                    var baseText = ChangeSetReader.ReadAt(git, changes.ChangeSet.MergeBase, manifestRelative);
                    if (baseText == null)
                    {
                        if (Once("AgentGuard.NewManifest|" + manifestPath))
                        {
                            Log.LogMessage(MessageImportance.High, "{0}", $"AgentGuard: CI mode enforces the base branch's '{manifestRelative}', and '{changes.ChangeSet.BaseRef}' has none yet; the boundary check starts once this change is merged.");
                        }

                        return null;
                    }

                    manifest = ReadManifest(System.Text.Encoding.UTF8.GetString(baseText), manifestPath, $" (the version at the merge base with '{changes.ChangeSet.BaseRef}', which CI enforces)");
                    if (manifest == null)
                    {
                        return null;
                    }

                    if (explicitBase != null || manifest.BaseRef == null || manifest.BaseRef == changes.ChangeSet.BaseRef || attempt > 0)
                    {
                        break;
                    }

                    changes = ChangeSetFor(manifestFolder, new[] { manifest.BaseRef });
                    if (changes.ChangeSet == null)
                    {
                        Fail(DiagnosticIds.ChangeSetUnavailable, string.Empty, 0, 0, changes.Problem!);
                        return null;
                    }
                }

                // Reviews count when the base branch has them: an entry the change adds for itself is no review.
                var baseLedger = ChangeSetReader.ReadAt(git, changes.ChangeSet.MergeBase, ledgerRelative);
                ledger = ReviewLedger.Parse(baseLedger == null ? null : System.Text.Encoding.UTF8.GetString(baseLedger));
            }
            else
            {
                try
                {
                    ledger = ReviewLedger.Parse(File.Exists(ledgerPath) ? File.ReadAllText(ledgerPath) : null);
                }
                catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
                {
                    // Another project's review target may be writing it; without it every generated change is unreviewed.
                    Log.LogMessage(MessageImportance.High, "{0}", $"AgentGuard: could not read the review ledger '{ledgerPath}' ({exception.Message}); generated files count as unreviewed.");
                    ledger = ReviewLedger.Empty;
                }
            }

            var content = new GitRepositoryContent(Git(root), root, changes.ChangeSet.MergeBase);
            var cache = string.IsNullOrWhiteSpace(CacheFolder) ? null : Path.Combine(Path.GetFullPath(CacheFolder), "unmatched-entries.txt");
            // In CI the rule files count as the merge base has them: their path rules, and the files they import, which
            // are guard files even when the change deletes them or drops the import.
            var mergeBaseCommit = changes.ChangeSet.MergeBase;
            Func<string, string?>? atBase = IsCi
                ? path => PathGlob.RelativeTo(root, path) is { } relative && ChangeSetReader.ReadAt(git, mergeBaseCommit, relative) is { } bytes ? System.Text.Encoding.UTF8.GetString(bytes) : null
                : (Func<string, string?>?)null;
            var guarded = RuleFilePaths(root).ToList();
            if (atBase != null)
            {
                foreach (var item in RuleFiles)
                {
                    var source = Path.GetFullPath(item.ItemSpec);
                    var text = atBase(source);
                    foreach (var import in text == null ? Enumerable.Empty<RuleImport>() : RuleFileReader.Read(text).Imports)
                    {
                        var imported = PathGlob.RelativeTo(root, Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, import.Path)));
                        if (imported != null)
                        {
                            guarded.Add(imported);
                        }
                    }
                }
            }

            var guardFiles = new GuardFiles(manifestRelative, ledgerRelative, guarded);
            return new PreparedCheck(manifest!, manifestPath, manifestRelative, folder, changes.ChangeSet, ReadPathRules(root, atBase), ledger, ledgerPath, content, cache, guardFiles, IsCi);
        }

        private BoundaryManifest? ReadManifest(string text, string manifestPath, string version)
        {
            var read = ManifestReader.Read(text);
            if (read.Manifest != null)
            {
                return read.Manifest;
            }

            if (Once("AgentGuard.ManifestProblems|" + manifestPath + "|" + version))
            {
                foreach (var problem in read.Problems)
                {
                    Fail(DiagnosticIds.InvalidManifest, manifestPath, problem.Line, problem.Column, $"The boundary manifest{version} is invalid: {problem.Message}. Nothing else is checked until it is fixed.");
                }
            }
            else
            {
                Fail(DiagnosticIds.InvalidManifest, manifestPath, 0, 0, $"The boundary manifest{version} is invalid (see the errors reported for it earlier in this build).");
            }

            return null;
        }

        // In CI the manifest is where CI says (AgentGuardManifest in the environment) or at the top of the working tree: a
        // project file the change edits cannot point the check at a manifest that does not exist.
        private string? CiManifest()
        {
            if (!IsCi)
            {
                return null;
            }

            var trusted = TrustedSetting("AgentGuardManifest");
            if (trusted != null)
            {
                return Path.GetFullPath(trusted);
            }

            try
            {
                var folder = string.IsNullOrWhiteSpace(ProjectDirectory) ? Path.GetDirectoryName(Path.GetFullPath(Manifest))! : ProjectDirectory;
                var top = Directory.Exists(folder) ? Git(folder).Run("rev-parse", "--show-toplevel") : null;
                return top != null && top.Succeeded ? Path.Combine(Path.GetFullPath(top.Text), "agentguard.json") : null;
            }
            catch (GitNotFoundException)
            {
                return null;
            }
        }

        // In CI a change that deletes the manifest must not switch the check off: the base branch's manifest still counts.
        private bool BaseHasManifest(string folder, string manifestPath)
        {
            try
            {
                var git = Git(folder);
                var top = git.Run("rev-parse", "--show-toplevel");
                var relative = top.Succeeded ? PathGlob.RelativeTo(Path.GetFullPath(top.Text), manifestPath) : null;
                var candidates = new[] { TrustedSetting("AgentGuardBaseRef"), TrustedSetting("GITHUB_BASE_REF") is { } github ? "origin/" + github : null, TrustedSetting("SYSTEM_PULLREQUEST_TARGETBRANCH") is { } azure ? "origin/" + azure.Replace("refs/heads/", string.Empty) : null, "origin/HEAD", "origin/main", "main", "origin/master", "master" };
                return relative != null && candidates.Where(reference => reference != null && !reference.StartsWith("-", StringComparison.Ordinal)).Any(reference => git.Run("cat-file", "-e", reference + ":" + relative).Succeeded);
            }
            catch (GitNotFoundException)
            {
                return false;
            }
        }

        /// <summary>The errors that stopped the check before it ran (AG2000, AG2010), for the reports; the file is a full path or empty.</summary>
        internal List<(BoundaryFinding Finding, string File)> Failures { get; } = new List<(BoundaryFinding, string)>();

        /// <summary>
        /// Runs the task. A git call that does not finish in time (<see cref="GitCommand.DefaultTimeout"/>) is killed and
        /// fails the check closed with AG2000 naming the command; a cancelled build stops at the next git call.
        /// </summary>
        public sealed override bool Execute()
        {
            try
            {
                return Run();
            }
            catch (Exception exception) when (Unwrap(exception) is GitTimeoutException timeout)
            {
                // Said even by a quiet task: what it could not read must not pass for read.
                Log.LogError(null, DiagnosticIds.ChangeSetUnavailable, null, string.Empty, 0, 0, 0, 0, "{0}", $"AgentGuard stopped a git call: {timeout.Message} Run that command in the repository to see why it hangs, or turn the boundary check off knowingly with -p:AgentGuardBoundaryCheck=false (in CI: the environment variable AgentGuardBoundaryCheck=false).");
                return false;
            }
            catch (Exception exception) when (Unwrap(exception) is OperationCanceledException && _cancel.IsCancellationRequested)
            {
                return false;
            }
        }

        /// <summary>Stops the task at its next git call (MSBuild calls it when the build is cancelled).</summary>
        public void Cancel() => _cancel.Cancel();

        /// <summary>The task's work, run by <see cref="Execute"/>.</summary>
        private protected abstract bool Run();

        /// <summary>git in <paramref name="folder"/>, stopped when the build is cancelled.</summary>
        private protected GitCommand Git(string folder) => new GitCommand(folder, cancellation: _cancel.Token);

        private static Exception Unwrap(Exception exception) =>
            exception is AggregateException aggregate && aggregate.InnerExceptions.Count == 1 ? Unwrap(aggregate.InnerExceptions[0]) : exception;

        /// <summary>True when another target reports the check's problems: this task only needs to know whether it can run.</summary>
        internal bool Quiet { get; set; }

        private void Fail(string id, string file, int line, int column, string message)
        {
            if (Quiet)
            {
                return;
            }

            Log.LogError(null, id, null, file, line, column, 0, 0, "{0}", message);
            Failures.Add((new BoundaryFinding(id, file.Length == 0 ? string.Empty : Path.GetFileName(file), message, line, column), file));
        }

        /// <summary>True the first time <paramref name="key"/> is claimed in this build (in this MSBuild node).</summary>
        internal bool Once(string key)
        {
            // A quiet task says nothing, and leaves every "first time" to the task that reports.
            if (Quiet)
            {
                return false;
            }

            lock (Gate)
            {
                var engine = BuildEngine as IBuildEngine4;
                if (engine == null)
                {
                    return true;
                }

                if (engine.GetRegisteredTaskObject(key, RegisteredTaskObjectLifetime.Build) != null)
                {
                    return false;
                }

                engine.RegisterTaskObject(key, ProjectName, RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);
                return true;
            }
        }

        /// <summary>Who claimed <paramref name="key"/> first in this build, or null.</summary>
        internal string? ClaimedBy(string key)
        {
            var engine = BuildEngine as IBuildEngine4;
            return engine?.GetRegisteredTaskObject(key, RegisteredTaskObjectLifetime.Build) as string;
        }

        /// <summary>The object registered for this build under <paramref name="key"/>, made by <paramref name="make"/> the first time.</summary>
        internal T Shared<T>(string key, Func<T> make)
            where T : class
        {
            lock (Gate)
            {
                var engine = BuildEngine as IBuildEngine4;
                if (engine?.GetRegisteredTaskObject(key, RegisteredTaskObjectLifetime.Build) is T cached)
                {
                    return cached;
                }

                var made = make();
                engine?.RegisterTaskObject(key, made, RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);
                return made;
            }
        }

        // Every project of a build asks for the same change set: git runs once per repository and base.
        private ChangeSetResult ChangeSetFor(string folder, IReadOnlyList<string> baseRefs) =>
            Shared("AgentGuard.ChangeSet|" + folder + "|" + string.Join(",", baseRefs), () => ChangeSetReader.Read(folder, baseRefs, Git(folder)));

        /// <summary>How many golden rules the project's rule files hold, and how each is enforced, for the review summary.</summary>
        internal Reporting.RuleCounts CountRules()
        {
            var rules = new List<GoldenRule>();
            var files = 0;
            foreach (var item in RuleFiles)
            {
                try
                {
                    rules.AddRange(RuleFileReader.Read(File.ReadAllText(item.ItemSpec)).Rules.Where(rule => !rule.Ignored));
                    files++;
                }
                catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
                {
                    // Reported by the analyzers (AG0011).
                }
            }

            return new Reporting.RuleCounts(files, rules.Count, rules.Count(rule => rule.IsEnforcedInCode), rules.Count(rule => rule.IsEnforcedOnPaths), rules.Count(rule => rule.IsGuidance));
        }

        /// <summary>The rule files relative to <paramref name="repositoryRoot"/>, with '/'.</summary>
        internal IReadOnlyCollection<string> RuleFilePaths(string repositoryRoot) =>
            RuleFiles.Select(item => PathGlob.RelativeTo(repositoryRoot, Path.GetFullPath(item.ItemSpec)) ?? item.ItemSpec).ToList();

        /// <param name="repositoryRoot">The root the rule files are named relative to, or null before it is known.</param>
        /// <param name="read">Reads a rule file's text (in CI, as the merge base has it); null for the working tree.</param>
        private List<PathRuleSource> ReadPathRules(string? repositoryRoot, Func<string, string?>? read = null)
        {
            var files = new Dictionary<string, (ITaskItem Item, RuleFile Rules)>(StringComparer.OrdinalIgnoreCase);
            foreach (var item in RuleFiles)
            {
                var path = Path.GetFullPath(item.ItemSpec);
                try
                {
                    var text = read != null ? read(path) : File.ReadAllText(path);
                    if (text != null)
                    {
                        files[path] = (item, RuleFileReader.Read(text));
                    }
                }
                catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
                {
                    // The analyzers report an unreadable rule file (AG0011) on it.
                }
            }

            var sources = new List<PathRuleSource>();
            foreach (var entry in files)
            {
                // The targets mark each file with its kind and folders (RuleFileMetadata); an imported file applies where the
                // file that imports it does, followed to the top.
                var file = RuleFileItem.From(entry.Value.Item);
                var top = RuleFileItem.TopImporter(entry.Value, read => RuleFileItem.From(read.Item).ImportedBy, files);

                var scope = new PathRuleScope(
                    RuleFileScope.Of(RuleFileItem.From(top.Item).Kind, top.Rules.FrontMatter),
                    Relative(repositoryRoot, file.BaseFolder),
                    file.ScopeFolder == null ? null : Relative(repositoryRoot, file.ScopeFolder));
                var display = repositoryRoot != null ? PathGlob.RelativeTo(repositoryRoot, entry.Key) ?? entry.Key : Path.GetFileName(entry.Key);
                foreach (var rule in entry.Value.Rules.Rules.Where(rule => !rule.Ignored))
                {
                    foreach (var pathRule in rule.Paths)
                    {
                        sources.Add(new PathRuleSource(pathRule, scope.BaseFolder, display, rule.Line, rule.Text, scope));
                    }
                }
            }

            return sources;
        }

        /// <summary>A folder relative to the repository root with '/', "" for the root itself.</summary>
        private static string Relative(string? repositoryRoot, string folder) =>
            repositoryRoot != null ? (PathGlob.RelativeTo(repositoryRoot, folder.TrimEnd('/', '\\') + "/") ?? string.Empty).TrimEnd('/') : string.Empty;

        /// <summary>Everything one check reads, ready to run.</summary>
        internal sealed class PreparedCheck
        {
            private readonly string? _cacheFile;
            private readonly bool _reportGuardFiles;

            public PreparedCheck(BoundaryManifest manifest, string manifestPath, string manifestRelative, string manifestFolder, ChangeSet changes, IReadOnlyList<PathRuleSource> pathRules, ReviewLedger ledger, string ledgerPath, IRepositoryContent content, string? cacheFile, GuardFiles guardFiles, bool reportGuardFiles)
            {
                _cacheFile = cacheFile;
                GuardFiles = guardFiles;
                _reportGuardFiles = reportGuardFiles;
                Manifest = manifest;
                ManifestPath = manifestPath;
                ManifestRelative = manifestRelative;
                ManifestFolder = manifestFolder;
                Changes = changes;
                PathRules = pathRules;
                Ledger = ledger;
                LedgerPath = ledgerPath;
                Content = content;
            }

            public BoundaryManifest Manifest { get; }

            /// <summary>The files that decide what is enforced (reported as AG2006 in CI).</summary>
            public GuardFiles GuardFiles { get; }

            public string ManifestPath { get; }

            public string ManifestRelative { get; }

            public string ManifestFolder { get; }

            public ChangeSet Changes { get; }

            public IReadOnlyList<PathRuleSource> PathRules { get; }

            public ReviewLedger Ledger { get; }

            public string LedgerPath { get; }

            public IRepositoryContent Content { get; }

            public BoundaryCheck Check(Approvals approvals) =>
                new BoundaryCheck(Manifest, ManifestFolder, ManifestRelative, Changes, PathRules, Ledger, approvals, Content) { UnmatchedEntryCache = _cacheFile, GuardFiles = _reportGuardFiles ? GuardFiles : null };

            /// <summary>What makes two projects' checks the same check: the manifest, the path rules, the approvals.</summary>
            public string Identity(string approve) =>
                ManifestPath + "|" + approve + "|" + _reportGuardFiles + "|" + Changes.BaseRef + "|" + string.Join(";", PathRules.Select(rule => rule.RuleFile + ":" + rule.Line + ":" + rule.Folder + ":" + rule.Rule));

            /// <summary>The full path of a repository-relative path.</summary>
            public string FullPath(string relative) => Path.Combine(Changes.RepositoryRoot, relative.Replace('/', Path.DirectorySeparatorChar));
        }

        private sealed class GitRepositoryContent : IRepositoryContent
        {
            private readonly string _root;
            private readonly string _mergeBase;
            private readonly GitCommand _git;

            public GitRepositoryContent(GitCommand git, string root, string mergeBase)
            {
                _root = root;
                _mergeBase = mergeBase;
                _git = git;
            }

            public byte[]? ReadWorkingTree(string path)
            {
                try
                {
                    return File.ReadAllBytes(Path.Combine(_root, path.Replace('/', Path.DirectorySeparatorChar)));
                }
                catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
                {
                    return null;
                }
            }

            public byte[]? ReadMergeBase(string path) => ChangeSetReader.ReadAt(_git, _mergeBase, path);
        }
    }
}
