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
        public RuleFile(IReadOnlyList<GoldenRule> rules, IReadOnlyList<RuleImport> imports, IReadOnlyList<RuleFileProblem>? problems = null, FrontMatter? frontMatter = null)
        {
            Rules = rules;
            Imports = imports;
            Problems = problems ?? Array.Empty<RuleFileProblem>();
            FrontMatter = frontMatter;
        }

        /// <summary>The file's front matter, when it has one: for scoped kinds it says where the rules apply (<see cref="RuleFileScope"/>).</summary>
        public FrontMatter? FrontMatter { get; }

        /// <summary>The normative bullets, in file order.</summary>
        public IReadOnlyList<GoldenRule> Rules { get; }

        /// <summary>The files this one imports (<c>@AGENTS.md</c>), relative to its folder.</summary>
        public IReadOnlyList<RuleImport> Imports { get; }

        /// <summary>
        /// The parts of the file that could not be read (a block nested too deep, a bullet too long), each on its line.
        /// They cost only themselves: the file's other rules are read and enforced.
        /// </summary>
        public IReadOnlyList<RuleFileProblem> Problems { get; }

        /// <summary>
        /// The list items and ❌/✅ lines whose wording says neither what to do nor what not to do: no rules, listed so that
        /// explain shows every item of the file.
        /// </summary>
        public IReadOnlyList<RuleFileItem> OtherItems { get; internal set; } = Array.Empty<RuleFileItem>();

        /// <summary>Why the file could not be read at all (binary, over 1 MB), when it could not; then no rule of it is enforced.</summary>
        public string? ReadError { get; private set; }

        /// <summary>True when the file holds nothing to enforce or report.</summary>
        public bool IsEmpty => Rules.Count == 0 && Imports.Count == 0 && Problems.Count == 0 && ReadError == null && FrontMatter == null;

        /// <summary>A rule file whose text could not be read.</summary>
        public static RuleFile Unreadable(string reason) =>
            new RuleFile(Array.Empty<GoldenRule>(), Array.Empty<RuleImport>()) { ReadError = reason };
    }

    /// <summary>A list item of a rule file that is no rule, with its line.</summary>
    public sealed class RuleFileItem
    {
        /// <summary>Creates an item.</summary>
        public RuleFileItem(int line, string text)
        {
            Line = line;
            Text = text;
        }

        /// <summary>The 1-based line.</summary>
        public int Line { get; }

        /// <summary>The item's text on one line.</summary>
        public string Text { get; }
    }

    /// <summary>A part of a rule file that could not be read, and why.</summary>
    public sealed class RuleFileProblem
    {
        /// <summary>Creates a problem.</summary>
        public RuleFileProblem(int line, int endLine, string reason)
        {
            Line = line;
            EndLine = endLine;
            Reason = reason;
        }

        /// <summary>The 1-based line where the unreadable part starts.</summary>
        public int Line { get; }

        /// <summary>The 1-based last line of the unreadable part.</summary>
        public int EndLine { get; }

        /// <summary>Why the part could not be read ("its Markdown nests more than 32 levels deep").</summary>
        public string Reason { get; }

        /// <summary>"line 12" or "lines 12-40".</summary>
        public string Lines => EndLine > Line ? $"lines {Line}-{EndLine}" : $"line {Line}";

        /// <inheritdoc />
        public override string ToString() => Lines + ": " + Reason;
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
