using System.Collections.Generic;

namespace AgentGuard.Policy
{
    /// <summary>The golden rules read from one rule file's text. Immutable, so one parse serves every compilation.</summary>
    public sealed class RuleFile
    {
        /// <summary>A rule file with no rules.</summary>
        public static readonly RuleFile Empty = new RuleFile(System.Array.Empty<GoldenRule>());

        /// <summary>Creates a rule file model.</summary>
        public RuleFile(IReadOnlyList<GoldenRule> rules)
        {
            Rules = rules;
        }

        /// <summary>The normative bullets, in file order.</summary>
        public IReadOnlyList<GoldenRule> Rules { get; }
    }
}
