using System;
using System.Collections.Generic;

namespace AgentGuard.Policy
{
    /// <summary>The golden rules read from one rule file's text. Immutable, so one parse serves every compilation.</summary>
    public sealed class RuleFile
    {
        /// <summary>A rule file with no rules.</summary>
        public static readonly RuleFile Empty = new RuleFile(Array.Empty<GoldenRule>(), Array.Empty<RuleImport>());

        /// <summary>Creates a rule file model.</summary>
        public RuleFile(IReadOnlyList<GoldenRule> rules, IReadOnlyList<RuleImport> imports)
        {
            Rules = rules;
            Imports = imports;
        }

        /// <summary>The normative bullets, in file order.</summary>
        public IReadOnlyList<GoldenRule> Rules { get; }

        /// <summary>The files this one imports (<c>@AGENTS.md</c>), relative to its folder.</summary>
        public IReadOnlyList<RuleImport> Imports { get; }

        /// <summary>Why the text could not be read as Markdown, when it could not; its rules are then not enforced.</summary>
        public string? ReadError { get; private set; }

        /// <summary>A rule file whose text could not be read.</summary>
        public static RuleFile Unreadable(string reason) =>
            new RuleFile(Array.Empty<GoldenRule>(), Array.Empty<RuleImport>()) { ReadError = reason };
    }

    /// <summary>An <c>@path</c> import line of a rule file (Claude Code's import syntax).</summary>
    public sealed class RuleImport
    {
        /// <summary>Creates an import.</summary>
        public RuleImport(string path, int line)
        {
            Path = path;
            Line = line;
        }

        /// <summary>The imported path as written, relative to the importing file's folder.</summary>
        public string Path { get; }

        /// <summary>The 1-based line of the import.</summary>
        public int Line { get; }
    }
}
