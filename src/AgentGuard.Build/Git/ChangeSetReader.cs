using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace AgentGuard.Build.Git
{
    /// <summary>Why a change set could not be computed (each cause has its own fix in the message).</summary>
    internal enum ChangeSetFailure
    {
        GitNotFound,
        NotARepository,
        NoCommit,
        UnknownBaseRef,
        ShallowWithoutBase,
        NoCommonHistory,
        GitFailed,
    }

    /// <summary>A change set, or the reason there is none and how to fix it.</summary>
    internal sealed class ChangeSetResult
    {
        private ChangeSetResult(ChangeSet? changeSet, ChangeSetFailure failure, string? problem)
        {
            ChangeSet = changeSet;
            Failure = failure;
            Problem = problem;
        }

        public ChangeSet? ChangeSet { get; }

        public ChangeSetFailure Failure { get; }

        /// <summary>What went wrong and exactly how to fix it; null on success.</summary>
        public string? Problem { get; }

        public static ChangeSetResult Of(ChangeSet changeSet) => new ChangeSetResult(changeSet, default, null);

        public static ChangeSetResult Failed(ChangeSetFailure failure, string problem) => new ChangeSetResult(null, failure, problem);
    }

    /// <summary>
    /// Computes the change set with git: the merge base of HEAD and the base ref, the difference from it to the working tree
    /// (committed, staged and unstaged, with renames), and the untracked files that are not ignored.
    /// </summary>
    internal static class ChangeSetReader
    {
        private const string TurnOff = "or turn the boundary check off knowingly with -p:AgentGuardBoundaryCheck=false (in CI: the environment variable AgentGuardBoundaryCheck=false)";
        private const string Unshallow = "Fetch the history with 'git fetch --unshallow' (GitHub Actions: actions/checkout with 'fetch-depth: 0'; Azure Pipelines: 'fetchDepth: 0'); on a pull request's merge commit fetched with depth 2, build with -p:AgentGuardBaseRef=HEAD^1 (HEAD~1 in cmd.exe, where ^ is an escape; in CI set it as the environment variable AgentGuardBaseRef)";

        /// <param name="folder">A folder inside the working tree.</param>
        /// <param name="baseRefs">The refs to try, in order; the first that exists is the base.</param>
        /// <param name="git">Runs git; null for git on PATH in <paramref name="folder"/>.</param>
        public static ChangeSetResult Read(string folder, IReadOnlyList<string> baseRefs, GitCommand? git = null)
        {
            git = git ?? new GitCommand(folder);
            try
            {
                return ReadWith(git, folder, baseRefs);
            }
            catch (GitNotFoundException exception)
            {
                return ChangeSetResult.Failed(ChangeSetFailure.GitNotFound, $"AgentGuard cannot compute the change set: {exception.Message} Install git and put it on PATH, {TurnOff}.");
            }
            catch (Exception exception) when ((exception is AggregateException aggregate ? aggregate.InnerException : exception) is GitTimeoutException timeout)
            {
                // Two git calls run at once; a timeout in either arrives wrapped.
                return ChangeSetResult.Failed(ChangeSetFailure.GitFailed, $"AgentGuard cannot compute the change set: {timeout.Message} Run that command in the repository to see why it hangs, {TurnOff}.");
            }
        }

        private static ChangeSetResult ReadWith(GitCommand git, string folder, IReadOnlyList<string> baseRefs)
        {
            // The common case in two processes at once: the top folder, whether the clone is shallow, HEAD and the first base
            // ref; and the merge base with that ref. When either fails, the steps below run one by one to say exactly what
            // is missing.
            var usable = baseRefs.Where(IsRefName).ToList();
            string root;
            bool shallow;
            string? baseRef = null;
            string? baseCommit = null;
            string? mergeBaseCommit = null;
            var quickMergeBase = usable.Count > 0 ? System.Threading.Tasks.Task.Run(() => git.Run("merge-base", "HEAD", usable[0] + "^{commit}")) : null;

            // What HEAD's commits change since the merge base ("A...B" diffs from the merge base of A and B): it needs no
            // answer from the steps above, so it starts with them.
            var quickCommitted = usable.Count > 0 ? System.Threading.Tasks.Task.Run(() => git.Run("-c", "core.quotepath=false", "diff", "--raw", "-z", "-M", "--no-ext-diff", "--no-textconv", "--ignore-submodules=dirty", usable[0] + "...HEAD", "--")) : null;
            string prefix;
            var quick = usable.Count > 0 ? git.Run("rev-parse", "--show-toplevel", "--show-prefix", "--is-shallow-repository", "HEAD^{commit}", usable[0] + "^{commit}") : null;
            var lines = quick != null && quick.Succeeded ? quick.Text.Split('\n') : Array.Empty<string>();
            if (lines.Length == 5)
            {
                root = Path.GetFullPath(lines[0].TrimEnd('\r'));
                prefix = lines[1].TrimEnd('\r');
                shallow = lines[2].Trim() == "true";
                baseRef = usable[0];
                baseCommit = lines[4].Trim();
                var merged = quickMergeBase!.Result;
                mergeBaseCommit = merged.Succeeded ? merged.Text : null;
            }
            else
            {
                quickMergeBase?.Wait();
                var top = git.Run("rev-parse", "--show-toplevel");
                if (!top.Succeeded && top.StandardError.IndexOf("dubious ownership", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return ChangeSetResult.Failed(ChangeSetFailure.NotARepository, $"AgentGuard cannot compute the change set: git refuses the repository at '{folder}' because another user owns it (git: {top.FirstErrorLine}). Mark it safe with 'git config --global --add safe.directory <repository folder>' (common in container jobs), {TurnOff}.");
                }

                if (!top.Succeeded)
                {
                    return ChangeSetResult.Failed(ChangeSetFailure.NotARepository, $"AgentGuard cannot compute the change set: '{folder}' is not inside a git working tree (git: {top.FirstErrorLine}). Build from a git clone, {TurnOff}.");
                }

                root = Path.GetFullPath(top.Text);
                prefix = git.Run("rev-parse", "--show-prefix").Text;
                shallow = git.Run("rev-parse", "--is-shallow-repository").Text == "true";
                if (!git.Run("rev-parse", "--verify", "--quiet", "HEAD^{commit}").Succeeded)
                {
                    return ChangeSetResult.Failed(ChangeSetFailure.NoCommit, $"AgentGuard cannot compute the change set: the repository at '{root}' has no commit yet, so there is no base to compare with. Commit once (the base branch's first commit), {TurnOff}.");
                }

                foreach (var candidate in usable)
                {
                    var resolved = git.Run("rev-parse", "--verify", "--quiet", candidate + "^{commit}");
                    if (resolved.Succeeded)
                    {
                        baseRef = candidate;
                        baseCommit = resolved.Text;
                        break;
                    }
                }
            }

            var tried = string.Join(", ", Quoted(baseRefs));
            if (baseRef == null || baseCommit == null)
            {
                return ChangeSetResult.Failed(
                    ChangeSetFailure.UnknownBaseRef,
                    shallow
                        ? $"AgentGuard cannot compute the change set: this is a shallow clone and the base ref is not in it (tried {tried}). {Unshallow}; or fetch the base branch ({FetchCommand(baseRefs)}), {TurnOff}."
                        : $"AgentGuard cannot compute the change set: the base ref does not exist here (tried {tried}). Fetch it ({FetchCommand(baseRefs)}), or name the branch this change will merge into with -p:AgentGuardBaseRef=<ref> (in CI: the environment variable AgentGuardBaseRef) or \"baseRef\" in agentguard.json, {TurnOff}.");
            }

            var mergeBase = mergeBaseCommit != null ? null : git.Run("merge-base", "HEAD", baseCommit);
            if (mergeBase != null && !mergeBase.Succeeded)
            {
                return shallow
                    ? ChangeSetResult.Failed(ChangeSetFailure.ShallowWithoutBase, $"AgentGuard cannot compute the change set: this is a shallow clone and the merge base of HEAD and '{baseRef}' is not in it. {Unshallow}, {TurnOff}.")
                    : ChangeSetResult.Failed(ChangeSetFailure.NoCommonHistory, $"AgentGuard cannot compute the change set: HEAD and '{baseRef}' share no history (git merge-base found no common commit). Name the branch this change will merge into with -p:AgentGuardBaseRef=<ref> (in CI: the environment variable AgentGuardBaseRef), {TurnOff}.");
            }

            // At the top folder, where git lists every path of the working tree relative to the root. The change is what
            // HEAD's commits change since the merge base, plus what `git status` sees: staged, unstaged and untracked. So a
            // committed or staged change counts even when the working tree has put the file back: it is what gets pushed.
            git = git.In(root);
            mergeBaseCommit = mergeBaseCommit ?? mergeBase!.Text;
            var knownBase = mergeBaseCommit;
            var committedAlready = quickCommitted != null && baseRef == usable[0] ? quickCommitted.Result : null;
            var background = System.Threading.Tasks.Task.Run(() => new[]
            {
                git.Run("ls-files", "-z", "--cached"),
                committedAlready != null && committedAlready.Succeeded ? committedAlready : git.Run("-c", "core.quotepath=false", "diff", "--raw", "-z", "-M", "--no-ext-diff", "--no-textconv", "--ignore-submodules=dirty", knownBase, "HEAD", "--"),
            });
            var status = git.Run("-c", "core.quotepath=false", "status", "--porcelain=v2", "-z", "--untracked-files=all", "--ignore-submodules=dirty");
            var outputs = background.Result;
            if (!status.Succeeded)
            {
                return GitFailed("git status", status);
            }

            if (!outputs[1].Succeeded)
            {
                return GitFailed("git diff", outputs[1]);
            }

            if (!outputs[0].Succeeded)
            {
                return GitFailed("git ls-files", outputs[0]);
            }

            var untracked = new List<string>();
            var changes = ChangeMerge.Combine(RawDiffParser.Parse(outputs[1].StandardOutput), StatusParser.Parse(status.StandardOutput, untracked));
            var all = NulFields.Split(outputs[0].StandardOutput);
            var listed = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < changes.Count; i++)
            {
                listed[changes[i].Path] = i;
            }

            foreach (var path in untracked)
            {
                // Build output that no .gitignore covers yet is not part of a change.
                var file = path.TrimEnd('/');
                if (IsBuildOutput(path))
                {
                    continue;
                }

                all.Add(path);

                // An index entry removed (git rm --cached) or deleted by the commits, with the file still on disk: it exists.
                if (listed.TryGetValue(file, out var index))
                {
                    var earlier = changes[index];
                    changes[index] = new ChangedFile(file, earlier.BasePath != null && earlier.Kind == ChangeKind.Deleted ? ChangeKind.Modified : ChangeKind.Untracked, null, earlier.IsSubmodule);
                    continue;
                }

                changes.Add(new ChangedFile(file, ChangeKind.Untracked));
            }

            return ChangeSetResult.Of(new ChangeSet(root, baseRef, mergeBaseCommit, changes, all, Submodules(root)) { FolderPrefix = prefix.TrimEnd('/') });
        }

        // .gitmodules names each submodule's path ("path = vendor/lib"); git config syntax, one key per line.
        private static List<string> Submodules(string root)
        {
            var paths = new List<string>();
            try
            {
                var file = Path.Combine(root, ".gitmodules");
                if (File.Exists(file))
                {
                    foreach (var line in File.ReadAllLines(file))
                    {
                        var trimmed = line.Trim();
                        var equals = trimmed.IndexOf('=');
                        if (equals > 0 && trimmed.Substring(0, equals).Trim() == "path")
                        {
                            paths.Add(trimmed.Substring(equals + 1).Trim().Trim('"'));
                        }
                    }
                }
            }
            catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
            {
                // Without the list, a folder glob over a submodule may be reported as matching nothing (a warning).
            }

            return paths;
        }

        // "origin/develop" is fetched as "git fetch origin develop:refs/remotes/origin/develop", which also works in a
        // single-branch clone; a local branch name is fetched from origin into that branch.
        private static string FetchCommand(IReadOnlyList<string> baseRefs)
        {
            var name = baseRefs.FirstOrDefault(IsRefName) ?? "origin/main";
            var slash = name.IndexOf('/');
            return slash > 0 && !name.StartsWith("refs/", StringComparison.Ordinal)
                ? $"'git fetch origin {name.Substring(slash + 1)}:refs/remotes/{name}'"
                : $"'git fetch origin {name}'";
        }

        // obj/ is the build's intermediate folder; bin/ counts only where a configuration folder (Debug, Release) follows,
        // so a script folder named bin/ stays part of the change.
        private static bool IsBuildOutput(string path)
        {
            var segments = path.Split('/');
            for (var i = 0; i < segments.Length - 1; i++)
            {
                if (segments[i].Equals("obj", StringComparison.OrdinalIgnoreCase)
                    || (segments[i].Equals("bin", StringComparison.OrdinalIgnoreCase) && (segments[i + 1].Equals("Debug", StringComparison.OrdinalIgnoreCase) || segments[i + 1].Equals("Release", StringComparison.OrdinalIgnoreCase))))
                {
                    return true;
                }
            }

            return false;
        }

        // A ref that starts with '-' would read as an option; refs never do.
        private static bool IsRefName(string name) => name.Length > 0 && !name.StartsWith("-", StringComparison.Ordinal);

        /// <summary>The bytes of <paramref name="path"/> at <paramref name="commit"/>, or null when it does not exist there.</summary>
        public static byte[]? ReadAt(GitCommand git, string commit, string path)
        {
            var shown = git.Run("cat-file", "blob", commit + ":" + path);
            return shown.Succeeded ? shown.StandardOutput : null;
        }

        private static IEnumerable<string> Quoted(IReadOnlyList<string> refs)
        {
            foreach (var name in refs)
            {
                yield return "'" + name + "'";
            }
        }

        private static ChangeSetResult GitFailed(string what, GitOutput output) =>
            ChangeSetResult.Failed(ChangeSetFailure.GitFailed, $"AgentGuard cannot compute the change set: {what} failed with exit code {output.ExitCode} ({output.FirstErrorLine}). Fix the repository so the command runs, {TurnOff}.");
    }
}
