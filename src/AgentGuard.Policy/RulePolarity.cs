namespace AgentGuard.Policy
{
    /// <summary>Whether a piece of rule text forbids or asks for what it names.</summary>
    public enum RulePolarity
    {
        /// <summary>Not normative: a description, a command, layout.</summary>
        None,

        /// <summary>"Never", "Don't", "Avoid", a <c>### Never</c> heading.</summary>
        Never,

        /// <summary>"Always", "Use", "Prefer", a <c>### Always</c> heading.</summary>
        Always,
    }
}
