using System.Text.RegularExpressions;

namespace AgentGuard.Policy
{
    /// <summary>The wording that makes rule text normative, and in which direction.</summary>
    internal static class PolarityWords
    {
        private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

        private const string Subject =
            @"(?:you|we|agents?|ai\s+agents?|the\s+agent|claude|copilot|(?:new\s+|production\s+|library\s+|application\s+)?code|this\s+(?:project|library|repo(?:sitory)?)|the\s+(?:codebase|project|library))";

        private static readonly Regex NegativeStart = new Regex(
            @"^(?:" + Subject + @"\s+)?"
            + @"(?:never\b|avoid\b|don't\b|dont\b|doesn't\b|mustn't\b|shouldn't\b|can't\b|cannot\b|won't\b"
            + @"|(?:do|does|must|should|shall|will)\s+not\b"
            + @"|no\s+(?!need\b|longer\b|more\s+than\b|matter\b|one\b|other\b)"
            + @"|not\s+(?!only\b|just\b|all\b|necessarily\b|yet\b)"
            + @"|stop\s+using\b|forbidden\b|prohibited\b)",
            Options, Patterns.Timeout);

        // "We use `A` instead of `B`" describes the code base; "You should use" and a bare imperative ask for it.
        private static readonly Regex PositiveStart = new Regex(
            @"^(?:(?:you|agents?|ai\s+agents?|the\s+agent)\s+)?"
            + @"(?:always|use|prefer|must|should|shall|ensure|make\s+sure|do|call|inject|read|write|pass|rely|favou?r"
            + @"|go\s+through|instead|keep|take|get|obtain|log|throw|return|add|wrap|validate|register|depend)\b",
            Options, Patterns.Timeout);

        // "`DateTime.Now` is banned", "`Thread.Sleep` must not be used".
        private static readonly GatedPattern NegativeVerdict = new GatedPattern(
            @"\b(?:is|are)\s+(?:banned|forbidden|prohibited|disallowed|not\s+allowed|not\s+permitted|off[- ]limits)\b"
            + @"|\b(?:must|should|may)\s+(?:never|not)\s+be\s+(?:used|called|referenced)\b",
            Options, "banned", "forbidden", "prohibited", "allowed", "permitted", "limits", "used", "called", "referenced");

        // "`DateTime.Now` is fine in this folder", "you may use `Console.WriteLine` here": a permission, which a nested rule
        // file gives to lift a ban of a file above it. "is not allowed" is a verdict the other way.
        private static readonly GatedPattern Permission = new GatedPattern(
            @"\b(?:is|are)\s+(?:fine|ok|okay|allowed|permitted|acceptable)\b|^(?:you\s+)?(?:may|can)\s+(?:use|call)\b|^(?:it'?s\s+)?(?:fine|ok|okay)\s+to\s+(?:use|call)\b",
            Options, "fine", "ok", "allowed", "permitted", "acceptable", "may", "can");

        // "Every test must assert something", "All handlers should log failures": the modal after the subject is normative.
        private static readonly Regex QuantifiedModal = new Regex(
            @"^(?:every|each|all|any)\b[^.]{0,80}?\b(?<negative>(?:must|should|shall)\s+(?:not|never)|(?:must|should|shall)n't|never)?(?(negative)|(?:must|should|shall|needs?\s+to|has\s+to))\b",
            Options,
            Patterns.Timeout);

        private static readonly Regex NegativeHeading = new Regex(
            @"\b(?:never|avoid|don'?ts?|do\s+not|must\s+not|forbidden|prohibited|not\s+allowed|banned|anti-?patterns?)\b|❌|🚫|⛔",
            Options, Patterns.Timeout);

        private static readonly Regex PositiveHeading = new Regex(
            @"\b(?:always|must|required|do'?s)\b|^\s*do\s*$|✅",
            Options, Patterns.Timeout);

        // A heading gives polarity when it is the polarity ("## Never", "### ❌ NEVER:", "## Things to avoid"), not when a
        // longer topic heading mentions it ("## Error handling — never swallow exceptions").
        private static readonly Regex LeadingPolarityWord = new Regex(
            @"^\W*(?:never|avoid|don'?ts?|do\s+not|must\s+not|forbidden|prohibited|banned|anti-?patterns?|always|must|required|dos?|do's)\b|^\W*(?:❌|🚫|⛔|✅)",
            Options, Patterns.Timeout);

        private static readonly GatedPattern EscapeClause = new GatedPattern(
            @"\b(?:unless|except|other\s+than|apart\s+from|besides|where\s+applicable|if\s+possible|when\s+possible|where\s+possible|wherever\s+possible"
            + @"|as\s+much\s+as\s+possible|when\s+practical|where\s+practical|if\s+needed|when\s+necessary|if\s+necessary"
            + @"|without\s+(?:a\s+)?good\s+reason|preferably|generally|in\s+general|try\s+to)\b",
            Options, "unless", "except", "other", "apart", "besides", "applicable", "possible", "practical", "needed", "necessary", "reason", "preferabl", "general", "try");

