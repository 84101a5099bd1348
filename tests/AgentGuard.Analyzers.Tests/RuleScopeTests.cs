using System.Threading.Tasks;
using AgentGuard.Analyzers.GoldenRules;
using AgentGuard.Analyzers.Tests.Verification;
using AgentGuard.Testing;
using Microsoft.CodeAnalysis;

namespace AgentGuard.Analyzers.Tests;

/// <summary>Where a rule applies: test or production projects, paths it names, the folder of a nested rule file.</summary>
public class RuleScopeTests
{
    private const string UsesNow = "class Clock { System.DateTime Stamp() => System.DateTime.Now; }";
    private const string ExpectsNow = "class Clock { System.DateTime Stamp() => {|AG0001:System.DateTime.Now|}; }";

    private static GuardAnalyzerTest<BannedSymbolAnalyzer> Test(string rules, string source, bool isTestProject) => new()
    {
        Sources = { source },
        AdditionalFiles = { ("/repo/CLAUDE.md", rules) },
        BuildProperties = { ["IsTestProject"] = isTestProject ? "true" : "false" },
    };

    [Fact]
    public Task Rule_for_tests_applies_in_a_test_project() => Test("- Never use `DateTime.Now` in tests", ExpectsNow, isTestProject: true).RunAsync();

    [Fact]
    public Task Rule_for_tests_does_not_apply_in_a_production_project() => Test("- Never use `DateTime.Now` in tests", UsesNow, isTestProject: false).RunAsync();

    [Fact]
    public Task Rule_except_in_tests_does_not_apply_in_a_test_project() => Test("- Never use `DateTime.Now`, except in tests", UsesNow, isTestProject: true).RunAsync();

    [Fact]
    public async Task Rule_except_in_tests_applies_in_production_code_as_an_error()
    {
        var test = Test("- Never use `DateTime.Now`, except in tests", ExpectsNow, isTestProject: false);
        test.DiagnosticVerifier = (actual, _, _) => Assert.Equal(DiagnosticSeverity.Error, actual.Severity);
        await test.RunAsync();
    }

    [Fact]
    public Task Reference_to_a_test_framework_makes_a_test_project()
    {
        var test = Test("- Never use `DateTime.Now` in production code", UsesNow, isTestProject: false);
        test.BuildProperties.Remove("IsTestProject");
        test.ExtraReferences.Add(typeof(FactAttribute).Assembly.Location);
        return test.RunAsync();
    }

    [Fact]
    public Task Rule_scoped_to_a_path_applies_only_to_files_that_match_it()
    {
        var test = new GuardAnalyzerTest<BannedSymbolAnalyzer>
        {
            Sources =
            {
                ("/repo/src/Domain/Order.cs", "class Order { System.DateTime At() => {|AG0001:System.DateTime.Now|}; }"),
                ("/repo/src/Web/Page.cs", "class Page { System.DateTime At() => System.DateTime.Now; }"),
            },
            AdditionalFiles = { ("/repo/CLAUDE.md", "- In `src/Domain/**`, never use `DateTime.Now`") },
        };
        return test.RunAsync();
    }

    [Fact]
    public Task Nested_rule_file_applies_only_under_its_folder()
    {
        var test = new GuardAnalyzerTest<BannedSymbolAnalyzer>
        {
            Sources =
            {
                ("/repo/src/App/Domain/Order.cs", "class Order { System.DateTime At() => {|AG0001:System.DateTime.Now|}; }"),
                ("/repo/src/App/Web/Page.cs", "class Page { System.DateTime At() => System.DateTime.Now; }"),
            },
            AdditionalFiles = { ("/repo/src/App/Domain/AGENTS.md", "- Never use `DateTime.Now`") },
            FileMetadata = { ["/repo/src/App/Domain/AGENTS.md"] = new() { ["build_metadata.AdditionalFiles.AgentGuardScopeFolder"] = "/repo/src/App/Domain" } },
        };
        return test.RunAsync();
    }

    [Fact]
    public Task Nearer_rule_file_that_asks_for_a_symbol_lifts_the_outer_ban_under_its_folder()
    {
        var test = new GuardAnalyzerTest<BannedSymbolAnalyzer>
        {
            Sources =
            {
                ("/repo/src/App/Cli/Program.cs", "class Program { void Main() => System.Console.WriteLine(\"ok\"); }"),
                ("/repo/src/App/Core/Engine.cs", "class Engine { void Run() => {|AG0001:System.Console.WriteLine|}(\"no\"); }"),
            },
            AdditionalFiles =
            {
                ("/repo/CLAUDE.md", "- Never use `Console.WriteLine`"),
                ("/repo/src/App/Cli/AGENTS.md", "- Use `Console.WriteLine` for command output"),
            },
            FileMetadata = { ["/repo/src/App/Cli/AGENTS.md"] = new() { ["build_metadata.AdditionalFiles.AgentGuardScopeFolder"] = "/repo/src/App/Cli" } },
        };
        return test.RunAsync();
    }

