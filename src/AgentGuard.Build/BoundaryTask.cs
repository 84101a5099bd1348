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
    public abstract partial class BoundaryTask : Task, ICancelableTask
    {
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
        internal bool IsCi => new TrustedSettings(TrustedSource).IsCi(Mode);

        /// <summary>The value of a setting CI passes in the environment; in CI mode approvals, the base ref, the manifest and
        /// the off switch count only from there.</summary>
        internal string? TrustedSetting(string name) => new TrustedSettings(TrustedSource).Setting(name);

        /// <summary>The base ref in force: in CI only what CI passes.</summary>
        internal string EffectiveBaseRef => (IsCi ? TrustedSetting("AgentGuardBaseRef") : BaseRef) ?? string.Empty;

        /// <summary>Reads everything a check needs; null when the check is off or cannot run (the reason is logged).</summary>
        internal PreparedCheck? Prepare() => new BoundaryPreparation(this).Prepare();

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

        /// <summary>The git the task runs; a test puts a stand-in here.</summary>
        internal string GitExecutable { get; set; } = "git";

        /// <summary>How long one git call may run (<see cref="GitCommand.DefaultTimeout"/>); a test shortens it.</summary>
        internal TimeSpan GitTimeout { get; set; } = GitCommand.DefaultTimeout;

        /// <summary>git in <paramref name="folder"/>, under the time limit, stopped when the build is cancelled.</summary>
        internal GitCommand Git(string folder) => new GitCommand(folder, GitExecutable, GitTimeout, _cancel.Token);

        private static Exception Unwrap(Exception exception) =>
            exception is AggregateException aggregate && aggregate.InnerExceptions.Count == 1 ? Unwrap(aggregate.InnerExceptions[0]) : exception;

        /// <summary>True when another target reports the check's problems: this task only needs to know whether it can run.</summary>
        internal bool Quiet { get; set; }

        /// <summary>Logs an error that stops the check (AG2000, AG2010) and keeps it for the reports; a quiet task says nothing.</summary>
        internal void Fail(string id, string file, int line, int column, string message)
        {
            if (Quiet)
            {
                return;
            }

            Log.LogError(null, id, null, file, line, column, 0, 0, "{0}", message);
            Failures.Add((new BoundaryFinding(id, file.Length == 0 ? string.Empty : Path.GetFileName(file), message, line, column), file));
        }

        /// <summary>True the first time <paramref name="key"/> is claimed in this build (in this MSBuild node); a quiet task
        /// says nothing, and leaves every "first time" to the task that reports.</summary>
        internal bool Once(string key) => !Quiet && new BuildScoped(BuildEngine).Once(key, ProjectName);

        /// <summary>Who claimed <paramref name="key"/> first in this build, or null.</summary>
        internal string? ClaimedBy(string key) => new BuildScoped(BuildEngine).ClaimedBy(key);

        /// <summary>The object registered for this build under <paramref name="key"/>, made by <paramref name="make"/> the first time.</summary>
        internal T Shared<T>(string key, Func<T> make)
            where T : class => new BuildScoped(BuildEngine).Shared(key, make);

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

        /// <summary>The golden rules' path rules of the project's rule files; <paramref name="read"/> reads a file's text (in CI, at the merge base).</summary>
        internal List<PathRuleSource> ReadPathRules(string? repositoryRoot, Func<string, string?>? read = null) => PathRuleReader.Read(RuleFiles, repositoryRoot, read);
    }
}
