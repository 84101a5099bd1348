using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using AgentGuard.Build.Baselines;
using AgentGuard.Policy;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace AgentGuard.Build
{
    /// <summary>
    /// The last step of <c>dotnet build -t:AgentGuardBaseline</c>: reads the findings the writing compilation reported
    /// (AG0013, one per finding) from its error log and writes this project's part of <c>.agentguard/baseline.txt</c>,
    /// keeping every other project's entries. Projects of a parallel build (<c>-m</c>) take turns through a lock file,
    /// so none loses another's entries.
    /// </summary>
    public sealed class WriteBaseline : BaselineTask
    {
        /// <summary>The project's name, for the line that says what was written.</summary>
        public string ProjectName { get; set; } = string.Empty;

        /// <summary>
        /// True for the second and later frameworks of a multi-targeted project: what this compilation finds is added to
        /// the project's entries (the larger count of each), not put in their place.
        /// </summary>
        public bool Accumulate { get; set; }

        /// <summary>How long to wait for another project of the build that holds the lock.</summary>
        public int LockTimeoutSeconds { get; set; } = 120;

        /// <inheritdoc />
        public override bool Execute()
        {
            if (!File.Exists(LogPath))
            {
                Log.LogError(null, "AG0013", null, ErrorLog, 0, 0, 0, 0, "AgentGuardBaseline found no compiler error log at '{0}': the compilation that lists the findings did not run.", ErrorLog);
                return false;
            }

            try
            {
                var written = BaselineLog.Written(BaselineLog.Read(File.ReadAllText(LogPath)));
                var projectFiles = ProjectFiles();
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(BaselineFile))!);
                using (Lock())
                {
                    var existing = Baseline.Parse(File.Exists(BaselineFile) ? File.ReadAllText(BaselineFile) : null);
                    var merged = Accumulate ? BaselineLog.Accumulate(existing, written) : BaselineLog.Merge(existing, written, projectFiles);
                    // What the rewrite lowers or removes: findings fixed since the baseline was written.
                    var counts = merged.Allowances();
                    var dropped = existing.Entries
                        .Select(entry => (entry, now: counts.TryGetValue((entry.File, entry.Id, entry.Key), out var count) ? count : 0))
                        .Where(pair => pair.now < pair.entry.Count)
                        .ToList();
                    var text = merged.Write();
                    if (!File.Exists(BaselineFile) || File.ReadAllText(BaselineFile) != text)
                    {
                        File.WriteAllText(BaselineFile, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                    }

                    foreach (var (entry, now) in dropped)
                    {
                        Log.LogMessage(MessageImportance.High, "{0}", $"AgentGuard: dropped from the baseline, no longer found: {entry.File} | {entry.Id} | {entry.Count - now} | {entry.Key}");
                    }

                    Log.LogMessage(MessageImportance.High, "{0}", $"AgentGuard: {Display()} keeps {written.Entries.Sum(entry => (long)entry.Count)} findings of {ProjectName} ({merged.Entries.Sum(entry => (long)entry.Count)} in all); commit it.");
                }

                return true;
            }
            catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException || exception is JsonException || exception is TimeoutException)
            {
                Log.LogError(null, "AG0013", null, BaselineFile, 0, 0, 0, 0, "AgentGuardBaseline could not write '{0}': {1}", BaselineFile, exception.Message);
                return false;
            }
        }

        private string Display() => BaselineLog.Relative(RepositoryRoot, BaselineFile);

        /// <summary>
        /// A lock every build process on the machine shares for this baseline (a named mutex, not a file next to it that
        /// could be committed): projects of a parallel build rewrite their parts one at a time.
        /// </summary>
        private IDisposable Lock()
        {
            var name = "AgentGuardBaseline-" + Hash(Path.GetFullPath(BaselineFile).Replace('\\', '/'));
            var mutex = new Mutex(false, name);
            try
            {
                if (!mutex.WaitOne(TimeSpan.FromSeconds(LockTimeoutSeconds)))
                {
                    mutex.Dispose();
                    throw new TimeoutException($"another build held the baseline for {LockTimeoutSeconds} seconds");
                }
            }
            catch (AbandonedMutexException)
            {
                // A build that ended without releasing it: the lock is ours now.
            }

            return new Release(mutex);
        }

        private static string Hash(string text)
        {
            using var sha = System.Security.Cryptography.SHA256.Create();
            return BitConverter.ToString(sha.ComputeHash(Encoding.UTF8.GetBytes(text)), 0, 12).Replace("-", string.Empty);
        }

        private sealed class Release : IDisposable
        {
            private readonly Mutex _mutex;

            public Release(Mutex mutex) => _mutex = mutex;

            public void Dispose()
            {
                _mutex.ReleaseMutex();
                _mutex.Dispose();
            }
        }
    }
}
