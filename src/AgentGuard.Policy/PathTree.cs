using System;
using System.Collections.Generic;
using Microsoft.Extensions.FileSystemGlobbing.Abstractions;

namespace AgentGuard.Policy
{
    /// <summary>
    /// A set of relative paths ('/' separated) held as a folder tree the glob matcher walks, so that matching many
    /// globs against many paths visits each folder once per glob instead of rebuilding a file list per path.
    /// Nothing is read from disk.
    /// </summary>
    public sealed class PathTree
    {
        private readonly Folder _root;

        /// <summary>Builds the tree of <paramref name="relativePaths"/>; empty, absolute and '..' paths are left out.</summary>
        public PathTree(IEnumerable<string> relativePaths)
        {
            _root = new Folder(null, string.Empty, PathGlob.MatchRoot);
            foreach (var path in relativePaths)
            {
                Add(path.Replace('\\', '/'));
            }
        }

        /// <summary>How many paths the tree holds.</summary>
        public int Count { get; private set; }

        /// <summary>The folder at <paramref name="relativeFolder"/> ("" for the root), or null when no path lies under it.</summary>
        internal DirectoryInfoBase? FolderAt(string relativeFolder)
        {
            var folder = _root;
            foreach (var segment in relativeFolder.Replace('\\', '/').Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries))
            {
                if (!folder.Folders.TryGetValue(segment, out folder))
                {
                    return null;
                }
            }

            return folder;
        }

        private void Add(string path)
        {
            var lastSlash = path.LastIndexOf('/');
            var name = path.Substring(lastSlash + 1);
            if (name.Length == 0 || name == "." || name == ".." || path.StartsWith("/", StringComparison.Ordinal))
            {
                return;
            }

            // git lists paths sorted, so a path's folder is most often the previous path's folder: reuse it.
            Folder? folder;
            if (lastSlash < 0)
            {
                folder = _root;
            }
            else if (_lastFolderPath != null && _lastFolderPath.Length == lastSlash && string.CompareOrdinal(path, 0, _lastFolderPath, 0, lastSlash) == 0)
            {
                folder = _lastFolder;
            }
            else
            {
                folder = FolderFor(path.Substring(0, lastSlash));
                _lastFolderPath = path.Substring(0, lastSlash);
                _lastFolder = folder;
            }

            if (folder != null && !folder.Folders.ContainsKey(name) && folder.Files.Add(name))
            {
                folder.Entries.Add(new File(folder, name));
                Count++;
            }
        }

        private Folder? _lastFolder;
        private string? _lastFolderPath;

        private Folder? FolderFor(string folderPath)
        {
            var folder = _root;
            foreach (var segment in folderPath.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries))
            {
                if (segment == "." || segment == "..")
                {
                    return null;
                }

                if (!folder.Folders.TryGetValue(segment, out var child))
                {
                    child = new Folder(folder, segment, folder.FullName + "/" + segment);
                    folder.Folders.Add(segment, child);
                    folder.Entries.Add(child);
                }

                folder = child;
            }

            return folder;
        }

        // Names are kept as written; the matcher compares them case-insensitively.
        private sealed class Folder : DirectoryInfoBase
        {
            private readonly Folder? _parent;

            public Folder(Folder? parent, string name, string fullName)
            {
                _parent = parent;
                Name = name;
                FullName = fullName;
            }

            // Folders are found whatever their case, as the matcher compares names: a project folder spelled
            // "src\\billing" on Windows is the repository's "src/Billing".
            public Dictionary<string, Folder> Folders { get; } = new Dictionary<string, Folder>(StringComparer.OrdinalIgnoreCase);

            public HashSet<string> Files { get; } = new HashSet<string>(StringComparer.Ordinal);

            public List<FileSystemInfoBase> Entries { get; } = new List<FileSystemInfoBase>();

            public override string Name { get; }

            public override string FullName { get; }

            public override DirectoryInfoBase? ParentDirectory => _parent;

            public override IEnumerable<FileSystemInfoBase> EnumerateFileSystemInfos() => Entries;

            public override DirectoryInfoBase? GetDirectory(string path)
            {
                if (path == "..")
                {
                    return _parent;
                }

                return Folders.TryGetValue(path, out var folder) ? folder : new Folder(this, path, FullName + "/" + path);
            }

            public override FileInfoBase GetFile(string path) => new File(this, path);
        }

        private sealed class File : FileInfoBase
        {
            private readonly Folder _parent;

            public File(Folder parent, string name)
            {
                _parent = parent;
                Name = name;
            }

            public override string Name { get; }

            public override string FullName => _parent.FullName + "/" + Name;

            public override DirectoryInfoBase ParentDirectory => _parent;
        }
    }
}
