using AgentGuard.Policy;

namespace AgentGuard.Analyzers.GoldenRules
{
    /// <summary>How a rule's text is quoted in a message: whole, or cut at a length a build log line can carry.</summary>
    internal static class RuleQuote
    {
        private const int MaxLength = 160;

        public static string Of(GoldenRule rule)
        {
            var text = rule.Text;
            if (text.Length <= MaxLength)
            {
                return text;
            }

            var cut = MaxLength - 1;
            if (char.IsLowSurrogate(text[cut]))
            {
                // Never split a surrogate pair (an emoji) in two.
                cut--;
            }

            return text.Substring(0, cut).TrimEnd() + "…";
        }
    }
}
