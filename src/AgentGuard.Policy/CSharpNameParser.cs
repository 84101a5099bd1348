using System.Collections.Generic;

namespace AgentGuard.Policy
{
    /// <summary>
    /// Reads the narrow form of C# name a rule writes in a code span: dotted identifiers, optional
    /// <c>global::</c>, type arguments (<c>ILogger&lt;T&gt;</c>) and a trailing call (<c>Task.Wait()</c>,
    /// <c>Console.WriteLine(string)</c>). Anything else (spaces, operators, paths) is not a name.
    /// </summary>
    internal static class CSharpNameParser
    {
        public static IReadOnlyList<NameSegment>? TryParse(string text)
        {
            if (text.StartsWith("global::", System.StringComparison.Ordinal))
            {
                text = text.Substring("global::".Length);
            }

            text = StripCall(text);
            if (text.Length == 0)
            {
                return null;
            }

            var segments = new List<NameSegment>();
            var position = 0;
            while (true)
            {
                if (position < text.Length && text[position] == '@')
                {
                    // A verbatim identifier (@class) names the same symbol as its text.
                    position++;
                }

                var start = position;
                if (position >= text.Length || !IsIdentifierStart(text[position]))
                {
                    return null;
                }

                while (position < text.Length && IsIdentifierPart(text[position]))
                {
                    position++;
                }

                var name = text.Substring(start, position - start);
                if (name.Length == 0)
                {
                    return null;
                }

                var arity = -1;
                if (position < text.Length && text[position] == '<')
                {
                    arity = ReadTypeArgumentCount(text, ref position);
                    if (arity < 0)
                    {
                        return null;
                    }
                }

                segments.Add(new NameSegment(name, arity));
                if (position == text.Length)
                {
                    return segments.ToArray();
                }

                if (text[position] != '.')
                {
                    return null;
                }

                position++;
            }
        }

        // "()" or a parameter-type list "(string, int)"; a call with arguments ("WriteLine(\"Saved\")") is an example, not a name.
        // Items separated by required commas, each an atomic group: no way to split one type name in several, so the
        // match is linear in the text (an optional separator here once made it exponential).
        private const string ParameterType =
            @"(?>\s*(?:(?:ref|out|in|params)\s+)?(?:[A-Z][\w.]*|string|int|long|bool|object|double|float|decimal|char|byte|short|uint|ulong)(?:<[\w\s,.<>]*>)?(?:\[\])?\??\s*)";

        private static readonly TieredRegex ParameterList = new TieredRegex(
            @"^\((?:" + ParameterType + @"(?:," + ParameterType + @")*)?\)$",
            System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        /// <summary>
        /// "`Channel(ChannelOptions)`": the parameter types a name's call lists, each trimmed (<c>ChannelOptions</c>;
        /// <c>string</c>, <c>int</c>; <c>params object[]</c>), or null when the text lists none.
        /// </summary>
        public static IReadOnlyList<string>? ParameterTypesOf(string text)
        {
            var open = text.IndexOf('(');
            if (open <= 0 || !text.EndsWith(")", System.StringComparison.Ordinal) || !ParameterList.IsMatch(text.Substring(open)))
            {
                return null;
            }

            var types = new List<string>();
            var depth = 0;
            var current = new System.Text.StringBuilder();
            foreach (var c in text.Substring(open + 1, text.Length - open - 2))
            {
                depth += c == '<' ? 1 : c == '>' ? -1 : 0;
                if (c == ',' && depth == 0)
                {
                    types.Add(current.ToString().Trim());
                    current.Clear();
                }
                else if (!char.IsWhiteSpace(c))
                {
                    current.Append(c);
                }
                else if (current.Length > 0 && current[current.Length - 1] != ' ')
                {
                    // "params object[]": the modifier stays a word of its own.
                    current.Append(' ');
                }
            }

            if (current.Length > 0 || types.Count > 0)
            {
                types.Add(current.ToString().Trim());
            }

            return types;
        }

        private static string StripCall(string text)
        {
            if (!text.EndsWith(")", System.StringComparison.Ordinal))
            {
                return text;
            }

            var open = text.IndexOf('(');
            return open > 0 && ParameterList.IsMatch(text.Substring(open)) ? text.Substring(0, open) : string.Empty;
        }

        /// <summary>Counts the type arguments of <c>&lt;...&gt;</c> at <paramref name="position"/>; -1 when unbalanced.</summary>
        private static int ReadTypeArgumentCount(string text, ref int position)
        {
            var depth = 0;
            var count = 1;
            for (; position < text.Length; position++)
            {
                switch (text[position])
                {
                    case '<':
                        depth++;
                        break;
                    case '>':
                        depth--;
                        if (depth == 0)
                        {
                            position++;
                            return count;
                        }

                        break;
                    case ',' when depth == 1:
                        count++;
                        break;
                    case '(':
                    case ')':
                        return -1;
                }
            }

            return -1;
        }

        private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_';

        private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';
    }
}
