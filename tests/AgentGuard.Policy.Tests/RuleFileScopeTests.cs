using System.Linq;
using AgentGuard.Policy;

namespace AgentGuard.Policy.Tests;

/// <summary>Which files are rule files, and where their rules apply: by kind, by front matter, read tolerantly.</summary>
public class RuleFileKindTests
{
    [Theory]
    [InlineData("/repo/AGENTS.md", RuleFileKind.Agents, "/repo")]
    [InlineData("/repo/src/agents.md", RuleFileKind.Agents, "/repo/src")]
    [InlineData("/repo/claude.md", RuleFileKind.Claude, "/repo")]
    [InlineData("/repo/.claude/CLAUDE.md", RuleFileKind.Claude, "/repo")]
    [InlineData("/repo/gemini.md", RuleFileKind.Gemini, "/repo")]
    [InlineData("/repo/.cursorrules", RuleFileKind.CursorRules, "/repo")]
    [InlineData("/repo/.windsurfrules", RuleFileKind.Windsurf, "/repo")]
    [InlineData("/repo/.github/copilot-instructions.md", RuleFileKind.CopilotInstructions, "/repo")]
    [InlineData("/repo/.github/instructions/csharp.instructions.md", RuleFileKind.CopilotScoped, "/repo")]
    [InlineData("/repo/.github/instructions/backend/api.instructions.md", RuleFileKind.CopilotScoped, "/repo")]
    [InlineData("/repo/src/web/.github/instructions/react.instructions.md", RuleFileKind.CopilotScoped, "/repo/src/web")]
    [InlineData("/repo/.cursor/rules/logging.mdc", RuleFileKind.CursorRule, "/repo")]
    [InlineData("/repo/.cursor/rules/backend/api.mdc", RuleFileKind.CursorRule, "/repo")]
    [InlineData("/repo/.claude/rules/code-style.md", RuleFileKind.ClaudeRule, "/repo")]
    [InlineData(@"C:\repo\.claude\rules\style.md", RuleFileKind.ClaudeRule, "C:/repo")]
    public void Rule_files_are_known_by_their_path_whatever_the_case_of_their_name(string path, RuleFileKind kind, string baseFolder)
    {
        var classified = RuleFileKinds.Classify(path);

        Assert.Equal((kind, baseFolder), classified);
    }

    [Theory]
    [InlineData("/repo/README.md")]
    [InlineData("/repo/docs/AGENTS-GUIDE.md")]
    [InlineData("/repo/.github/workflows/build.yml")]
    [InlineData("/repo/.github/PULL_REQUEST_TEMPLATE.md")]
    [InlineData("/repo/.github/instructions/notes.md")]
    [InlineData("/repo/.cursor/rules/readme.md")]
    [InlineData("/repo/.claude/settings.json")]
    [InlineData("/repo/.claude/commands/review.md")]
    [InlineData("/repo/docs/copilot-instructions.md")]
    public void Look_alike_files_are_not_rule_files(string path)
    {
        Assert.Null(RuleFileKinds.Classify(path));
    }
}

public class RuleFileScopeTests
{
    private static RuleFileScope Scope(RuleFileKind kind, string text) => RuleFileScope.Of(kind, RuleFileReader.Read(text).FrontMatter);

    [Fact]
    public void Copilot_apply_to_is_a_comma_separated_glob_list()
    {
        var scope = Scope(RuleFileKind.CopilotScoped, "---\napplyTo: \"src/Api/**/*.cs, tests/**\"\n---\n- Never use `DateTime.Now`\n");

        Assert.Equal(RuleFileApplication.Globs, scope.Application);
        Assert.Equal(new[] { "src/Api/**/*.cs", "tests/**" }, scope.Globs);
        Assert.True(scope.Covers("src/Api/Orders/OrdersController.cs"));
        Assert.True(scope.Covers("tests/Api.Tests/OrdersTests.cs"));
        Assert.False(scope.Covers("src/Web/Page.cs"));
        Assert.Empty(scope.Problems);
    }

    [Fact]
    public void Copilot_instructions_without_apply_to_are_applied_only_on_request()
    {
        var scope = Scope(RuleFileKind.CopilotScoped, "# C# style\n\n- Never use `DateTime.Now`\n");

        Assert.Equal(RuleFileApplication.OnRequest, scope.Application);
        Assert.False(scope.Covers("src/Api/Orders.cs"));
        Assert.Contains("without applyTo", scope.Reason);
    }

