using System;
using System.Collections.Generic;
using System.Linq;
using AgentGuard.Policy;

namespace AgentGuard.Build.Boundaries.Checks
{
    /// <summary>
    /// AG2011 (a warning): a manifest entry that matches no file in the repository, a typo that would guard nothing. The
    /// outcome depends only on the manifest's entries and the repository's file list, so a build where neither changed
    /// reads it from <see cref="BoundaryCheckContext.UnmatchedEntryCache"/> instead of matching every entry against every file.
    /// </summary>
    internal sealed class UnmatchedEntryCheck : IBoundaryRuleCheck
    {
        public string Id => DiagnosticIds.UnmatchedManifestEntry;

        public void Run(BoundaryCheckContext context)
        {
            // A forbidden file name allowed nowhere ("**/*.pfx", ".env") guards against files that should never appear, so
            // matching nothing is its normal state; an entry with a folder ("deplyo/**") is checked.
            var entries = context.Manifest.Forbidden.Where(entry => !IsAnywhereName(entry.Text)).Concat(context.Manifest.Approval).Concat(context.Manifest.Generated)
                .Select(entry => (Section: entry.Section, Text: entry.Text, Glob: entry.Glob, Line: entry.Line, Column: entry.Column))
                .Concat(context.Manifest.Tests.Select(test => (Section: "tests.source", Text: test.SourceText, Glob: test.Source, Line: test.Line, Column: test.Column)))
                .ToList();

            // The files the change deletes were in the repository too: an entry that guarded them is not a typo.
            var files = context.Changes.TrackedFiles.Concat(context.Changes.Files.SelectMany(file => file.TouchedPaths)).Concat(context.Changes.Submodules.Select(path => path + BoundaryCheckContext.SubmoduleStandIn)).ToList();
            var key = context.UnmatchedEntryCache == null ? null : CacheKey(entries.Select(entry => $"{entry.Section}\t{entry.Text}\t{entry.Line}\t{entry.Column}").Concat(new[] { context.ManifestName, CacheVersion }), files);
            var unmatched = key != null ? ReadCache(context.UnmatchedEntryCache!, key) : null;
            if (unmatched == null)
            {
                var tracked = new PathTree(files);
                unmatched = entries.Where(entry => entry.Glob.Matches(tracked, context.ManifestFolder).Count == 0).Select(entry => (entry.Section, entry.Text, entry.Line, entry.Column)).ToList();
                if (key != null)
                {
                    WriteCache(context.UnmatchedEntryCache!, key, unmatched);
                }
            }

            foreach (var (section, text, line, column) in unmatched)
            {
                context.Findings.Add(new BoundaryFinding(Id, context.ManifestName, $"the '{section}' entry \"{text}\" matches no file in the repository; check its spelling, or remove it.", line, column, isWarning: true));
            }
        }

        private static bool IsAnywhereName(string glob)
        {
            var text = glob.Trim().Replace('\\', '/');
            while (text.StartsWith("**/", StringComparison.Ordinal) || text.StartsWith("/", StringComparison.Ordinal) || text.StartsWith("./", StringComparison.Ordinal))
            {
                text = text.Substring(text.StartsWith("**/", StringComparison.Ordinal) ? 3 : text.StartsWith("./", StringComparison.Ordinal) ? 2 : 1);
            }

            return text.Length > 0 && text.IndexOf('/') < 0 && !glob.Trim().StartsWith("/", StringComparison.Ordinal);
        }

        // A new version of the check may match differently: its results are not reused.
        private static readonly string CacheVersion = typeof(UnmatchedEntryCheck).Assembly.GetName().Version?.ToString() ?? string.Empty;

        // FNV-1a over the entries and the file list: a cache key, not a security boundary (the outcome is a warning).
        private static string CacheKey(IEnumerable<string> entries, IEnumerable<string> files)
        {
            var hash = 14695981039346656037UL;
            foreach (var text in entries.Concat(new[] { "\u0001" }).Concat(files))
            {
                foreach (var c in text)
                {
                    hash = (hash ^ c) * 1099511628211UL;
                }

                hash = (hash ^ 0) * 1099511628211UL;
            }

            return "agentguard-unmatched-v1 " + hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
        }

        private static List<(string Section, string Text, int Line, int Column)>? ReadCache(string path, string key)
        {
            try
            {
                var lines = System.IO.File.Exists(path) ? System.IO.File.ReadAllLines(path) : Array.Empty<string>();
                if (lines.Length == 0 || lines[0] != key)
                {
                    return null;
                }

                var result = new List<(string, string, int, int)>();
                foreach (var line in lines.Skip(1))
                {
                    var parts = line.Split('\t');
                    if (parts.Length != 4 || !int.TryParse(parts[2], out var number) || !int.TryParse(parts[3], out var column))
                    {
                        return null;
                    }

                    result.Add((parts[0], parts[1], number, column));
                }

                return result;
            }
            catch (Exception exception) when (exception is System.IO.IOException || exception is UnauthorizedAccessException)
            {
                return null;
            }
        }

        private static void WriteCache(string path, string key, List<(string Section, string Text, int Line, int Column)> unmatched)
        {
            try
            {
                Reporting.ReportFile.Write(path, string.Join("\n", new[] { key }.Concat(unmatched.Select(entry => $"{entry.Section}\t{entry.Text}\t{entry.Line}\t{entry.Column}"))) + "\n");
            }
            catch (Exception exception) when (exception is System.IO.IOException || exception is UnauthorizedAccessException)
            {
                // A cache that cannot be written is only slower next time.
            }
        }
    }
}
