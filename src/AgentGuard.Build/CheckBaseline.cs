using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using AgentGuard.Build.Baselines;
using AgentGuard.Policy;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace AgentGuard.Build
{
    /// <summary>
    /// After a compilation with a baseline: the baseline's entries for this project's files that the compilation no
    /// longer found (the finding was fixed) are reported as information on their line of the baseline, so the file
    /// shrinks; <c>-t:AgentGuardBaseline</c> drops them.
    /// </summary>
    public sealed class CheckBaseline : BaselineTask
    {
        /// <inheritdoc />
        public override bool Execute()
        {
            var log = LogPath;
            if (!File.Exists(log) || !File.Exists(BaselineFile))
            {
                return true;
            }

            try
            {
                var text = File.ReadAllText(BaselineFile);
                var baseline = Baseline.Parse(text);
                var projectFiles = ProjectFiles();
                var lines = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
                var stale = BaselineLog.Stale(baseline, BaselineLog.Read(File.ReadAllText(log)), RepositoryRoot, projectFiles, (path, line) =>
                {
                    if (!lines.TryGetValue(path, out var all))
                    {
                        lines[path] = all = File.Exists(path) ? SourceLines.Split(File.ReadAllText(path)) : Array.Empty<string>();
                    }

                    return line <= all.Length ? all[line - 1] : null;
                });
                var baselineLines = text.Split('\n');
                foreach (var entry in stale)
                {
                    var number = Array.FindIndex(baselineLines, line => line.StartsWith(entry.File + " | " + entry.Id + " | ", StringComparison.Ordinal) && Baseline.KeyOf(line.Split(new[] { " | " }, 4, StringSplitOptions.None).Last()) == entry.Key) + 1;
                    Log.LogMessage(
                        null, "AG0013", null, BaselineFile, number, 0, 0, 0, MessageImportance.High,
                        "{0}",
                        $"the baseline keeps {entry.Count} {entry.Id} finding{(entry.Count == 1 ? string.Empty : "s")} in {entry.File} that no longer occur{(entry.Count == 1 ? "s" : string.Empty)} ('{entry.Key}'): run 'dotnet build -t:AgentGuardBaseline' to drop {(entry.Count == 1 ? "it" : "them")}");
                }

                return true;
            }
            catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException || exception is JsonException)
            {
                Log.LogMessage(MessageImportance.Normal, "{0}", $"AgentGuard could not compare the baseline with '{log}': {exception.Message}");
                return true;
            }
        }
    }

    /// <summary>A file's lines as the compiler counts them: CR, LF, CRLF, NEL, LS and PS each end one.</summary>
    internal static class SourceLines
    {
        public static string[] Split(string text)
        {
            var lines = new System.Collections.Generic.List<string>();
            var start = 0;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '\r' || c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029')
                {
                    lines.Add(text.Substring(start, i - start));
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    start = i + 1;
                }
            }

            lines.Add(text.Substring(start));
            return lines.ToArray();
        }
    }
}
