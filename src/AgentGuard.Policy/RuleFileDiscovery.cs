using System;
using System.Collections.Generic;
using System.Linq;

namespace AgentGuard.Policy
{
    /// <summary>The file system as rule-file discovery sees it: the caller does the I/O, discovery decides.</summary>
    public interface IRuleFileSystem
    {
        /// <summary>The full paths of the files directly in <paramref name="folder"/>; none when it cannot be listed.</summary>
        IEnumerable<string> Files(string folder);

        /// <summary>The full paths of the folders directly in <paramref name="folder"/>, not following links; none when it cannot be listed.</summary>
        IEnumerable<string> Folders(string folder);

        /// <summary>True when a file exists at <paramref name="path"/>.</summary>
        bool FileExists(string path);

        /// <summary>The text of <paramref name="path"/>, or null with <paramref name="error"/> saying why it cannot be read.</summary>
        string? ReadText(string path, out string? error);
    }

    /// <summary>A rule file found for a project, with what the analyzers and the boundary check need to know of it.</summary>
    public sealed class DiscoveredRuleFile
    {
        /// <summary>Creates a discovered file.</summary>
        public DiscoveredRuleFile(string path, RuleFileKind kind, string baseFolder, string? scopeFolder, string? importedBy)
        {
            Path = path;
            Kind = kind;
            BaseFolder = baseFolder;
            ScopeFolder = scopeFolder;
            ImportedBy = importedBy;
        }

        /// <summary>The full path, '/' separated.</summary>
        public string Path { get; }

        /// <summary>What kind of file it is.</summary>
        public RuleFileKind Kind { get; }

        /// <summary>The folder its globs (front matter and rules) are relative to.</summary>
        public string BaseFolder { get; }

        /// <summary>For a file below the project's folder: the folder its rules are limited to. Null: the whole project.</summary>
        public string? ScopeFolder { get; }

        /// <summary>The file whose <c>@path</c> import brought this one in, or null.</summary>
        public string? ImportedBy { get; }

        /// <summary>
        /// A rule file as the targets hand it on: <paramref name="metadata"/> reads its <see cref="RuleFileMetadata"/> (null
        /// or empty when unset). What the metadata lacks (a file a project lists by hand) comes from the path.
        /// </summary>
        public static DiscoveredRuleFile FromMetadata(string path, Func<string, string?> metadata)
        {
            string? Read(string name) => metadata(name) is { Length: > 0 } value ? value : null;
            var classified = RuleFileKinds.Classify(path);
            var kind = Enum.TryParse<RuleFileKind>(Read(RuleFileMetadata.Kind), out var marked) ? marked : classified?.Kind ?? RuleFileKind.Listed;
            var slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
            var baseFolder = Read(RuleFileMetadata.BaseFolder) ?? classified?.BaseFolder ?? (slash < 0 ? string.Empty : path.Substring(0, slash));
            return new DiscoveredRuleFile(path, kind, baseFolder, Read(RuleFileMetadata.ScopeFolder), Read(RuleFileMetadata.ImportedBy));
        }
    }

    /// <summary>A file discovery could not use, and why (reported as AG0011 on the file).</summary>
    public sealed class DiscoveryProblem
    {
        /// <summary>Creates a problem.</summary>
        public DiscoveryProblem(string path, string message)
        {
            Path = path;
            Message = message;
        }

        /// <summary>The file the problem is about.</summary>
        public string Path { get; }

        /// <summary>What is wrong, as a sentence.</summary>
        public string Message { get; }
    }

    /// <summary>What discovery found: the readable rule files ordered by path, and the files it could not use.</summary>
    public sealed class RuleFileSet
    {
        /// <summary>Creates a set.</summary>
        public RuleFileSet(IReadOnlyList<DiscoveredRuleFile> files, IReadOnlyList<DiscoveryProblem> problems)
        {
            Files = files;
            Problems = problems;
        }

        /// <summary>The rule files, ordered by path (so the IDE and the command line read them in the same order).</summary>
        public IReadOnlyList<DiscoveredRuleFile> Files { get; }

        /// <summary>Unreadable files, missing listed files.</summary>
        public IReadOnlyList<DiscoveryProblem> Problems { get; }
    }

