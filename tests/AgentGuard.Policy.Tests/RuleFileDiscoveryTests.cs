using System;
using System.Collections.Generic;
using System.Linq;
using AgentGuard.Policy;

namespace AgentGuard.Policy.Tests;

/// <summary>Rule-file discovery over an in-memory file system: which files, in which order, with which scope.</summary>
public class RuleFileDiscoveryTests
{
    private static RuleFileSet Discover(MemoryFileSystem files, string project = "/repo/src/Shop", string? root = "/repo", params string[] listed) =>
        RuleFileDiscovery.Discover(project, root, listed, files);

    private static string[] Paths(RuleFileSet set) => set.Files.Select(file => file.Path).ToArray();

    [Fact]
    public void Every_kind_is_found_from_the_project_up_to_the_root_and_below_ordered_by_path()
    {
        var files = new MemoryFileSystem()
            .Add("/repo/AGENTS.md", "- Never use `dynamic`")
            .Add("/repo/gemini.md", "x")
            .Add("/repo/.cursorrules", "x")
            .Add("/repo/.windsurfrules", "x")
            .Add("/repo/.github/copilot-instructions.md", "x")
            .Add("/repo/.github/instructions/api/api.instructions.md", "---\napplyTo: src/Api/**\n---\n")
            .Add("/repo/.github/workflows/build.yml", "x")
            .Add("/repo/.cursor/rules/logging.mdc", "x")
            .Add("/repo/.claude/CLAUDE.md", "x")
            .Add("/repo/.claude/rules/style.md", "x")
            .Add("/repo/src/claude.md", "x")
            .Add("/repo/src/Shop/CLAUDE.md", "x")
            .Add("/repo/src/Shop/Domain/AGENTS.md", "x")
            .Add("/repo/src/Shop/bin/Debug/AGENTS.md", "x")
            .Add("/repo/src/Other/AGENTS.md", "x")
            .Add("/elsewhere/AGENTS.md", "x");

        var set = Discover(files);

        Assert.Equal(
            new[]
            {
                "/repo/.claude/CLAUDE.md", "/repo/.claude/rules/style.md", "/repo/.cursor/rules/logging.mdc", "/repo/.cursorrules",
                "/repo/.github/copilot-instructions.md", "/repo/.github/instructions/api/api.instructions.md", "/repo/.windsurfrules",
                "/repo/AGENTS.md", "/repo/gemini.md", "/repo/src/claude.md", "/repo/src/Shop/CLAUDE.md", "/repo/src/Shop/Domain/AGENTS.md",
            },
            Paths(set));
        Assert.Empty(set.Problems);
        var nested = set.Files.Single(file => file.Path == "/repo/src/Shop/Domain/AGENTS.md");
        Assert.Equal("/repo/src/Shop/Domain", nested.ScopeFolder);
        Assert.All(set.Files.Where(file => file != nested), file => Assert.Null(file.ScopeFolder));
        Assert.Equal("/repo", set.Files.Single(file => file.Kind == RuleFileKind.CopilotScoped).BaseFolder);
    }

    [Fact]
    public void Imports_are_followed_from_the_markdown_not_from_code_spans_five_imports_deep()
    {
        var files = new MemoryFileSystem()
            .Add("/repo/src/Shop/Legacy/CLAUDE.md", "@LEGACY.md\n\nWrite `@docs/not-an-import.md` to import a file.\n")
            .Add("/repo/src/Shop/Legacy/LEGACY.md", "@one.md")
            .Add("/repo/src/Shop/Legacy/docs/not-an-import.md", "- Never use `dynamic`")
            .Add("/repo/src/Shop/Legacy/one.md", "@two.md")
            .Add("/repo/src/Shop/Legacy/two.md", "@three.md")
            .Add("/repo/src/Shop/Legacy/three.md", "@four.md")
            .Add("/repo/src/Shop/Legacy/four.md", "@five.md")
            .Add("/repo/src/Shop/Legacy/five.md", "@six.md")
            .Add("/repo/src/Shop/Legacy/six.md", "- Never use `dynamic`");

        var set = Discover(files);

        Assert.DoesNotContain("/repo/src/Shop/Legacy/docs/not-an-import.md", Paths(set));
        Assert.DoesNotContain("/repo/src/Shop/Legacy/five.md", Paths(set));
        var legacy = set.Files.Single(file => file.Path.EndsWith("LEGACY.md", StringComparison.Ordinal));
        Assert.Equal((RuleFileKind.Imported, "/repo/src/Shop/Legacy/CLAUDE.md", "/repo/src/Shop/Legacy"), (legacy.Kind, legacy.ImportedBy, legacy.ScopeFolder));
        Assert.Contains("/repo/src/Shop/Legacy/four.md", Paths(set));
    }

    [Fact]
    public void Unreadable_file_is_a_problem_and_not_handed_on()
    {
        var files = new MemoryFileSystem()
            .Add("/repo/AGENTS.md", "- Never use `dynamic`")
            .Add("/repo/CLAUDE.md", null);

        var set = Discover(files);

        Assert.Equal(new[] { "/repo/AGENTS.md" }, Paths(set));
        Assert.Contains("could not be read (access denied)", Assert.Single(set.Problems).Message);
    }

    [Fact]
    public void Listed_files_replace_the_search_and_a_missing_one_is_a_problem()
    {
        var files = new MemoryFileSystem()
            .Add("/repo/AGENTS.md", "- Never use `dynamic`")
            .Add("/repo/docs/rules.md", "- Never use `dynamic`");

        var set = Discover(files, listed: new[] { "docs/rules.md", "docs/missing.md" });

        var file = Assert.Single(set.Files);
        Assert.Equal(("/repo/docs/rules.md", RuleFileKind.Listed), (file.Path, file.Kind));
        Assert.Contains("AgentGuardRuleFiles lists 'docs/missing.md', which does not exist", Assert.Single(set.Problems).Message);
    }

    [Fact]
    public void Without_a_repository_root_only_the_project_folder_and_below_are_searched()
    {
        var files = new MemoryFileSystem()
            .Add("/repo/AGENTS.md", "x")
            .Add("/repo/src/Shop/AGENTS.md", "x");

        Assert.Equal(new[] { "/repo/src/Shop/AGENTS.md" }, Paths(Discover(files, root: null)));
    }

    /// <summary>A file system of paths and texts; a null text is a file that cannot be read.</summary>
    private sealed class MemoryFileSystem : IRuleFileSystem
    {
        private readonly Dictionary<string, string?> _files = new(StringComparer.Ordinal);

        public MemoryFileSystem Add(string path, string? text)
        {
            _files[path] = text;
            return this;
        }

        public IEnumerable<string> Files(string folder) => _files.Keys.Where(path => Parent(path) == folder);

        public IEnumerable<string> Folders(string folder) =>
            _files.Keys.SelectMany(Ancestors).Where(path => Parent(path) == folder).Distinct();

        public bool FileExists(string path) => _files.ContainsKey(path);

        public string? ReadText(string path, out string? error)
        {
            var text = _files.TryGetValue(path, out var found) ? found : null;
            error = text == null ? "access denied" : null;
            return text;
        }

        private static string Parent(string path) => path.Substring(0, Math.Max(0, path.LastIndexOf('/')));

        private static IEnumerable<string> Ancestors(string path)
        {
            for (var folder = Parent(path); folder.Length > 0; folder = Parent(folder))
            {
                yield return folder;
            }
        }
    }
}
