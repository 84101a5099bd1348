using System.Text.RegularExpressions;

namespace AgentGuard.Policy
{
    /// <summary>The wording that makes rule text normative, and in which direction.</summary>
    internal static class PolarityWords
    {
        private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

        private static readonly string Subject = Lexicon.Any(Lexicon.Addressees, Lexicon.WholeSubjects);

        private static readonly TieredRegex NegativeStart = new TieredRegex(
            @"^(?:" + Subject + @"\s+)?"
            + @"(?:" + Lexicon.AnyWord(Lexicon.Negations) + @"|avoid\b"
            + @"|no\s+(?!need\b|longer\b|more\s+than\b|matter\b|one\b|other\b)"
            + @"|not\s+(?!only\b|just\b|all\b|necessarily\b|yet\b)"
            + @"|stop\s+using\b|forbidden\b|prohibited\b)",
            Options);

        // "We use `A` instead of `B`" describes the code base; "You should use" and a bare imperative ask for it.
        private static readonly TieredRegex PositiveStart = new TieredRegex(
            @"^(?:" + Lexicon.Any(Lexicon.Readers) + @"\s+)?" + Lexicon.Any(Lexicon.Modals, Lexicon.Imperatives) + @"\b",
            Options);

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
        private static readonly TieredRegex QuantifiedModal = new TieredRegex(
            @"^(?:every|each|all|any)\b[^.]{0,80}?\b(?<negative>" + Lexicon.Any(Lexicon.Modals) + @"\s+(?:not|never)|" + Lexicon.Any(Lexicon.Modals) + @"n't|never)?(?(negative)|(?:" + Lexicon.Any(Lexicon.Modals) + @"|needs?\s+to|has\s+to))\b",
            Options);

        private static readonly TieredRegex NegativeHeading = new TieredRegex(
            @"\b(?:" + Lexicon.Any(Lexicon.NegativeHeadings) + @"|not\s+allowed)\b|❌|🚫|⛔",
            Options);

        private static readonly TieredRegex PositiveHeading = new TieredRegex(
            @"\b(?:" + Lexicon.Any(Lexicon.PositiveHeadings) + @"|do'?s)\b|^\s*do\s*$|✅",
            Options);

        // A heading gives polarity when it is the polarity ("## Never", "### ❌ NEVER:", "## Things to avoid"), not when a
        // longer topic heading mentions it ("## Error handling — never swallow exceptions").
        private static readonly TieredRegex LeadingPolarityWord = new TieredRegex(
            @"^\W*" + Lexicon.Any(Lexicon.NegativeHeadings, Lexicon.PositiveHeadings, new[] { "dos?", "do's" }) + @"\b|^\W*(?:❌|🚫|⛔|✅)",
            Options);

        private static readonly string[] Unless = { "unless" };

        private static readonly GatedPattern EscapeClause = new GatedPattern(
            @"\b" + Lexicon.Any(Unless, Lexicon.Exceptions, Lexicon.Hedges) + @"\b",
            Options, Lexicon.GateWords(Unless, Lexicon.Exceptions, Lexicon.Hedges));

        // "instead of", "rather than", and between two targets "`A` not `B`", "`A` over `B`".
        private static readonly TieredRegex InsteadOf = new TieredRegex(
            @"\b(?<word>instead)\s+of\b|\b(?<word>rather)\s+than\b|\u0002[*_\s]{0,4},?\s*(?<word>not|over)\s*\u0001",
            Options);

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

        private static readonly TieredRegex PreferOver = new TieredRegex(@"^\W*(?:you\s+should\s+)?(?:prefer|favou?r)\b.*?\b(?<over>over)\b", Options);

        private static readonly TieredRegex Prefer = new TieredRegex(@"^\W*(?:you\s+should\s+)?(?:prefer|favou?r)\b", Options);

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
        public static bool IsPreferOver(string clause) => CanPrefer(clause) && PreferOver.IsMatch(clause);

        /// <summary>"Prefer `A` over `B`" is advice: what it bans is reported as a warning.</summary>
        public static bool IsPreference(string clause) => CanPrefer(clause) && Prefer.IsMatch(clause);

        private static bool CanPrefer(string clause) =>
            clause.IndexOf("prefer", System.StringComparison.OrdinalIgnoreCase) >= 0 || clause.IndexOf("favo", System.StringComparison.OrdinalIgnoreCase) >= 0;

        /// <summary>True for a line the writer marked as the right way (✅): no heading turns it into a ban.</summary>
        public static bool IsMarkedRight(string clause) => clause.TrimStart().StartsWith("✅", System.StringComparison.Ordinal) || clause.TrimStart().StartsWith("✔", System.StringComparison.Ordinal);
    }
}