    /// <summary>
    /// Finds every file an agent reads its rules from, for one project: <c>AGENTS.md</c>, <c>CLAUDE.md</c>,
    /// <c>GEMINI.md</c>, <c>.cursorrules</c>, <c>.windsurfrules</c> and the <c>.github</c>, <c>.cursor</c> and <c>.claude</c>
    /// files (<see cref="RuleFileKinds"/>) in every folder from the project's folder up to the repository root, the same
    /// below the project's folder (limited to the folder they are in), and the files those import with <c>@path</c>, up to
    /// <see cref="ReadLimits.MaxImportDepth"/> imports deep. A file that cannot be read is a problem, not a rule file: the
    /// compiler would fail on it. Every walk is iterative and bounded.
    /// </summary>
    public static class RuleFileDiscovery
    {
        /// <summary>Folders below the project that hold build output or other tools' files, never rules for this code.</summary>
        private static readonly string[] SkippedFolders = { "bin", "obj", "node_modules", ".git", ".vs", ".idea", "packages", "TestResults" };

        private static readonly string[] SettingsFolders = { ".github", ".cursor", ".claude" };

        /// <summary>How deep below the project, and below a settings folder, the walk goes.</summary>
        private const int MaxFolderDepth = 32;

        /// <summary>Discovers the rule files of the project in <paramref name="projectFolder"/>.</summary>
        /// <param name="projectFolder">The project's folder.</param>
        /// <param name="repositoryRoot">The repository root, or null: then only the project's folder and below are searched.</param>
        /// <param name="listed">
        /// Paths set by <c>AgentGuardRuleFiles</c> (relative to the repository root, or absolute): when any is given they
        /// replace the search; their imports are still followed.
        /// </param>
        /// <param name="fileSystem">The file system.</param>
        public static RuleFileSet Discover(string projectFolder, string? repositoryRoot, IReadOnlyList<string> listed, IRuleFileSystem fileSystem)
        {
            var project = Normalize(projectFolder);
            var root = string.IsNullOrEmpty(repositoryRoot) ? null : Normalize(repositoryRoot!);
            var found = new Dictionary<string, DiscoveredRuleFile>(StringComparer.OrdinalIgnoreCase);
            var problems = new List<DiscoveryProblem>();
            if (listed.Count > 0)
            {
                foreach (var entry in listed)
                {
                    var path = Normalize(IsRooted(entry) ? entry : (root ?? project) + "/" + entry);
                    if (!fileSystem.FileExists(path))
                    {
                        problems.Add(new DiscoveryProblem(path, $"AgentGuardRuleFiles lists '{entry}', which does not exist (looked for {path}); its rules are not enforced. Paths are relative to the repository root."));
                        continue;
                    }

                    var kind = RuleFileKinds.Classify(path);
                    found[path] = new DiscoveredRuleFile(path, kind?.Kind ?? RuleFileKind.Listed, kind?.BaseFolder ?? FolderOf(path), null, null);
                }
            }
            else
            {
                foreach (var folder in FoldersUp(project, root))
                {
                    AddRuleFilesIn(folder, scopeFolder: null, fileSystem, found);
                }

                foreach (var folder in FoldersBelow(project, fileSystem))
                {
                    AddRuleFilesIn(folder, scopeFolder: folder, fileSystem, found);
                }
            }

            FollowImports(found, problems, fileSystem);
            return new RuleFileSet(found.Values.OrderBy(file => file.Path, StringComparer.OrdinalIgnoreCase).ToArray(), problems);
        }

        /// <summary>Reads each file (dropping the unreadable ones) and adds what they import, level by level.</summary>
        private static void FollowImports(Dictionary<string, DiscoveredRuleFile> found, List<DiscoveryProblem> problems, IRuleFileSystem fileSystem)
        {
            var level = found.Values.OrderBy(file => file.Path, StringComparer.OrdinalIgnoreCase).ToList();
            for (var depth = 0; level.Count > 0; depth++)
            {
                var next = new List<DiscoveredRuleFile>();
                foreach (var file in level)
                {
                    var text = fileSystem.ReadText(file.Path, out var error);
                    if (text == null)
                    {
                        found.Remove(file.Path);
                        problems.Add(new DiscoveryProblem(file.Path, $"{file.Path} could not be read ({error}); its rules are not enforced"));
                        continue;
                    }

                    if (depth == ReadLimits.MaxImportDepth)
                    {
                        // Imports of a file this deep are not followed; the analyzers report each one that is missing.
                        continue;
                    }

                    foreach (var import in RuleFileReader.ReadImports(text).Imports)
                    {
                        var path = Normalize(FolderOf(file.Path) + "/" + import.Path);
                        if (found.ContainsKey(path) || !fileSystem.FileExists(path))
                        {
                            continue;
                        }

                        // An imported file applies where its importer does, and its globs mean what the importer's mean.
                        var imported = new DiscoveredRuleFile(path, RuleFileKind.Imported, file.BaseFolder, file.ScopeFolder, file.Path);
                        found[path] = imported;
                        next.Add(imported);
                    }
                }

                level = next;
            }
        }