        // "instead of", "rather than", and between two targets "`A` not `B`", "`A` over `B`".
        private static readonly Regex InsteadOf = new Regex(
            @"\b(?<word>instead)\s+of\b|\b(?<word>rather)\s+than\b|\u0002[*_\s]{0,4},?\s*(?<word>not|over)\s*\u0001",
            Options,
            Patterns.Timeout);

        public static RulePolarity OfHeading(string heading)
        {
            heading = heading.Replace('\u2019', '\'');
            if (!LeadingPolarityWord.IsMatch(heading) && heading.Split(new[] { ' ' }, System.StringSplitOptions.RemoveEmptyEntries).Length > 4)
            {
                return RulePolarity.None;
            }

            var negative = NegativeHeading.IsMatch(heading);
            var positive = PositiveHeading.IsMatch(heading);
            if (negative == positive)
            {
                // "Dos and Don'ts" says both; a plain topic heading says neither.
                return RulePolarity.None;
            }

            return negative ? RulePolarity.Never : RulePolarity.Always;
        }

        /// <summary>The polarity a clause's own wording gives it.</summary>
        public static RulePolarity OfClause(string clause)
        {
            var start = 0;
            while (start < clause.Length && !char.IsLetter(clause[start]) && clause[start] != BulletInterpreter.CodeStart)
            {
                switch (clause[start])
                {
                    case '❌':
                    case '⛔':
                    case '✖':
                        return RulePolarity.Never;
                    case '✅':
                    case '✔':
                        return RulePolarity.Always;
                }

                if (string.CompareOrdinal(clause, start, "🚫", 0, 2) == 0)
                {
                    return RulePolarity.Never;
                }

                start++;
            }

            var text = clause.Substring(start);
            if (NegativeStart.IsMatch(text) || NegativeVerdict.IsMatch(text))
            {
                return RulePolarity.Never;
            }

            if (PositiveStart.IsMatch(text) || Permission.IsMatch(text))
            {
                return RulePolarity.Always;
            }

            var quantified = QuantifiedModal.Match(text);
            return !quantified.Success ? RulePolarity.None : quantified.Groups["negative"].Success ? RulePolarity.Never : RulePolarity.Always;
        }

        public static bool HasEscapeClause(string text) => EscapeClause.IsMatch(text);

        /// <summary>The text without its escape clauses, so "if possible" is not read as a condition.</summary>
        public static string WithoutEscapeClauses(string text) => EscapeClause.Replace(text, " ");

        private static readonly Regex PreferOver = new Regex(@"^\W*(?:you\s+should\s+)?(?:prefer|favou?r)\b.*?\b(?<over>over)\b", Options, Patterns.Timeout);

        private static readonly Regex Prefer = new Regex(@"^\W*(?:you\s+should\s+)?(?:prefer|favou?r)\b", Options, Patterns.Timeout);

        /// <summary>The index of "instead of" / "rather than" in <paramref name="clause"/>, or -1.</summary>
        public static int IndexOfInsteadOf(string clause)
        {
            if (clause.IndexOf("instead", System.StringComparison.OrdinalIgnoreCase) < 0 && clause.IndexOf("rather", System.StringComparison.OrdinalIgnoreCase) < 0
                && clause.IndexOf(" not", System.StringComparison.OrdinalIgnoreCase) < 0 && clause.IndexOf(" over", System.StringComparison.OrdinalIgnoreCase) < 0)
            {
                return -1;
            }

            var match = InsteadOf.Match(clause);
            var word = match.Groups["word"];

            // "Prefer `A` over `B`" stays a preference, which bans nothing; "Use `A` over `B`" says what not to use.
            return !match.Success || (word.Value.Equals("over", System.StringComparison.OrdinalIgnoreCase) && IsPreferOver(clause)) ? -1 : word.Index;
        }

        /// <summary>
        /// "Prefer `A` over `B`": the bullet states its own preference (so a "Never" heading does not ban A), but a
        /// preference bans nothing ("Prefer `ValueTask` over `Task` on hot paths" is no ban of Task).
        /// </summary>
        public static bool IsPreferOver(string clause) => PreferOver.IsMatch(clause);

        /// <summary>"Prefer `A` over `B`" is advice: what it bans is reported as a warning.</summary>
        public static bool IsPreference(string clause) => Prefer.IsMatch(clause);

        /// <summary>True for a line the writer marked as the right way (✅): no heading turns it into a ban.</summary>
        public static bool IsMarkedRight(string clause) => clause.TrimStart().StartsWith("✅", System.StringComparison.Ordinal) || clause.TrimStart().StartsWith("✔", System.StringComparison.Ordinal);
    }
}