    [Theory]
    [InlineData("globs: **/*.cs, **/appsettings.json\nalwaysApply: false")]
    [InlineData("globs: [\"**/*.cs\", \"**/appsettings.json\"]")]
    [InlineData("globs:\n  - \"**/*.cs\"\n  - '**/appsettings.json'")]
    public void Cursor_globs_are_read_unquoted_as_a_list_or_as_block_items(string frontMatter)
    {
        var scope = Scope(RuleFileKind.CursorRule, "---\ndescription: Backend rules\n" + frontMatter + "\n---\n# Rules\n");

        Assert.Equal(new[] { "**/*.cs", "**/appsettings.json" }, scope.Globs);
        Assert.Empty(scope.Problems);
    }

    [Fact]
    public void Cursor_rule_that_always_applies_applies_everywhere()
    {
        Assert.Equal(RuleFileApplication.Everywhere, Scope(RuleFileKind.CursorRule, "---\nalwaysApply: true\n---\n- Never use `dynamic`\n").Application);
    }

    [Theory]
    [InlineData("---\ndescription: Use when adding an endpoint\nalwaysApply: false\n---\n")]
    [InlineData("---\ndescription: Use when adding an endpoint\nglobs:\nalwaysApply: false\n---\n")]
    [InlineData("# No front matter\n")]
    public void Cursor_rule_without_globs_that_does_not_always_apply_is_guidance(string text)
    {
        Assert.Equal(RuleFileApplication.OnRequest, Scope(RuleFileKind.CursorRule, text + "- Never use `dynamic`\n").Application);
    }

    [Theory]
    [InlineData("paths:\n  - \"src/**/*.cs\"")]
    [InlineData("paths: src/**/*.cs")]
    [InlineData("globs: src/**/*.cs")]
    public void Claude_rule_paths_are_a_list_or_one_string_and_some_files_write_globs(string frontMatter)
    {
        var scope = Scope(RuleFileKind.ClaudeRule, "---\n" + frontMatter + "\n---\n- Never use `dynamic`\n");

        Assert.Equal(new[] { "src/**/*.cs" }, scope.Globs);
    }

    [Fact]
    public void Claude_rule_without_paths_applies_everywhere()
    {
        Assert.Equal(RuleFileApplication.Everywhere, Scope(RuleFileKind.ClaudeRule, "# Target-typed new\n\n- Always use `new()`\n").Application);
    }

    [Fact]
    public void Glob_without_a_folder_matches_at_any_depth_and_braces_expand()
    {
        var scope = Scope(RuleFileKind.CursorRule, "---\nglobs: *.{cs,razor}\n---\n");

        Assert.True(scope.Covers("Program.cs"));
        Assert.True(scope.Covers("src/Web/Pages/Index.razor"));
        Assert.False(scope.Covers("src/Web/site.css"));
    }

    [Fact]
    public void Front_matter_without_its_opening_line_is_read_and_said()
    {
        var file = RuleFileReader.Read("applyTo: **/*.cs\nname: C# rules\n---\n\n# C#\n- Never use `dynamic`\n");
        var scope = RuleFileScope.Of(RuleFileKind.CopilotScoped, file.FrontMatter);

        Assert.Equal(new[] { "**/*.cs" }, scope.Globs);
        Assert.Contains("no opening '---'", Assert.Single(scope.Problems).Reason);
        Assert.Equal(new[] { 6 }, file.Rules.Select(rule => rule.Line));
    }

    [Fact]
    public void Unknown_keys_and_unusable_globs_are_said_on_their_lines_and_the_rest_is_read()
    {
        var scope = Scope(RuleFileKind.CopilotScoped, "---\napplyTo: \"src/**, ../shared/**\"\nowner: platform-team\n---\n- Never use `dynamic`\n");

        Assert.Equal(new[] { "src/**" }, scope.Globs);
        Assert.Equal(new[] { 2, 3 }, scope.Problems.Select(problem => problem.Line).OrderBy(line => line));
        Assert.Contains(scope.Problems, problem => problem.Reason.Contains("'../shared/**'"));
        Assert.Contains(scope.Problems, problem => problem.Reason.Contains("'owner'"));
    }

    [Fact]
    public void A_scope_key_whose_globs_are_all_unusable_applies_nowhere_rather_than_everywhere()
    {
        var scope = Scope(RuleFileKind.ClaudeRule, "---\npaths: ../elsewhere/**\n---\n- Never use `dynamic`\n");

        Assert.Equal(RuleFileApplication.Globs, scope.Application);
        Assert.False(scope.Covers("src/Program.cs"));
    }

    [Fact]
    public void Unclosed_front_matter_is_a_thematic_break_not_front_matter()
    {
        Assert.Null(RuleFileReader.Read("---\n\n- Never use `dynamic`\n").FrontMatter);
    }

    [Fact]
    public void Files_that_are_not_scoped_apply_everywhere_whatever_their_front_matter_says()
    {
        Assert.Equal(RuleFileApplication.Everywhere, Scope(RuleFileKind.Agents, "---\napplyTo: src/**\n---\n- Never use `dynamic`\n").Application);
    }
}