        private static void AddRuleFilesIn(string folder, string? scopeFolder, IRuleFileSystem fileSystem, Dictionary<string, DiscoveredRuleFile> found)
        {
            foreach (var file in fileSystem.Files(folder))
            {
                Add(Normalize(file), scopeFolder, found);
            }

            foreach (var settings in fileSystem.Folders(folder).Where(sub => SettingsFolders.Contains(NameOf(sub), StringComparer.OrdinalIgnoreCase)))
            {
                // .github/instructions/**, .cursor/rules/**, .claude/rules/**: walked with a stack, bounded in depth.
                var pending = new Stack<(string Folder, int Depth)>();
                pending.Push((settings, 0));
                while (pending.Count > 0)
                {
                    var (current, depth) = pending.Pop();
                    foreach (var file in fileSystem.Files(current))
                    {
                        Add(Normalize(file), scopeFolder, found);
                    }

                    if (depth < MaxFolderDepth)
                    {
                        foreach (var sub in fileSystem.Folders(current))
                        {
                            pending.Push((sub, depth + 1));
                        }
                    }
                }
            }
        }

        private static void Add(string path, string? scopeFolder, Dictionary<string, DiscoveredRuleFile> found)
        {
            if (RuleFileKinds.Classify(path) is { } kind && !found.ContainsKey(path))
            {
                found[path] = new DiscoveredRuleFile(path, kind.Kind, kind.BaseFolder, scopeFolder == null ? null : kind.BaseFolder, null);
            }
        }

        /// <summary>The project's folder and every folder above it up to the repository root (the project's alone without one).</summary>
        private static IEnumerable<string> FoldersUp(string project, string? root)
        {
            yield return project;
            if (root == null || !IsUnder(project, root))
            {
                yield break;
            }

            for (var folder = FolderOf(project); folder.Length >= root.Length && IsUnder(folder, root); folder = FolderOf(folder))
            {
                yield return folder;
                if (string.Equals(folder, root, StringComparison.OrdinalIgnoreCase))
                {
                    yield break;
                }
            }
        }

        /// <summary>Every folder below the project's, except build output and tools' folders; iterative, bounded in depth.</summary>
        private static IEnumerable<string> FoldersBelow(string project, IRuleFileSystem fileSystem)
        {
            var pending = new Stack<(string Folder, int Depth)>();
            pending.Push((project, 0));
            while (pending.Count > 0)
            {
                var (folder, depth) = pending.Pop();
                if (depth > 0)
                {
                    yield return folder;
                }

                if (depth >= MaxFolderDepth)
                {
                    continue;
                }

                foreach (var sub in fileSystem.Folders(folder))
                {
                    var name = NameOf(sub);
                    if (!SkippedFolders.Contains(name, StringComparer.OrdinalIgnoreCase) && !name.StartsWith(".", StringComparison.Ordinal))
                    {
                        pending.Push((Normalize(sub), depth + 1));
                    }
                }
            }
        }

        private static bool IsUnder(string path, string folder) =>
            string.Equals(path, folder, StringComparison.OrdinalIgnoreCase) || path.StartsWith(folder.TrimEnd('/') + "/", StringComparison.OrdinalIgnoreCase);

        private static bool IsRooted(string path) => path.StartsWith("/", StringComparison.Ordinal) || (path.Length > 2 && path[1] == ':');

        private static string NameOf(string path)
        {
            var normalized = path.Replace('\\', '/').TrimEnd('/');
            return normalized.Substring(normalized.LastIndexOf('/') + 1);
        }

        private static string FolderOf(string path)
        {
            var slash = path.LastIndexOf('/');
            return slash <= 0 ? (slash == 0 ? "/" : string.Empty) : path.Substring(0, slash);
        }

        /// <summary>A full path with '/' separators, '.' and '..' resolved, no trailing '/'.</summary>
        public static string Normalize(string path)
        {
            var parts = new List<string>();
            var normalized = path.Replace('\\', '/');
            foreach (var part in normalized.Split('/'))
            {
                if (part == "..")
                {
                    if (parts.Count > 1)
                    {
                        parts.RemoveAt(parts.Count - 1);
                    }
                }
                else if (part != "." && (part.Length > 0 || parts.Count == 0))
                {
                    parts.Add(part);
                }
            }

            var result = string.Join("/", parts);
            return result.Length == 0 && normalized.StartsWith("/", StringComparison.Ordinal) ? "/" : result;
        }
    }
}
