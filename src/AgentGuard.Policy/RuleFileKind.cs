using System;

namespace AgentGuard.Policy
{
    /// <summary>The kinds of file that agents read their rules from.</summary>
    public enum RuleFileKind
    {
        /// <summary><c>AGENTS.md</c>, any case.</summary>
        Agents,

        /// <summary><c>CLAUDE.md</c> and <c>.claude/CLAUDE.md</c>.</summary>
        Claude,

        /// <summary><c>GEMINI.md</c>.</summary>
        Gemini,

        /// <summary><c>.github/copilot-instructions.md</c>: applies to everything under the folder that holds <c>.github</c>.</summary>
        CopilotInstructions,

        /// <summary><c>.github/instructions/**/*.instructions.md</c>, scoped by <c>applyTo</c>.</summary>
        CopilotScoped,

        /// <summary><c>.cursor/rules/**/*.mdc</c>, scoped by <c>globs</c> and <c>alwaysApply</c>.</summary>
        CursorRule,

        /// <summary>The older single <c>.cursorrules</c> file.</summary>
        CursorRules,

        /// <summary><c>.claude/rules/**/*.md</c>, scoped by <c>paths</c> (or <c>globs</c>).</summary>
        ClaudeRule,

        /// <summary><c>.windsurfrules</c>.</summary>
        Windsurf,

        /// <summary>A file another rule file imports with <c>@path</c>.</summary>
        Imported,

        /// <summary>A file named in <c>AgentGuardRuleFiles</c> that is none of the kinds above.</summary>
        Listed,
    }

    /// <summary>Which file is a rule file of which kind, decided from its path alone (names compare without regard to case).</summary>
    public static class RuleFileKinds
    {
        /// <summary>
        /// The kind of the file at <paramref name="path"/> and the folder its scope is relative to: the folder that holds its
        /// <c>.github</c>, <c>.cursor</c> or <c>.claude</c> folder, or the file's own folder. Null when the path is no rule file.
        /// </summary>
        public static (RuleFileKind Kind, string BaseFolder)? Classify(string path)
        {
            var segments = path.Replace('\\', '/').Split('/');
            var name = segments[segments.Length - 1];
            var folder = string.Join("/", segments, 0, segments.Length - 1);
            var parent = segments.Length >= 2 ? segments[segments.Length - 2] : string.Empty;
            if (Is(name, "AGENTS.md"))
            {
                return (RuleFileKind.Agents, folder);
            }

            if (Is(name, "CLAUDE.md"))
            {
                return (RuleFileKind.Claude, Is(parent, ".claude") ? Above(segments, segments.Length - 2) : folder);
            }

            if (Is(name, "GEMINI.md"))
            {
                return (RuleFileKind.Gemini, folder);
            }

            if (Is(name, ".cursorrules"))
            {
                return (RuleFileKind.CursorRules, folder);
            }

            if (Is(name, ".windsurfrules"))
            {
                return (RuleFileKind.Windsurf, folder);
            }

            if (Is(name, "copilot-instructions.md") && Is(parent, ".github"))
            {
                return (RuleFileKind.CopilotInstructions, Above(segments, segments.Length - 2));
            }

            for (var i = segments.Length - 2; i >= 1; i--)
            {
                // .github/instructions/**/x.instructions.md, .cursor/rules/**/x.mdc, .claude/rules/**/x.md
                if (Is(segments[i], "instructions") && Is(segments[i - 1], ".github") && name.EndsWith(".instructions.md", StringComparison.OrdinalIgnoreCase))
                {
                    return (RuleFileKind.CopilotScoped, Above(segments, i - 1));
                }

                if (Is(segments[i], "rules") && Is(segments[i - 1], ".cursor") && name.EndsWith(".mdc", StringComparison.OrdinalIgnoreCase))
                {
                    return (RuleFileKind.CursorRule, Above(segments, i - 1));
                }

                if (Is(segments[i], "rules") && Is(segments[i - 1], ".claude") && name.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
                {
                    return (RuleFileKind.ClaudeRule, Above(segments, i - 1));
                }
            }

            return null;
        }

        /// <summary>True for the kinds whose front matter decides where their rules apply.</summary>
        public static bool IsScoped(RuleFileKind kind) =>
            kind == RuleFileKind.CopilotScoped || kind == RuleFileKind.CursorRule || kind == RuleFileKind.ClaudeRule;

        /// <summary>The kind as explain and rules.json name it.</summary>
        public static string Describe(RuleFileKind kind)
        {
            switch (kind)
            {
                case RuleFileKind.Agents: return "AGENTS.md";
                case RuleFileKind.Claude: return "CLAUDE.md";
                case RuleFileKind.Gemini: return "GEMINI.md";
                case RuleFileKind.CopilotInstructions: return "Copilot instructions";
                case RuleFileKind.CopilotScoped: return "Copilot scoped instructions";
                case RuleFileKind.CursorRule: return "Cursor rule";
                case RuleFileKind.CursorRules: return ".cursorrules";
                case RuleFileKind.ClaudeRule: return "Claude Code rule";
                case RuleFileKind.Windsurf: return ".windsurfrules";
                case RuleFileKind.Imported: return "imported";
                default: return "listed";
            }
        }

        private static bool Is(string segment, string name) => string.Equals(segment, name, StringComparison.OrdinalIgnoreCase);

        /// <summary>The folder above segment <paramref name="index"/>: the one holding a <c>.github</c>-like folder.</summary>
        private static string Above(string[] segments, int index) => string.Join("/", segments, 0, index);
    }
}
