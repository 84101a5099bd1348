using AgentGuard.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AgentGuard.Analyzers.RuleFiles
{
    /// <summary>A rule file handed to the compiler, with its parsed rules, the name its messages use, and where it applies.</summary>
    internal sealed class LoadedRuleFile
    {
        public LoadedRuleFile(AdditionalText file, SourceText text, RuleFile rules, string displayPath, RuleFileKind kind, string baseFolder, string? scopeFolder, string? importedBy, string sourcePath)
        {
            File = file;
            Text = text;
            Rules = rules;
            DisplayPath = displayPath;
            Kind = kind;
            Folder = baseFolder;
            ScopeFolder = scopeFolder;
            ImportedBy = importedBy;
            SourcePath = sourcePath;
            Scope = RuleFileScope.Of(kind, rules.FrontMatter);
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

        /// <summary>What kind of rule file it is.</summary>
        public RuleFileKind Kind { get; }

        /// <summary>
        /// For a rule file nested below the project's folder: the only folder its rules apply to. Null for files at or
        /// above the project (they apply to the whole project).
        /// </summary>
        public string? ScopeFolder { get; private set; }

        /// <summary>The file whose <c>@path</c> brought this one in, when the targets found it through an import.</summary>
        public string? ImportedBy { get; }

        /// <summary>
        /// The folder the file's globs are relative to: its own folder, the folder that holds its <c>.github</c>,
        /// <c>.cursor</c> or <c>.claude</c> folder, or for an imported file its importer's.
        /// </summary>
        public string Folder { get; }

        /// <summary>Where the file's rules apply by its kind and front matter; an imported file takes its importer's (<see cref="RuleFileCollector"/>).</summary>
        public RuleFileScope Scope { get; private set; }

        /// <summary>How deep the file's scope is: a nested file is nearer to the code under it than a project-wide one.</summary>
        public int Depth => ScopeFolder?.Length ?? 0;

        /// <summary>The full path an <c>@path</c> import of this file names.</summary>
        public string PathOf(RuleImport import) => RuleFileDiscovery.Normalize(FolderOfSource + "/" + import.Path);

        private string FolderOfSource
        {
            get
            {
                var slash = System.Math.Max(SourcePath.LastIndexOf('/'), SourcePath.LastIndexOf('\\'));
                return slash < 0 ? string.Empty : SourcePath.Substring(0, slash);
            }
        }

        /// <summary>True when the rules of this file apply to <paramref name="sourcePath"/>.</summary>
        public bool Covers(string sourcePath) => Scope.CoversSource(Folder, ScopeFolder, sourcePath);

        /// <summary>An imported file applies where the file that imports it does.</summary>
        public void TakeScopeOf(LoadedRuleFile importer)
        {
            Scope = importer.Scope;
            ScopeFolder ??= importer.ScopeFolder;
        }

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
    }
}
