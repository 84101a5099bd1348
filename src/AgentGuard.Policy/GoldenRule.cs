using System.Collections.Generic;

namespace AgentGuard.Policy
{
    /// <summary>One normative bullet of a rule file, with what it bans.</summary>
    public sealed class GoldenRule
    {
        /// <summary>Creates a rule.</summary>
        public GoldenRule(int line, string text, RulePolarity polarity, IReadOnlyList<RuleTarget> bannedTargets, bool hasEscapeClause)
        {
            Line = line;
            Text = text;
            Polarity = polarity;
            BannedTargets = bannedTargets;
            HasEscapeClause = hasEscapeClause;
        }

        /// <summary>The 1-based line of the bullet in its file.</summary>
        public int Line { get; }

        /// <summary>The bullet's text on one line, code spans without their backticks.</summary>
        public string Text { get; }

        /// <summary>The polarity of the bullet's leading clause.</summary>
        public RulePolarity Polarity { get; }

        /// <summary>What the bullet bans, in the order written.</summary>
        public IReadOnlyList<RuleTarget> BannedTargets { get; }

        /// <summary>
        /// True when the rule leaves a way out ("unless explicitly asked", "where possible"): it is then
        /// enforced as a warning, since the code may be the exception the rule allows.
        /// </summary>
        public bool HasEscapeClause { get; }

        /// <inheritdoc />
        public override string ToString() => "line " + Line + ": " + Text;
    }
}
