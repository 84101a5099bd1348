using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace AgentGuard.Policy
{
    /// <summary>
    /// The findings a team keeps from before it adopted a rule or check: <c>.agentguard/baseline.txt</c>, one line per
    /// file, ID and finding line (<c>src/Shop/Cart.cs | AG1001 | 2 | // TODO: apply the voucher</c>), sorted, so a
    /// review sees what was kept and a merge rarely conflicts. A finding is matched by its file, its ID and the text of
    /// its line with white space collapsed, not by line number, so moving code keeps it matched; the count says how many
    /// findings of that line text the file may keep. Hard-coded secrets (AG1009) are never kept: a secret is removed and
    /// rotated, not recorded.
    /// </summary>
    public sealed class Baseline
    {
        /// <summary>The file's path under the repository root.</summary>
        public const string DefaultPath = ".agentguard/baseline.txt";

        private const string Separator = " | ";

        private static readonly string[] Header =
        {
            "# AgentGuard baseline: findings that existed when the team adopted its rules and checks. A finding listed here is",
            "# reported as AG0013 (info) instead of at its severity; anything new fails as usual. Written by",
            "# `dotnet build -t:AgentGuardBaseline`, which also drops the entries that no longer occur. One line per finding line:",
            "# file | ID | count | the finding's line, white space collapsed",
        };

        private Baseline(IReadOnlyList<BaselineEntry> entries, IReadOnlyList<string> problems)
        {
            Entries = entries;
            Problems = problems;
        }

        public IReadOnlyList<BaselineEntry> Entries { get; }

        /// <summary>Lines that are not entries, as "line N: why": reported, never guessed at.</summary>
        public IReadOnlyList<string> Problems { get; }

        /// <summary>True for the IDs a baseline may keep: every AgentGuard finding in code but a hard-coded secret.</summary>
        public static bool MayKeep(string id) => !string.Equals(id, "AG1009", StringComparison.OrdinalIgnoreCase);

        /// <summary>The key of a finding: the text of its line, trimmed, with every run of white space one space.</summary>
        public static string KeyOf(string lineText) => Whitespace.Collapse(lineText);

        /// <summary>Reads a baseline's text; a line that is no entry is listed in <see cref="Problems"/>.</summary>
        public static Baseline Parse(string? text)
        {
            var entries = new List<BaselineEntry>();
            var problems = new List<string>();
            var lines = (text ?? string.Empty).Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].TrimEnd('\r');
                if (line.Trim().Length == 0 || line.TrimStart().StartsWith("#", StringComparison.Ordinal))
                {
                    continue;
                }

                var parts = line.Split(new[] { Separator }, 4, StringSplitOptions.None);
                if (parts.Length != 4 || parts[0].Trim().Length == 0 || parts[1].Trim().Length == 0
                    || !int.TryParse(parts[2].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
                {
                    problems.Add($"line {i + 1}: not 'file | ID | count | line text'");
                    continue;
                }

                entries.Add(new BaselineEntry(parts[0].Trim(), parts[1].Trim().ToUpperInvariant(), count, KeyOf(parts[3])));
            }

            return new Baseline(Merge(entries), problems);
        }

        /// <summary>A baseline of <paramref name="entries"/> (equal ones merged, counts added).</summary>
        public static Baseline Of(IEnumerable<BaselineEntry> entries) => new Baseline(Merge(entries), Array.Empty<string>());

        /// <summary>The baseline's text: the header, then the entries sorted by file, ID and line text.</summary>
        public string Write()
        {
            var text = new StringBuilder();
            foreach (var line in Header)
            {
                text.Append(line).Append('\n');
            }

            foreach (var entry in Entries)
            {
                text.Append(entry.File).Append(Separator).Append(entry.Id).Append(Separator)
                    .Append(entry.Count.ToString(CultureInfo.InvariantCulture)).Append(Separator).Append(entry.Key).Append('\n');
            }

            return text.ToString();
        }

        /// <summary>
        /// How many findings each (file, ID, key) may keep; the analyzers take from it as they report, so a file with two
        /// kept TODOs on equal lines and a third new one reports the third.
        /// </summary>
        public Dictionary<(string File, string Id, string Key), int> Allowances()
        {
            var allowances = new Dictionary<(string, string, string), int>();
            foreach (var entry in Entries)
            {
                allowances[(entry.File, entry.Id, entry.Key)] = entry.Count;
            }

            return allowances;
        }

        private static List<BaselineEntry> Merge(IEnumerable<BaselineEntry> entries) =>
            entries
                .Where(entry => MayKeep(entry.Id))
                .GroupBy(entry => (entry.File, entry.Id, entry.Key))
                .Select(group => new BaselineEntry(group.Key.File, group.Key.Id, (int)Math.Min(int.MaxValue, group.Sum(entry => (long)entry.Count)), group.Key.Key))
                .OrderBy(entry => entry.File, StringComparer.Ordinal)
                .ThenBy(entry => entry.Id, StringComparer.Ordinal)
                .ThenBy(entry => entry.Key, StringComparer.Ordinal)
                .ToList();
    }

    /// <summary>One line of a baseline: a file, an ID, how many findings of one line text it keeps, and that text.</summary>
    public sealed class BaselineEntry
    {
        public BaselineEntry(string file, string id, int count, string key)
        {
            File = file.Replace('\\', '/');
            Id = id;
            Count = count;
            Key = key;
        }

        /// <summary>The file, relative to the repository root, with '/'.</summary>
        public string File { get; }

        public string Id { get; }

        public int Count { get; }

        public string Key { get; }

        /// <inheritdoc />
        public override string ToString() => $"{File} | {Id} | {Count} | {Key}";
    }
}
