using AgentGuard.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AgentGuard.Analyzers.RuleFiles
{
    /// <summary>A rule file handed to the compiler, with its parsed rules, the name its messages use, and where it applies.</summary>
    internal sealed class LoadedRuleFile
    {
        public LoadedRuleFile(AdditionalText file, SourceText text, RuleFile rules, string displayPath, string? scopeFolder, string? importedBy = null, string? sourcePath = null)
        {
            ImportedBy = importedBy;
            SourcePath = sourcePath ?? file.Path;
            File = file;
            Text = text;
            Rules = rules;
            DisplayPath = displayPath;
            ScopeFolder = scopeFolder;
            Folder = FolderOf(SourcePath);
        }

        public AdditionalText File { get; }

        /// <summary>
        /// Where the rules are written in the repository. It differs from <see cref="File"/>'s path in CI, where the build hands
        /// the compiler the base branch's version of each rule file from obj/: names, imports and path globs follow the source.
        /// </summary>
        public string SourcePath { get; }

        public SourceText Text { get; }

        public RuleFile Rules { get; }

        /// <summary>The path relative to the repository root (<c>CLAUDE.md</c>, <c>src/AGENTS.md</c>), else the file name.</summary>
        public string DisplayPath { get; }

        /// <summary>
        /// For a rule file nested below the project's folder: that file's folder, the only place its rules apply.
        /// Null for files at or above the project (they apply to the whole project).
        /// </summary>
        public string? ScopeFolder { get; }

        /// <summary>The file whose <c>@path</c> brought this one in, when the targets found it through an import.</summary>
        public string? ImportedBy { get; }

        /// <summary>The folder the file is in; path globs in its rules are relative to it.</summary>
        public string Folder { get; }

        /// <summary>How deep the file's scope is: a nested file is nearer to the code under it than a project-wide one.</summary>
        public int Depth => ScopeFolder?.Length ?? 0;

        /// <summary>The full path an <c>@path</c> import of this file names.</summary>
        public string PathOf(RuleImport import) => RuleFileCollector.Normalize(Folder + "/" + import.Path);

        /// <summary>True when this file's Markdown imports <paramref name="path"/>.</summary>
        public bool Imports(string path)
        {
            foreach (var import in Rules.Imports)
            {
                if (RuleFileCollector.PathsEqual(PathOf(import), path))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when the rules of this file apply to <paramref name="sourcePath"/>.</summary>
        public bool Covers(string sourcePath) => ScopeFolder == null || PathGlob.RelativeTo(ScopeFolder, sourcePath) != null;

        /// <summary>The location of <paramref name="rule"/>'s line, so an IDE can jump from a diagnostic to the rule.</summary>
        public Location LocationOf(GoldenRule rule) => LocationOfLine(rule.Line);

        public Location LocationOfLine(int lineNumber) => LocationOfLines(lineNumber, lineNumber);

        /// <summary>The location of 1-based lines <paramref name="first"/> to <paramref name="last"/>.</summary>
        public Location LocationOfLines(int first, int last)
        {
            var index = first - 1;
            if (index < 0 || index >= Text.Lines.Count)
            {
                return Location.None;
            }

            var start = Text.Lines[index].Start;
            var end = Text.Lines[System.Math.Min(System.Math.Max(last, first), Text.Lines.Count) - 1].End;
            var span = TextSpan.FromBounds(start, end);
            return Location.Create(File.Path, span, Text.Lines.GetLinePositionSpan(span));
        }

        private static string FolderOf(string path)
        {
            var slash = System.Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
            return slash < 0 ? string.Empty : path.Substring(0, slash);
        }
    }
}
