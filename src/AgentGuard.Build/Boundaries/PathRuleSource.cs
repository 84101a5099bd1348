using AgentGuard.Policy;

namespace AgentGuard.Build.Boundaries
{
    /// <summary>A path rule read from a golden-rule file ("Never edit `eng/common/**`"), with where it is written.</summary>
    internal sealed class PathRuleSource
    {
        public PathRuleSource(PathRule rule, string folder, string ruleFile, int line, string text)
        {
            Rule = rule;
            Glob = PathGlob.Parse(rule.Glob);
            Folder = folder;
            RuleFile = ruleFile;
            Line = line;
            Text = text;
        }

        public PathRule Rule { get; }

        public PathGlob Glob { get; }

        /// <summary>The folder the glob is relative to, relative to the repository root with '/' ("" for the root).</summary>
        public string Folder { get; }

        /// <summary>The rule file, relative to the repository root.</summary>
        public string RuleFile { get; }

        public int Line { get; }

        /// <summary>The rule as written.</summary>
        public string Text { get; }
    }
}
