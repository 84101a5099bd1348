using System;
using System.Collections.Generic;
using Microsoft.Extensions.FileSystemGlobbing;

namespace AgentGuard.Policy
{
    /// <summary>
    /// A path glob as rules and the manifest write them, gitignore-like: <c>*</c> within a segment, <c>**</c> across
    /// segments, a trailing <c>/</c> means a folder, and a glob without <c>/</c> (<c>*.g.cs</c>) matches at any depth.
    /// Matching is in memory: paths are compared as text, never looked up on disk.
    /// </summary>
    public sealed class PathGlob
    {
        // Matching happens under this root, in memory: the process's current folder is never consulted.
        private static readonly string Root = MatchRoot;

        /// <summary>The made-up folder that in-memory matching happens under.</summary>
        internal static string MatchRoot => System.IO.Path.DirectorySeparatorChar == '\\' ? @"C:\agentguard-glob" : "/agentguard-glob";

        private readonly Matcher? _matcher;

        private PathGlob(string text, Matcher? matcher)
        {
            Text = text;
            _matcher = matcher;
        }

        /// <summary>Why the glob cannot be used, or null: a rule's globs stay inside the folder of the rule file.</summary>
        public static string? Problem(string text) => Problem(text, "the rule file's folder", "write the glob in a rule file nearer the root, or relative to it");

        /// <summary>Why the glob cannot be used, or null; <paramref name="baseFolder"/> names the folder it is relative to.</summary>
        public static string? Problem(string text, string baseFolder, string fix)
        {
            var pattern = text.Trim().Replace('\\', '/');
            if (pattern.Length == 0)
            {
                return "the glob is empty";
            }

            foreach (var segment in pattern.Split('/'))
            {
                if (segment == "..")
                {
                    return $"'{text}' leaves {baseFolder} with '..'; {fix}";
                }
            }

            return null;
        }

        /// <summary>The glob as written.</summary>
        public string Text { get; }

        /// <summary>Creates a glob; paths compare case-insensitively, as on the file systems most teams share.</summary>
        public static PathGlob Parse(string text)
        {
            if (Problem(text) != null)
            {
                // Reported where the glob is written (AG0012 for an annotation); here it simply matches nothing.
                return new PathGlob(text, null);
            }

            var pattern = text.Trim().Replace('\\', '/');
            if (pattern.StartsWith("./", StringComparison.Ordinal))
            {
                pattern = pattern.Substring(2);
            }

            var anchored = pattern.StartsWith("/", StringComparison.Ordinal) || pattern.TrimEnd('/').IndexOf('/') >= 0;
            pattern = pattern.TrimStart('/');
            if (pattern.EndsWith("/", StringComparison.Ordinal))
            {
                pattern += "**";
            }

            if (!anchored)
            {
                pattern = "**/" + pattern;
            }

            try
            {
                var matcher = new Matcher(StringComparison.OrdinalIgnoreCase);
                matcher.AddInclude(pattern);
                if (!pattern.EndsWith("**", StringComparison.Ordinal))
                {
                    // "src/Domain" names the folder as well as a file of that name.
                    matcher.AddInclude(pattern + "/**");
                }

                return new PathGlob(text, matcher);
            }
            catch (ArgumentException)
            {
                return new PathGlob(text, null);
            }
        }

        /// <summary>True when <paramref name="relativePath"/> ('/' or '\' separated, relative to the glob's base folder) matches.</summary>
        public bool IsMatch(string relativePath)
        {
            var path = relativePath.Replace('\\', '/').TrimStart('/');
            if (_matcher == null || path.Length == 0 || path.StartsWith("../", StringComparison.Ordinal))
            {
                return false;
            }

            try
            {
                return _matcher.Match(Root, new[] { Root + "/" + path }).HasMatches;
            }
            catch (Exception exception) when (exception is ArgumentException || exception is System.IO.PathTooLongException || exception is NotSupportedException)
            {
                return false;
            }
        }

        /// <summary>True when the glob can be used (no '..', accepted by the matcher).</summary>
        public bool IsUsable => _matcher != null;

        /// <summary>
        /// The paths of <paramref name="tree"/> under <paramref name="folder"/> ("" for the tree's root) that match, relative to
        /// <paramref name="folder"/> with '/'.
        /// </summary>
        public IReadOnlyList<string> Matches(PathTree tree, string folder = "")
        {
            var start = tree.FolderAt(folder);
            if (_matcher == null || start == null)
            {
                return Array.Empty<string>();
            }

            var result = _matcher.Execute(start);
            var paths = new List<string>();
            foreach (var file in result.Files)
            {
                paths.Add(file.Path);
            }

            return paths;
        }

        /// <summary>The path of <paramref name="path"/> relative to <paramref name="folder"/>, with '/', or null when it is not under it.</summary>
        public static string? RelativeTo(string folder, string path)
        {
            var root = folder.Replace('\\', '/').TrimEnd('/') + "/";
            var normalized = path.Replace('\\', '/');
            return normalized.StartsWith(root, StringComparison.OrdinalIgnoreCase) ? normalized.Substring(root.Length) : null;
        }
    }
}
