using System;
using System.Text.RegularExpressions;

namespace AgentGuard.Policy
{
    /// <summary>Shared settings of the reader's regular expressions.</summary>
    internal static class Patterns
    {
        /// <summary>
        /// No pattern may run longer than this on any text: a rule file is untrusted input read inside the compiler, and
        /// a file that would take longer is reported as unreadable (AG0011) instead of stalling the build.
        /// </summary>
        public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

        /// <summary>True when <paramref name="text"/> holds one of <paramref name="words"/>, ignoring case.</summary>
        public static bool HoldsAny(string text, string[] words)
        {
            foreach (var word in words)
            {
                if (text.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// A pattern that can only match text holding one of its words: text without any of them is answered by an ordinal
    /// search, without running the pattern. Every alternative of the pattern must contain one of the words.
    /// </summary>
    internal sealed class GatedPattern
    {
        private readonly string[] words;

        public GatedPattern(string pattern, RegexOptions options, params string[] words)
        {
            Regex = new Regex(pattern, options, Patterns.Timeout);
            this.words = words;
        }

        public Regex Regex { get; }

        public bool CanMatch(string text) => Patterns.HoldsAny(text, words);

        public bool IsMatch(string text) => CanMatch(text) && Regex.IsMatch(text);

        public Match Match(string text) => CanMatch(text) ? Regex.Match(text) : System.Text.RegularExpressions.Match.Empty;

        public string Replace(string text, string replacement) => CanMatch(text) ? Regex.Replace(text, replacement) : text;
    }
}
