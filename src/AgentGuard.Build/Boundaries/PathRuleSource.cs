using AgentGuard.Policy;

namespace AgentGuard.Build.Boundaries
{
    /// <summary>A path rule read from a golden-rule file ("Never edit `eng/common/**`"), with where it is written.</summary>
    internal sealed class PathRuleSource
    {
        public PathRuleSource(PathRule rule, string folder, string ruleFile, int line, string text, PathRuleScope? scope = null)
        {
            Scope = scope;
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

        /// <summary>Where the rule's file applies; null: everywhere under <see cref="Folder"/>.</summary>
        public PathRuleScope? Scope { get; }

        /// <summary>True when the rule applies to <paramref name="repositoryPath"/> (relative to the repository root, '/').</summary>
        public bool Covers(string repositoryPath) => Scope == null || Scope.Covers(repositoryPath);
    }

    /// <summary>
    /// Where a rule file's path rules apply: a scoped file (Copilot's <c>applyTo</c>, Cursor's <c>globs</c>, Claude Code's
    /// <c>paths</c>) only to changed paths its globs match, a nested file only under its folder.
    /// </summary>
    internal sealed class PathRuleScope
    {
        private readonly RuleFileScope _scope;
        private readonly string? _scopeFolder;

        /// <param name="scope">The file's scope by kind and front matter.</param>
        /// <param name="baseFolder">The folder its globs are relative to, relative to the repository root ("" for the root).</param>
        /// <param name="scopeFolder">For a file below the project: the folder it is limited to, relative to the repository root.</param>
        public PathRuleScope(RuleFileScope scope, string baseFolder, string? scopeFolder)
        {
            _scope = scope;
            BaseFolder = baseFolder;
            _scopeFolder = scopeFolder;
        }

        public string BaseFolder { get; }

        public bool Covers(string repositoryPath)
        {
            if (_scopeFolder != null && _scopeFolder.Length > 0 && PathGlob.RelativeTo(_scopeFolder, repositoryPath) == null)
            {
                return false;
            }

            if (_scope.Application == RuleFileApplication.Everywhere)
            {
                return true;
            }

            var relative = BaseFolder.Length == 0 ? repositoryPath : PathGlob.RelativeTo(BaseFolder, repositoryPath);
            return relative != null && _scope.Covers(relative);
        }
    }
}
