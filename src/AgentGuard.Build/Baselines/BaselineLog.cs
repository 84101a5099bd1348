using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using AgentGuard.Build.Reporting;
using AgentGuard.Policy;

namespace AgentGuard.Build.Baselines
{
    /// <summary>An AG0013 result of the compiler's SARIF error log: where the finding is, and its message.</summary>
    internal sealed class KeptFinding
    {
        public KeptFinding(string path, int line, string message)
        {
            Path = path;
            Line = line;
            Message = message;
        }

        /// <summary>The finding's file, a full local path.</summary>
        public string Path { get; }

        public int Line { get; }

        public string Message { get; }
    }

    /// <summary>
    /// The baseline's side of a build: reads what the analyzers reported as kept (AG0013) from the compiler's error log,
    /// writes the baseline from a writing compilation, and finds the entries a normal compilation no longer needs. No
    /// MSBuild types, so the tests run it directly.
    /// </summary>
    internal static class BaselineLog
    {
        /// <summary>The AG0013 results of a SARIF 2.1 (or 1.0) error log.</summary>
        public static IReadOnlyList<KeptFinding> Read(string sarifText)
        {
            var kept = new List<KeptFinding>();
            using var sarif = JsonDocument.Parse(sarifText);
            foreach (var run in JsonElements.Items(sarif.RootElement, "runs"))
            {
                foreach (var result in JsonElements.Items(run, "results"))
                {
                    if (JsonElements.Text(result, "ruleId") != Policy.DiagnosticIds.KeptByBaseline)
                    {
                        continue;
                    }

                    var message = result.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.Object ? JsonElements.Text(m, "text") : JsonElements.Text(result, "message");
                    var location = JsonElements.Items(result, "locations").FirstOrDefault();
                    if (message == null || location.ValueKind != JsonValueKind.Object)
                    {
                        continue;
                    }

                    // SARIF 2.1: physicalLocation.artifactLocation.uri and .region; 1.0: resultFile.uri and .region.
                    var physical = location.TryGetProperty("physicalLocation", out var p) ? p : location.TryGetProperty("resultFile", out var r) ? r : default;
                    if (physical.ValueKind != JsonValueKind.Object)
                    {
                        continue;
                    }

                    var uri = physical.TryGetProperty("artifactLocation", out var artifact) ? JsonElements.Text(artifact, "uri") : JsonElements.Text(physical, "uri");
                    var line = physical.TryGetProperty("region", out var region) && region.TryGetProperty("startLine", out var start) && start.TryGetInt32(out var number) ? number : 0;
                    if (uri != null && line > 0)
                    {
                        kept.Add(new KeptFinding(LocalPath(uri), line, message));
                    }
                }
            }

            return kept;
        }

        /// <summary>The entries a writing compilation reported: each AG0013 message there is <c>file | ID | line text</c>.</summary>
        public static Baseline Written(IEnumerable<KeptFinding> kept) =>
            Baseline.Of(kept
                .Select(finding => finding.Message.Split(new[] { " | " }, 3, StringSplitOptions.None))
                .Where(parts => parts.Length == 3)
                .Select(parts => new BaselineEntry(parts[0], parts[1], 1, parts[2])));

        /// <summary>
        /// The repository's baseline with this project's part replaced: entries of the files the project compiles (and of
        /// any file it reported on) come from <paramref name="project"/>, every other entry stays as it was (another
        /// project of the build keeps its own).
        /// </summary>
        public static Baseline Merge(Baseline existing, Baseline project, ISet<string> projectFiles)
        {
            var written = new HashSet<string>(project.Entries.Select(entry => entry.File), StringComparer.OrdinalIgnoreCase);
            return Baseline.Of(existing.Entries.Where(entry => !projectFiles.Contains(entry.File) && !written.Contains(entry.File)).Concat(project.Entries));
        }

        /// <summary>
        /// The baseline with what another framework of the same project found added: each entry at the larger of its two
        /// counts, so code that only one framework compiles keeps its findings.
        /// </summary>
        public static Baseline Accumulate(Baseline existing, Baseline project)
        {
            var counts = existing.Allowances();
            foreach (var entry in project.Entries)
            {
                var key = (entry.File, entry.Id, entry.Key);
                counts[key] = counts.TryGetValue(key, out var count) ? Math.Max(count, entry.Count) : entry.Count;
            }

            return Baseline.Of(counts.Select(pair => new BaselineEntry(pair.Key.File, pair.Key.Id, pair.Value, pair.Key.Key)));
        }

        /// <summary>
        /// The entries of the project's files that a normal compilation kept fewer findings of than they allow: what
        /// was fixed since the baseline was written. <paramref name="lineOf"/> reads a file's line (1-based).
        /// </summary>
        public static IReadOnlyList<BaselineEntry> Stale(Baseline baseline, IEnumerable<KeptFinding> kept, string root, ISet<string> projectFiles, Func<string, int, string?> lineOf)
        {
            var used = new Dictionary<(string File, string Id, string Key), int>();
            foreach (var finding in kept)
            {
                var id = finding.Message.Split(' ')[0];
                var text = lineOf(finding.Path, finding.Line);
                if (text == null)
                {
                    continue;
                }

                var entry = (Relative(root, finding.Path), id, Baseline.KeyOf(text));
                used[entry] = used.TryGetValue(entry, out var count) ? count + 1 : 1;
            }

            return baseline.Entries
                .Where(entry => projectFiles.Contains(entry.File))
                .Select(entry => (entry, left: entry.Count - (used.TryGetValue((entry.File, entry.Id, entry.Key), out var count) ? count : 0)))
                .Where(pair => pair.left > 0)
                .Select(pair => new BaselineEntry(pair.entry.File, pair.entry.Id, pair.left, pair.entry.Key))
                .ToList();
        }

        /// <summary><paramref name="path"/> under <paramref name="root"/>, with '/'.</summary>
        public static string Relative(string root, string path)
        {
            var full = Path.GetFullPath(path).Replace('\\', '/');
            var prefix = Path.GetFullPath(root).Replace('\\', '/').TrimEnd('/') + "/";
            return full.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? full.Substring(prefix.Length) : Path.GetFileName(full);
        }

        private static string LocalPath(string uri) =>
            Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile ? parsed.LocalPath : Uri.UnescapeDataString(uri);
    }
}
