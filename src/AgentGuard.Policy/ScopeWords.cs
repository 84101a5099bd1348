using System.Text.RegularExpressions;

namespace AgentGuard.Policy
{
    /// <summary>The wording that limits a rule to test code, production code, or a path.</summary>
    internal static class ScopeWords
    {
        private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

        private static readonly GatedPattern Production = new GatedPattern(
            @"\b" + Lexicon.Any(Lexicon.Exceptions, new[] { @"but\s+not", @"outside(?:\s+of)?" }) + @"\s+(?:in\s+|for\s+|of\s+)?(?:(?:unit|the|our)\s+)?tests?(?:\s+(?:code|projects?|files?))?\b"
            + @"|\b(?:in|from)\s+(?:production|library|app(?:lication)?|product|shipping|runtime|non-test|src)\s+code\b"
            + @"|\bin\s+(?:production|shipped\s+code|libraries)\b"
            + @"|\boutside\s+(?:of\s+)?tests?\b",
            Options, "test", "code", "production", "shipped", "libraries");

        private static readonly GatedPattern Tests = new GatedPattern(
            @"\bin\s+(?:(?:unit|integration|the|our)\s+)?tests?\b(?!\s+projects?\s+only)|\bin\s+test\s+(?:code|projects?|files?|classes|methods)\b|\bwhen\s+writing\s+tests\b",
            Options, "test");

        /// <summary>"in `src/Domain/**`": group <c>index</c> is the placeholder of the path.</summary>
        public static readonly TieredRegex PathScope = new TieredRegex(
            @"\b(?:in|under|within|inside|for)\s+(?:(?:files|code|classes|types)\s+(?:in|under)\s+)?(?:the\s+)?\u0001(?<index>\d+)\u0002",
            Options);

        private static readonly GatedPattern LeadingScope = new GatedPattern(
            @"^\W*(?:(?:in|under|within|inside|for)\s+(?:(?:files|code|classes|types)\s+(?:in|under)\s+)?(?:the\s+)?\u0001\d+\u0002(?:\s+(?:folder|directory|project))?"
            + @"|in\s+(?:(?:unit|integration)\s+)?tests?|in\s+(?:test|production|library|app(?:lication)?)\s+code)\s*,?\s*",
            Options, "\u0001", "test", "code");

        // "in components", "on hot paths", "from billing code": a real limit, but not one the analyzers can see.
        private static readonly TieredRegex Imprecise = new TieredRegex(
            @"\b(?:in|from|inside|within|on|for)\s+(?:the\s+|our\s+|any\s+|all\s+)?(?:[\w'-]+\s+){0,2}?(?:code|paths?|components?|services?|controllers?|handlers?|endpoints?|layers?|modules?|apis?|ui|views?|pages?|jobs?|workers?)\b",
            Options);

        /// <summary>True when the rule names a limit the analyzers cannot check; it is then enforced as a warning.</summary>
        public static bool HasImpreciseQualifier(string textWithoutTestScope) => Imprecise.IsMatch(textWithoutTestScope);

        public static TestScope TestScopeOf(string text)
        {
            if (Production.IsMatch(text))
            {
                return TestScope.ProductionOnly;
            }

            return Tests.IsMatch(text) ? TestScope.TestsOnly : TestScope.All;
        }

        /// <summary>The text without its scope phrases, so "except in tests" is not read as an escape clause.</summary>
        public static string WithoutTestScope(string text) => Tests.Replace(Production.Replace(text, " "), " ");

        /// <summary>A clause without a leading "In `src/Domain/**`," so its own wording decides its polarity.</summary>
        public static string WithoutLeadingScope(string clause) => LeadingScope.Replace(clause, string.Empty);
    }
}
