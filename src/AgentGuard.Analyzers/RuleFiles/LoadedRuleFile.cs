using AgentGuard.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AgentGuard.Analyzers.RuleFiles
{
    /// <summary>A rule file handed to the compiler, with its parsed rules and the name its messages use.</summary>
    internal sealed class LoadedRuleFile
    {
        public LoadedRuleFile(AdditionalText file, SourceText text, RuleFile rules, string displayPath)
        {
            File = file;
            Text = text;
            Rules = rules;
            DisplayPath = displayPath;
        }

        public AdditionalText File { get; }

        public SourceText Text { get; }

        public RuleFile Rules { get; }

        /// <summary>The path relative to the repository root (<c>CLAUDE.md</c>, <c>src/AGENTS.md</c>), else the file name.</summary>
        public string DisplayPath { get; }

        /// <summary>The location of <paramref name="rule"/>'s line, so an IDE can jump from a diagnostic to the rule.</summary>
        public Location LocationOf(GoldenRule rule)
        {
            var index = rule.Line - 1;
            if (index < 0 || index >= Text.Lines.Count)
            {
                return Location.None;
            }

            var line = Text.Lines[index];
            return Location.Create(File.Path, line.Span, Text.Lines.GetLinePositionSpan(line.Span));
        }
    }
}
