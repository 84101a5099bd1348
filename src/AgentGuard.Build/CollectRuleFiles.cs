using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AgentGuard.Policy;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace AgentGuard.Build
{
    /// <summary>
    /// Finds the project's rule files (<see cref="RuleFileDiscovery"/>) and hands them to the targets with their kind and
    /// scope. Runs in design-time builds too, so the IDE enforces the same rules as the command line. A file that cannot
    /// be read is a warning (AG0011) and is not handed on: the compiler would fail the build on it.
    /// </summary>
    public sealed class CollectRuleFiles : Task
    {
        /// <summary>The project's folder.</summary>
        [Required]
        public string ProjectDirectory { get; set; } = string.Empty;

        /// <summary>The repository root; empty to take the nearest folder above the project that holds <c>.git</c>.</summary>
        public string RepositoryRoot { get; set; } = string.Empty;

        /// <summary><c>AgentGuardRuleFiles</c>: when set, the only rule files (relative to the repository root).</summary>
        public string[] ListedRuleFiles { get; set; } = Array.Empty<string>();

        /// <summary>The rule files, ordered by path, with <see cref="RuleFileMetadata"/>.</summary>
        [Output]
        public ITaskItem[] RuleFiles { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>The repository root used (given or found); empty outside a repository.</summary>
        [Output]
        public string FoundRepositoryRoot { get; set; } = string.Empty;

        /// <inheritdoc />
        public override bool Execute()
        {
            var project = Path.GetFullPath(ProjectDirectory);
            FoundRepositoryRoot = string.IsNullOrWhiteSpace(RepositoryRoot) ? NearestRepositoryRoot(project) ?? string.Empty : Path.GetFullPath(Path.Combine(project, RepositoryRoot)).TrimEnd('/', '\\');
            var listed = ListedRuleFiles.Where(entry => !string.IsNullOrWhiteSpace(entry)).Select(entry => entry.Trim()).ToArray();
            var set = RuleFileDiscovery.Discover(project, FoundRepositoryRoot.Length == 0 ? null : FoundRepositoryRoot, listed, new DiskRuleFileSystem());
            foreach (var problem in set.Problems)
            {
                Log.LogWarning(null, DiagnosticIds.UnresolvableRuleTarget, null, NativePath(problem.Path), 1, 1, 0, 0, "{0}", "Golden rule not enforced: " + problem.Message);
            }

            RuleFiles = set.Files.Select(ToItem).ToArray();
            return !Log.HasLoggedErrors;
        }

        private static ITaskItem ToItem(DiscoveredRuleFile file)
        {
            var item = new TaskItem(NativePath(file.Path));
            item.SetMetadata(RuleFileMetadata.RuleFile, "true");
            item.SetMetadata(RuleFileMetadata.Kind, file.Kind.ToString());
            item.SetMetadata(RuleFileMetadata.BaseFolder, NativePath(file.BaseFolder));
            item.SetMetadata(RuleFileMetadata.ScopeFolder, file.ScopeFolder == null ? string.Empty : NativePath(file.ScopeFolder) + Path.DirectorySeparatorChar);
            item.SetMetadata(RuleFileMetadata.ImportedBy, file.ImportedBy == null ? string.Empty : NativePath(file.ImportedBy));
            return item;
        }

        private static string NativePath(string path) => path.Replace('/', Path.DirectorySeparatorChar);

        private static string? NearestRepositoryRoot(string folder)
        {
            for (var current = new DirectoryInfo(folder); current != null; current = current.Parent)
            {
                // A worktree or submodule has a .git file, a clone a .git folder.
                if (Directory.Exists(Path.Combine(current.FullName, ".git")) || File.Exists(Path.Combine(current.FullName, ".git")))
                {
                    return current.FullName.TrimEnd('/', '\\');
                }
            }

            return null;
        }

        /// <summary>The disk, listed and read with every error kept as an answer rather than thrown.</summary>
        private sealed class DiskRuleFileSystem : IRuleFileSystem
        {
            public IEnumerable<string> Files(string folder) => List(() => Directory.GetFiles(folder));

            public IEnumerable<string> Folders(string folder) =>
                List(() => Directory.GetDirectories(folder).Where(sub => (new DirectoryInfo(sub).Attributes & FileAttributes.ReparsePoint) == 0).ToArray());

            public bool FileExists(string path) => File.Exists(path);

            public string? ReadText(string path, out string? error)
            {
                try
                {
                    error = null;
                    return File.ReadAllText(path);
                }
                catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException || exception is NotSupportedException || exception is System.Security.SecurityException)
                {
                    error = exception.Message;
                    return null;
                }
            }

            private static IEnumerable<string> List(Func<string[]> list)
            {
                try
                {
                    return list();
                }
                catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException || exception is System.Security.SecurityException)
                {
                    return Array.Empty<string>();
                }
            }
        }
    }
}
