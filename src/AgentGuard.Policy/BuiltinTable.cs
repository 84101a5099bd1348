using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace AgentGuard.Policy
{
    /// <summary>
    /// The wording that names one of the built-in checks (AG1001-AG1009). A rule that forbids what a built-in
    /// finds ("Never commit TODO markers") hands the check over: its findings become errors that quote the rule.
    /// </summary>
    internal static class BuiltinTable
    {
        private const RegexOptions Options = RegexOptions.CultureInvariant;
        private const RegexOptions IgnoreCase = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

        private static readonly (TieredRegex Pattern, string Id, string[] Triggers)[] Forbidding =
        {
            (new TieredRegex(@"\b(?:TODO|FIXME|HACK|XXX)s?\b|\btodo\s+(?:comments?|markers?|notes?)\b", Options), "AG1001", new[] { "todo", "fixme", "hack", "xxx" }),
            (new TieredRegex(@"\blorem\s+ipsum\b|\bfiller\b|\bdummy\s+(?:data|text|values?|content)\b|\bfake\s+(?:data|urls?|values?|content|emails?)\b|\bplaceholders?\b(?!\s+(?:implementations?|methods?|code|bod(?:y|ies)))|\bexample\.com\b", IgnoreCase), "AG1002", new[] { "lorem", "filler", "dummy", "fake", "placeholder", "example.com" }),
            (new TieredRegex(@"\bNotImplementedException\b|\bstubs?\b|\bstubbed\b|\bunimplemented\b|\bplaceholder\s+(?:implementations?|methods?|code|bod(?:y|ies))\b", IgnoreCase), "AG1003", new[] { "notimplemented", "stub", "unimplemented", "placeholder" }),
            (new TieredRegex(@"\bsuppress(?:ing|ions?|es)?\b[^.]*\b(?:warnings?|diagnostics?|analy[sz]ers?|analy[sz]er\s+findings)\b|\b(?:warnings?|diagnostics?)\b[^.]*\bsuppress|\bSuppressMessage\b", IgnoreCase), "AG1004", new[] { "suppress" }),
            (new TieredRegex(@"\bsuppress[^.]*\b(?:AgentGuard|AG\d{4})\b|\b(?:AgentGuard|AG\d{4})\b[^.]*\bsuppress", IgnoreCase), "AG1005", new[] { "suppress" }),
            (new TieredRegex(@"\btests?\b[^.]*\bwithout\s+(?:an?\s+|any\s+)?assert(?:ions?|s)?\b|\bassert(?:s|ing)?\s+nothing\b|\bempty\s+tests?\b|\btests?\s+that\s+(?:never|don't|do\s+not)\s+assert", IgnoreCase), "AG1006", new[] { "assert", "empty test" }),
            // The test must be what is skipped: "skip failing tests", "tests are disabled"; not "skipping the null check ... tests".
            (new TieredRegex(@"\b(?:skip(?:s|ping|ped)?|disabl(?:e|es|ing)|ignor(?:e|es|ing)|exclud(?:e|es|ing)|comment(?:ing)?\s+out)\s+(?:(?:the|a|an|any|failing|flaky|broken|slow|unit|integration|existing|or|and|exclude|skip)\s+)*tests?\b"
                + @"|\btests?\s+(?:[\w']+\s+){0,3}?(?:skipped|ignored|disabled|commented\s+out)\b|\[(?:Ignore|Skip)\]|\bSkip\s*=", IgnoreCase), "AG1007", new[] { "skip", "disabl", "ignor", "exclud", "comment" }),
            (new TieredRegex(@"\bswallow(?:s|ing|ed)?\b[^.]*\b\w*(?:exceptions?|errors?)\b|\b\w*(?:exceptions?|errors?)\b[^.]*\bswallow|\bempty\s+catch(?:es|\s+blocks?)?\b|\bcatch[- ]all\b|\bcatch\s*(?:\([^)]*\))?\s*\{\s*\}", IgnoreCase), "AG1008", new[] { "swallow", "catch" }),
            (new TieredRegex(@"\b(?:hard[- ]?cod(?:e|ed|ing)|commit(?:ting)?|check(?:ing)?\s+in|embed(?:ding)?|past(?:e|ing)|stor(?:e|ing)|put(?:ting)?|inlin(?:e|ing))\b[^.]*\b(?:secrets?|credentials?|api[- ]?keys?|passwords?|access\s+tokens?|connection\s+strings?|private\s+keys?)\b"
                + @"|\b(?:secrets?|credentials?|api[- ]?keys?|passwords?|access\s+tokens?|private\s+keys?)\b[^.]*\b(?:in\s+(?:code|source|the\s+repo(?:sitory)?|git)|hard[- ]?coded)\b", IgnoreCase), "AG1009", new[] { "secret", "credential", "api", "password", "token", "connection", "private key" }),
        };

        // Positive wording that still asks for what a built-in checks: "every test must assert something".
        private static readonly (TieredRegex Pattern, string Id, string[] Triggers)[] Requiring =
        {
            (new TieredRegex(@"\b(?:every|each|all)\s+tests?\b[^.]*\b(?:must|should|needs?\s+to|has\s+to)\s+(?:have\s+)?(?:an?\s+|at\s+least\s+one\s+)?assert", IgnoreCase), "AG1006", new[] { "assert", "empty test" }),
            (new TieredRegex(@"\btests?\s+must\s+(?:have|contain|make)\s+(?:an?\s+|at\s+least\s+one\s+)?assert", IgnoreCase), "AG1006", new[] { "assert", "empty test" }),
        };

        // "without a justification", "without assertions": the condition is what the check itself finds, not a limit on it.
        private static readonly TieredRegex OwnConditions = new TieredRegex(
            @"\bwithout\s+(?:an?\s+|any\s+)?(?:(?:written|explicit|clear)\s+)?(?:justifications?|reasons?|explanations?|comments?|assert(?:ions?|s)?)\b",
            IgnoreCase);

        // "the reliability warnings (CA2xxx)", "CA1031", "IDE0005": analyzer IDs, with x standing for any digit.
        private static readonly TieredRegex AnalyzerId = new TieredRegex(@"\b(?<id>(?:CA|IDE|CS|SA|RS|SYSLIB|VSTHRD|MA|RCS|NU|IL|xUnit)\d[\dx]{0,4})\b", RegexOptions.CultureInvariant);

        /// <summary>The analyzer IDs a rule names ("CA2xxx" as "CA2*"): a suppression rule that names some escalates those only.</summary>
        public static IReadOnlyList<string> AnalyzerIdsIn(string text)
        {
            var ids = new List<string>();
            foreach (Match match in AnalyzerId.Matches(text))
            {
                var id = match.Groups["id"].Value;
                var wildcard = id.IndexOf('x');
                ids.Add(wildcard > 0 ? id.Substring(0, wildcard) + "*" : id);
            }

            return ids;
        }

        /// <summary>The text without the conditions the built-in checks look for themselves.</summary>
        public static string WithoutOwnConditions(string text) => OwnConditions.Replace(text, " ");

        /// <summary>The built-ins a forbidding clause names.</summary>
        public static IEnumerable<string> MatchForbidding(string text) => Match(Forbidding, text);

        /// <summary>The built-ins a requiring clause names.</summary>
        public static IEnumerable<string> MatchRequiring(string text) => Match(Requiring, text);

        /// <summary>True for an ID of a built-in check.</summary>
        public static bool IsBuiltinId(string id) => Regex.IsMatch(id, @"^AG100[1-9]$", RegexOptions.CultureInvariant, Patterns.Timeout);

        private static IEnumerable<string> Match((TieredRegex Pattern, string Id, string[] Triggers)[] table, string text)
        {
            foreach (var (pattern, id, triggers) in table)
            {
                // A pattern runs only on text that holds one of its words: most clauses hold none.
                if (System.Array.Exists(triggers, trigger => text.IndexOf(trigger, System.StringComparison.OrdinalIgnoreCase) >= 0) && pattern.IsMatch(text))
                {
                    yield return id;
                }
            }
        }
    }
}
