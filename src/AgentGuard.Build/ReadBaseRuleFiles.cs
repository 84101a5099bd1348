using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AgentGuard.Build.Git;
using AgentGuard.Policy;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace AgentGuard.Build
{
    /// <summary>
    /// CI mode: the base branch's version of each golden-rule file, written under obj/, for the compiler to enforce instead
    /// of the change's. A rule file the change adds has no base version and enforces nothing until merged. When the
    /// boundary check cannot run (no manifest at the base, no change set) the working tree's files stay in place: the
    /// check reports why.
    /// </summary>
    public sealed class ReadBaseRuleFiles : BoundaryTask
    {
        /// <summary>The rule files as the build found them in the working tree, with their metadata.</summary>
        [Output]
        public ITaskItem[] BaseRuleFiles { get; set; } = Array.Empty<ITaskItem>();

        /// <inheritdoc />
        private protected override bool Run()
        {
            BaseRuleFiles = RuleFiles;
            if (!IsCi || RuleFiles.Length == 0)
            {
                return true;
            }

            // The check target reports every problem; here a failure only means the working tree's files are used.
            Quiet = true;
            var prepared = Prepare();
            if (prepared == null || string.IsNullOrWhiteSpace(CacheFolder))
            {
                return true;
            }

            var git = Git(prepared.Changes.RepositoryRoot);
            var folder = Path.Combine(Path.GetFullPath(CacheFolder), "base-rules");
            var items = new List<ITaskItem>();
            foreach (var item in RuleFiles)
            {
                var source = Path.GetFullPath(item.ItemSpec);
                var relative = PathGlob.RelativeTo(prepared.Changes.RepositoryRoot, source);
                var content = relative == null ? null : ChangeSetReader.ReadAt(git, prepared.Changes.MergeBase, relative);
                if (content == null)
                {
                    Log.LogMessage(MessageImportance.Normal, "{0}", $"AgentGuard: '{relative ?? source}' is not on the base branch; in CI its rules apply once merged.");
                    continue;
                }

                var copy = Path.Combine(folder, relative!.Replace('/', Path.DirectorySeparatorChar));
                try
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                    if (!File.Exists(copy) || !File.ReadAllBytes(copy).SequenceEqual(content))
                    {
                        File.WriteAllBytes(copy, content);
                    }
                }
                catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
                {
                    Log.LogWarning("{0}", $"AgentGuard could not write the base version of '{relative}' ({exception.Message}); the working tree's version is enforced.");
                    items.Add(item);
                    continue;
                }

                var based = new TaskItem(copy);
                item.CopyMetadataTo(based);
                based.SetMetadata("AgentGuardSourcePath", source);
                items.Add(based);
            }

            BaseRuleFiles = items.ToArray();
            Log.LogMessage(MessageImportance.Normal, "{0}", $"AgentGuard: CI mode enforces the golden rules as they are at {prepared.Changes.MergeBase.Substring(0, 10)} ({prepared.Changes.BaseRef}).");
            return true;
        }
    }
}
