using System.Text.RegularExpressions;

namespace AgentGuard.Policy
{
    /// <summary>
    /// "`A` must not depend on `B`", "Code in `A` must not reference `B`", "the domain layer (`A`) must not depend on
    /// `B`", "never reference `B` from `A`", "no references from `A` to `B`".
    /// </summary>
    internal static class DependencyWords
    {
        private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
        private const string Code = @"\u0001(?<{0}>\d+)\u0002";
        private const string Verb =
            @"(?:depends?\s+on|references?|uses?|imports?|calls?(?:\s+into)?|knows?\s+about|access(?:es)?|(?:have|has|take|takes)\s+(?:a\s+|any\s+)?(?:dependency|dependencies|references?)\s+(?:on|to))";

        // What stands before the depending side: "Code in `A`", "Types under `A`", "The domain layer `A`" (its parentheses
        // are dropped before clauses are split: "the domain layer (`A`)").
        private const string Subject =
            @"(?:(?:the\s+)?(?:code|types|classes|anything|projects?|files?)\s+(?:in|under|inside|within|of)\s+(?:the\s+)?|(?:the\s+)?[\w-]+\s+(?:layer|project|assembly|module)\s+)?";

        private static readonly TieredRegex FromFirst = new TieredRegex(
            @"^\W*(?:the\s+)?" + Subject + string.Format(Code, "from") + @"\s+(?:project\s+|layer\s+|assembly\s+|namespace\s+|code\s+)?"
            + @"(?:" + Lexicon.Any(Lexicon.Modals, new[] { "may", "can" }) + @"\s*(?:not|never|n't)|never|does\s+not|doesn't|cannot)\s+(?:directly\s+)?" + Verb
            + @"\s+(?:the\s+|anything\s+(?:in|from)\s+|types\s+(?:in|from)\s+)?" + string.Format(Code, "to"),
            Options);

        private static readonly TieredRegex ToFirst = new TieredRegex(
            @"^\W*" + Lexicon.Any(Lexicon.Negations) + @"\s+(?:reference|use|import|call)\s+" + string.Format(Code, "to") + @"\s+from\s+(?:within\s+)?(?:the\s+)?" + string.Format(Code, "from"),
            Options);

        private static readonly TieredRegex NoReferences = new TieredRegex(
            @"^\W*no\s+(?:references|dependencies|imports|calls)\s+from\s+(?:the\s+)?" + string.Format(Code, "from") + @"\s+(?:to|on|into)\s+(?:the\s+)?" + string.Format(Code, "to"),
            Options);

        /// <summary>The placeholder indexes of the two sides, when the clause forbids a dependency.</summary>
        public static bool TryMatch(string clause, out int from, out int to)
        {
            // Both sides are targets: a clause with fewer than two reads nothing here.
            var first = clause.IndexOf('\u0001');
            if (first < 0 || clause.IndexOf('\u0001', first + 1) < 0)
            {
                from = to = -1;
                return false;
            }

            foreach (var pattern in new[] { FromFirst, ToFirst, NoReferences })
            {
                var match = pattern.Match(clause);
                if (match.Success)
                {
                    from = int.Parse(match.Groups["from"].Value, System.Globalization.CultureInfo.InvariantCulture);
                    to = int.Parse(match.Groups["to"].Value, System.Globalization.CultureInfo.InvariantCulture);
                    return true;
                }
            }

            from = to = -1;
            return false;
        }
    }
}
