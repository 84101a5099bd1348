using System.Collections.Generic;

namespace AgentGuard.Build.Git
{
    /// <summary>How a file changed between the merge base and the working tree.</summary>
    internal enum ChangeKind
    {
        Added,
        Modified,
        Deleted,
        Renamed,
        Untracked,
    }

    /// <summary>One changed path, relative to the repository root with '/'.</summary>
    internal sealed class ChangedFile
    {
        public ChangedFile(string path, ChangeKind kind, string? oldPath = null, bool isSubmodule = false)
        {
            Path = path;
            Kind = kind;
            OldPath = oldPath;
            IsSubmodule = isSubmodule;
        }

        public string Path { get; }

        public ChangeKind Kind { get; }

        /// <summary>The path before a rename; null otherwise.</summary>
        public string? OldPath { get; }

        /// <summary>A submodule whose commit moved; changes inside it are not part of this change set.</summary>
        public bool IsSubmodule { get; }

        /// <summary>True when the file exists in the working tree.</summary>
        public bool Exists => Kind != ChangeKind.Deleted;

        /// <summary>The path at the merge base, or null for a file that did not exist there.</summary>
        public string? BasePath => Kind == ChangeKind.Renamed ? OldPath : Kind == ChangeKind.Added || Kind == ChangeKind.Untracked ? null : Path;

        /// <summary>Both paths of a rename, else the one path: a change touches each.</summary>
        public IEnumerable<string> TouchedPaths
        {
            get
            {
                yield return Path;
                if (OldPath != null)
                {
                    yield return OldPath;
                }
            }
        }

        public override string ToString() => Kind + " " + (OldPath != null ? OldPath + " -> " : string.Empty) + Path;
    }

    /// <summary>The files a change touches: merge base to working tree, with staged, unstaged and untracked files.</summary>
    internal sealed class ChangeSet
    {
        public ChangeSet(string repositoryRoot, string baseRef, string mergeBase, IReadOnlyList<ChangedFile> files, IReadOnlyList<string> trackedFiles, IReadOnlyList<string>? submodules = null)
        {
            Submodules = submodules ?? new string[0];
            RepositoryRoot = repositoryRoot;
            BaseRef = baseRef;
            MergeBase = mergeBase;
            Files = files;
            TrackedFiles = trackedFiles;
        }

        /// <summary>The working tree's top folder, as git reports it, with the platform's separators.</summary>
        public string RepositoryRoot { get; }

        /// <summary>The ref the change is compared against, as named.</summary>
        public string BaseRef { get; }

        /// <summary>The commit the change starts from.</summary>
        public string MergeBase { get; }

        public IReadOnlyList<ChangedFile> Files { get; }

        /// <summary>
        /// The folder the change set was read from, relative to the root as git spells it ("" for the root): right even
        /// where the folder was reached through a symbolic link or in another case.
        /// </summary>
        public string FolderPrefix { get; set; } = string.Empty;

        /// <summary>The submodules' paths (from .gitmodules), relative to the root.</summary>
        public IReadOnlyList<string> Submodules { get; }

        /// <summary>Every file in the repository (tracked and untracked, not ignored), relative to the root.</summary>
        public IReadOnlyList<string> TrackedFiles { get; }
    }
}
