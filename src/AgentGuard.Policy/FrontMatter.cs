using System;
using System.Collections.Generic;
using System.Text;

namespace AgentGuard.Policy
{
    /// <summary>
    /// The YAML front matter of a rule file, read tolerantly: real files are not always valid YAML (Cursor writes
    /// <c>globs: **/*.cs, **/appsettings.json</c> unquoted, some files lack the opening <c>---</c>), and a strict parser
    /// would drop them. It reads <c>key: value</c> lines, quoted and plain scalars, <c>[a, b]</c> lists and <c>- item</c>
    /// lists; anything else is passed over and said. Line by line, no recursion, at most <see cref="MaxLines"/> lines.
    /// </summary>
    public sealed class FrontMatter
    {
        /// <summary>Front matter longer than this is not front matter a rule file means; it is read no further.</summary>
        public const int MaxLines = 200;

        private static readonly string[] LooksLikeKeys = { "applyTo", "globs", "paths", "alwaysApply", "description", "name" };

        private readonly Dictionary<string, List<string>> _values = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, int> _lines = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        private readonly List<RuleFileProblem> _problems = new List<RuleFileProblem>();

        private FrontMatter(int endLine, bool hasOpening)
        {
            EndLine = endLine;
            HasOpening = hasOpening;
        }

        /// <summary>The 1-based line of the closing <c>---</c>: the rules start after it.</summary>
        public int EndLine { get; }

        /// <summary>False for front matter written without its opening <c>---</c> line (read all the same).</summary>
        public bool HasOpening { get; }

        /// <summary>The keys in the order written.</summary>
        public IEnumerable<string> Keys => _values.Keys;

        /// <summary>What could not be read, each on its line.</summary>
        public IReadOnlyList<RuleFileProblem> Problems => _problems;

        /// <summary>The values of <paramref name="key"/> (a list, or one scalar), or null when the key is absent.</summary>
        public IReadOnlyList<string>? Values(string key) => _values.TryGetValue(key, out var values) ? values : null;

        /// <summary>The 1-based line <paramref name="key"/> is written on, or 1.</summary>
        public int LineOf(string key) => _lines.TryGetValue(key, out var line) ? line : 1;

        /// <summary>Reads the front matter at the start of <paramref name="text"/>, or returns null when there is none.</summary>
        public static FrontMatter? Read(string text)
        {
            var lines = FirstLines(text, MaxLines + 2);
            if (lines.Count == 0)
            {
                return null;
            }

            int first;
            bool hasOpening;
            if (lines[0].TrimEnd() == "---")
            {
                first = 1;
                hasOpening = true;
            }
            else if (StartsWithKeys(lines))
            {
                first = 0;
                hasOpening = false;
            }
            else
            {
                return null;
            }

            var end = -1;
            for (var i = first; i < lines.Count; i++)
            {
                var trimmed = lines[i].TrimEnd();
                if (trimmed == "---" || (hasOpening && trimmed == "..."))
                {
                    end = i;
                    break;
                }
            }

            if (end < 0)
            {
                // An opening "---" that is never closed is a thematic break, not front matter.
                return null;
            }

            var frontMatter = new FrontMatter(end + 1, hasOpening);
            if (!hasOpening)
            {
                frontMatter._problems.Add(new RuleFileProblem(1, end + 1, "the front matter has no opening '---' line; it was read all the same, add the line to make it valid YAML"));
            }

            frontMatter.ReadEntries(lines, first, end);
            return frontMatter;
        }

        private void ReadEntries(List<string> lines, int first, int end)
        {
            string? listKey = null;
            for (var i = first; i < end; i++)
            {
                var line = lines[i];
                var trimmed = line.Trim();
                var number = i + 1;
                if (trimmed.Length == 0 || trimmed.StartsWith("#", StringComparison.Ordinal))
                {
                    continue;
                }

                if (trimmed.StartsWith("- ", StringComparison.Ordinal) || trimmed == "-")
                {
                    if (listKey == null)
                    {
                        _problems.Add(new RuleFileProblem(number, number, $"'{trimmed}' is a list item without a key; it was ignored"));
                    }
                    else
                    {
                        AddScalars(listKey, trimmed.Substring(1).Trim(), split: false);
                    }

                    continue;
                }

                var colon = trimmed.IndexOf(':');
                if (colon <= 0 || char.IsWhiteSpace(line[0]))
                {
                    _problems.Add(new RuleFileProblem(number, number, $"'{Shorten(trimmed)}' is not a 'key: value' line; it was ignored"));
                    listKey = null;
                    continue;
                }

                var key = trimmed.Substring(0, colon).Trim().Trim('"', '\'');
                var value = trimmed.Substring(colon + 1).Trim();
                _lines[key] = number;
                _values[key] = new List<string>();
                listKey = key;
                if (value.Length > 0)
                {
                    AddScalars(key, value, split: true);
                }
            }
        }

        private void AddScalars(string key, string value, bool split)
        {
            var values = _values[key];
            if (value.StartsWith("[", StringComparison.Ordinal) && value.EndsWith("]", StringComparison.Ordinal))
            {
                value = value.Substring(1, value.Length - 2);
                split = true;
            }
            else if (split)
            {
                // applyTo: "src/**, tests/**" is one quoted string that names two globs.
                value = Unquote(value);
            }

            foreach (var part in split ? SplitOutsideBraces(value) : new[] { value })
            {
                var scalar = Unquote(part.Trim());
                if (scalar.Length > 0)
                {
                    values.Add(scalar);
                }
            }
        }

        /// <summary>"a, b" is two values; "**/*.{cs,razor}" is one.</summary>
        private static IEnumerable<string> SplitOutsideBraces(string value)
        {
            var depth = 0;
            var quote = '\0';
            var start = 0;
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                if (quote != '\0')
                {
                    quote = c == quote ? '\0' : quote;
                }
                else if (c == '"' || c == '\'')
                {
                    quote = c;
                }
                else if (c == '{')
                {
                    depth++;
                }
                else if (c == '}')
                {
                    depth = Math.Max(0, depth - 1);
                }
                else if (c == ',' && depth == 0)
                {
                    yield return value.Substring(start, i - start);
                    start = i + 1;
                }
            }

            yield return value.Substring(start);
        }

        private static string Unquote(string value)
        {
            if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[value.Length - 1] == value[0])
            {
                return value.Substring(1, value.Length - 2);
            }

            // A comment after a plain scalar: "globs: **/*.cs # C# only".
            var comment = value.IndexOf(" #", StringComparison.Ordinal);
            return comment >= 0 ? value.Substring(0, comment).TrimEnd() : value;
        }

        /// <summary>"applyTo: **/*.cs" on the first line, a "---" further down: front matter that lost its opening line.</summary>
        private static bool StartsWithKeys(List<string> lines)
        {
            var first = lines[0].Trim();
            foreach (var key in LooksLikeKeys)
            {
                if (first.StartsWith(key + ":", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private static List<string> FirstLines(string text, int count)
        {
            var lines = new List<string>();
            var start = 0;
            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                start = 1;
            }

            var line = new StringBuilder();
            for (var i = start; i < text.Length && lines.Count < count; i++)
            {
                var c = text[i];
                if (c == '\r' || c == '\n')
                {
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    lines.Add(line.ToString());
                    line.Clear();
                }
                else if (line.Length < ReadLimits.MaxBulletLength)
                {
                    line.Append(c);
                }
            }

            if (lines.Count < count && line.Length > 0)
            {
                lines.Add(line.ToString());
            }

            return lines;
        }

        private static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 57) + "...";
    }
}
