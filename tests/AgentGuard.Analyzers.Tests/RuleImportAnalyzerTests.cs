using System.Threading.Tasks;
using AgentGuard.Analyzers.GoldenRules;
using AgentGuard.Testing;

namespace AgentGuard.Analyzers.Tests;

/// <summary>Rule files that CLAUDE.md imports with @path are enforced; imports that lead nowhere are reported.</summary>
public class RuleImportAnalyzerTests
{
    private const string ImportedBy = "build_metadata.AdditionalFiles.AgentGuardImportedBy";

    [Fact]
    public Task File_imported_by_a_rule_file_is_enforced()
    {
        var test = new AnalyzerTest<BannedSymbolAnalyzer>
        {
            Sources = { "class Clock { System.DateTime Stamp() => {|AG0001:System.DateTime.Now|}; }" },
            AdditionalFiles =
            {
                ("/repo/CLAUDE.md", "@docs/agents/rules.md\n"),
                ("/repo/docs/agents/rules.md", "- Never use `DateTime.Now`\n"),
            },
            FileOptions = { ["/repo/docs/agents/rules.md"] = new() { ["build_metadata.AdditionalFiles.AgentGuardRuleFile"] = "true", [ImportedBy] = "/repo/CLAUDE.md" } },
            GlobalOptions = { ["build_property.AgentGuardRuleFilesCollected"] = "true" },
        };
        test.FileOptions["/repo/CLAUDE.md"] = new() { ["build_metadata.AdditionalFiles.AgentGuardRuleFile"] = "true" };
        return test.RunAsync();
    }

    [Fact]
    public Task File_offered_as_an_import_that_the_markdown_does_not_import_is_not_enforced()
    {
        var test = new AnalyzerTest<BannedSymbolAnalyzer>
        {
            Sources = { "class Clock { System.DateTime Stamp() => System.DateTime.Now; }" },
            AdditionalFiles =
            {
                ("/repo/CLAUDE.md", "Write `@docs/agents/rules.md` to import it.\n"),
                ("/repo/docs/agents/rules.md", "- Never use `DateTime.Now`\n"),
            },
            FileOptions =
            {
                ["/repo/CLAUDE.md"] = new() { ["build_metadata.AdditionalFiles.AgentGuardRuleFile"] = "true" },
                ["/repo/docs/agents/rules.md"] = new() { ["build_metadata.AdditionalFiles.AgentGuardRuleFile"] = "true", [ImportedBy] = "/repo/CLAUDE.md" },
            },
            GlobalOptions = { ["build_property.AgentGuardRuleFilesCollected"] = "true" },
        };
        return test.RunAsync();
    }

    [Fact]
    public Task Import_of_a_missing_file_is_reported_on_the_import_line() =>
        AnalyzerTest<RuleFileAnalyzer>.VerifyAsync("class Empty { }", ("/repo/CLAUDE.md", "# Project\n\n{|AG0011:@docs/missing.md|}\n\n- Never use `DateTime.Now`\n"));
}