    [Theory]
    [InlineData("- `DateTime.Now` is fine in this folder: the importer replays historical timestamps")]
    [InlineData("- Using `DateTime.Now` is allowed here")]
    [InlineData("- You may use `DateTime.Now` in this tool")]
    public Task Nearer_rule_file_that_allows_what_a_file_above_bans_wins_in_its_folder(string permission)
    {
        var test = new GuardAnalyzerTest<BannedSymbolAnalyzer>
        {
            Sources =
            {
                ("/repo/src/App/Import/Replay.cs", "class Replay { System.DateTime At() => System.DateTime.Now; }"),
                ("/repo/src/App/Core/Clock.cs", "class Clock { System.DateTime At() => {|AG0001:System.DateTime.Now|}; }"),
            },
            AdditionalFiles =
            {
                ("/repo/CLAUDE.md", "- Never use `DateTime.Now`"),
                ("/repo/src/App/Import/AGENTS.md", permission),
            },
            FileMetadata = { ["/repo/src/App/Import/AGENTS.md"] = new() { ["build_metadata.AdditionalFiles.AgentGuardScopeFolder"] = "/repo/src/App/Import" } },
        };
        return test.RunAsync();
    }

    [Fact]
    public Task A_permission_that_is_not_one_lifts_nothing()
    {
        var test = new GuardAnalyzerTest<BannedSymbolAnalyzer>
        {
            Sources = { ("/repo/src/App/Import/Replay.cs", "class Replay { System.DateTime At() => {|AG0001:System.DateTime.Now|}; }") },
            AdditionalFiles =
            {
                ("/repo/CLAUDE.md", "- Never use `DateTime.Now`"),
                ("/repo/src/App/Import/AGENTS.md", "- `DateTime.Now` is not allowed here either"),
            },
            FileMetadata = { ["/repo/src/App/Import/AGENTS.md"] = new() { ["build_metadata.AdditionalFiles.AgentGuardScopeFolder"] = "/repo/src/App/Import" } },
        };
        return test.RunAsync();
    }

    [Fact]
    public Task Scoped_files_add_up_a_scoped_permission_lifts_no_ban_of_another_file()
    {
        var test = new GuardAnalyzerTest<BannedSymbolAnalyzer>
        {
            Sources = { ("/repo/src/Api/Orders.cs", "class Orders { System.DateTime At() => {|AG0001:System.DateTime.Now|}; }") },
            AdditionalFiles =
            {
                ("/repo/CLAUDE.md", "- Never use `DateTime.Now`"),
                ("/repo/.github/instructions/api.instructions.md", "---\napplyTo: src/Api/**\n---\n- `DateTime.Now` is fine in API code\n"),
            },
        };
        return test.RunAsync();
    }

    [Fact]
    public Task Scoped_rule_file_applies_to_the_files_its_globs_match_relative_to_the_folder_holding_its_settings_folder()
    {
        var test = new GuardAnalyzerTest<BannedSymbolAnalyzer>
        {
            Sources =
            {
                ("/repo/src/Api/Orders.cs", "class Orders { System.DateTime At() => {|AG0001:System.DateTime.Now|}; }"),
                ("/repo/src/Web/Page.cs", "class Page { System.DateTime At() => System.DateTime.Now; }"),
            },
            AdditionalFiles = { ("/repo/.cursor/rules/api.mdc", "---\nglobs: src/Api/**/*.cs\n---\n- Never use `DateTime.Now`\n") },
        };
        return test.RunAsync();
    }

    [Fact]
    public Task Rule_file_applied_only_on_request_enforces_nothing()
    {
        var test = new GuardAnalyzerTest<BannedSymbolAnalyzer>
        {
            Sources = { ("/repo/src/Api/Orders.cs", "class Orders { System.DateTime At() => System.DateTime.Now; }") },
            AdditionalFiles = { ("/repo/.github/instructions/time.instructions.md", "# Time\n- Never use `DateTime.Now`\n") },
        };
        return test.RunAsync();
    }
}
