using System;
using System.Text.RegularExpressions;
using System.Threading;

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
            Regex = new TieredRegex(pattern, options);
            this.words = words;
        }

        public TieredRegex Regex { get; }

        public bool CanMatch(string text) => Patterns.HoldsAny(text, words);

        public bool IsMatch(string text) => CanMatch(text) && Regex.IsMatch(text);

        public Match Match(string text) => CanMatch(text) ? Regex.Match(text) : System.Text.RegularExpressions.Match.Empty;

        public string Replace(string text, string replacement) => CanMatch(text) ? Regex.Replace(text, replacement) : text;
    }

    /// <summary>
    /// A regular expression of the reader. It is built at its first run, interpreted, which costs next to nothing to build,
    /// and is compiled to IL once it has run <see cref="CompileAfter"/> times: a process that reads rule files again and again (the IDE while
    /// a rule file is edited, the compiler server over many builds) then runs it faster, and a build that reads its rule
    /// files once never pays for compiling patterns. Both forms match every text the same way, under the same timeout.
    /// </summary>
    internal sealed class TieredRegex
    {
        /// <summary>
        /// About what compiling one pattern costs in matches saved: reading the benchmark's 35 KB rule file runs its
        /// busiest pattern fewer times than this, so one read compiles nothing.
        /// </summary>
        internal const int CompileAfter = 2000;

        private readonly string pattern;
        private readonly RegexOptions options;
        private Regex? current;
        private int runs;

        public TieredRegex(string pattern, RegexOptions options)
        {
            this.pattern = pattern;
            this.options = options;
        }

        /// <summary>True once the pattern has been built, at its first run.</summary>
        internal bool IsBuilt => Volatile.Read(ref current) != null;

        /// <summary>True once the pattern runs compiled.</summary>
        internal bool IsCompiled => (Built.Options & RegexOptions.Compiled) != 0;

        /// <summary>The options it was built with (without <see cref="RegexOptions.Compiled"/>).</summary>
        internal RegexOptions Options => options;

        /// <summary>The timeout of the form it runs in now.</summary>
        internal TimeSpan MatchTimeout => Built.MatchTimeout;

        // Built at its first run, not with its class: a rule file that never gets to a pattern never pays for parsing it.
        private Regex Built =>
            Volatile.Read(ref current) ?? Interlocked.CompareExchange(ref current, new Regex(pattern, options, Patterns.Timeout), null) ?? Volatile.Read(ref current)!;

        private Regex Current
        {
            get
            {
                var regex = Built;
                if (runs < CompileAfter && Interlocked.Increment(ref runs) == CompileAfter)
                {
                    regex = new Regex(pattern, options | RegexOptions.Compiled, Patterns.Timeout);
                    Volatile.Write(ref current, regex);
                }

                return regex;
            }
        }

        public bool IsMatch(string input) => Current.IsMatch(input);

        public Match Match(string input) => Current.Match(input);

        public Match Match(string input, int start) => Current.Match(input, start);

        public MatchCollection Matches(string input) => Current.Matches(input);

        public string Replace(string input, string replacement) => Current.Replace(input, replacement);

        public string Replace(string input, MatchEvaluator evaluator) => Current.Replace(input, evaluator);

        public string[] Split(string input) => Current.Split(input);

        public override string ToString() => pattern;
    }
}
