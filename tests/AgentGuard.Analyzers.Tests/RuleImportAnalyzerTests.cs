using System.Threading.Tasks;
using AgentGuard.Analyzers.GoldenRules;
using AgentGuard.Analyzers.Tests.Verification;
using AgentGuard.Testing;

namespace AgentGuard.Analyzers.Tests;

/// <summary>Rule files that CLAUDE.md imports with @path are enforced; imports that lead nowhere are reported.</summary>
public class RuleImportAnalyzerTests
{
    private const string ImportedBy = "build_metadata.AdditionalFiles.AgentGuardImportedBy";

    [Fact]
    public Task File_imported_by_a_rule_file_is_enforced()
    {
        var test = new GuardAnalyzerTest<BannedSymbolAnalyzer>
        {
            Sources = { "class Clock { System.DateTime Stamp() => {|AG0001:System.DateTime.Now|}; }" },
            AdditionalFiles =
            {
                ("/repo/CLAUDE.md", "@docs/agents/rules.md\n"),
                ("/repo/docs/agents/rules.md", "- Never use `DateTime.Now`\n"),
            },
            FileMetadata = { ["/repo/docs/agents/rules.md"] = new() { ["build_metadata.AdditionalFiles.AgentGuardRuleFile"] = "true", [ImportedBy] = "/repo/CLAUDE.md" } },
            BuildProperties = { ["AgentGuardRuleFilesCollected"] = "true" },
        };
        test.FileMetadata["/repo/CLAUDE.md"] = new() { ["build_metadata.AdditionalFiles.AgentGuardRuleFile"] = "true" };
        return test.RunAsync();
    }

    [Fact]
    public Task Import_of_a_missing_file_is_reported_on_the_import_line() =>
        GuardAnalyzerTest<RuleFileAnalyzer>.VerifyAsync("class Empty { }", ("/repo/CLAUDE.md", "# Project\n\n{|AG0011:@docs/missing.md|}\n\n- Never use `DateTime.Now`\n"));
}

public class RuleImportScopeTests
{
    private const string RuleFile = "build_metadata.AdditionalFiles.AgentGuardRuleFile";

    [Fact]
    public Task File_imported_by_a_nested_rule_file_applies_under_the_importer_folder_only()
    {
        var test = new GuardAnalyzerTest<BannedSymbolAnalyzer>
        {
            Sources =
            {
                ("/repo/src/App/Legacy/Old.cs", "class Old { System.DateTime At() => {|AG0001:System.DateTime.Now|}; }"),
                ("/repo/src/App/Web/Page.cs", "class Page { System.DateTime At() => System.DateTime.Now; }"),
            },
            AdditionalFiles =
            {
                ("/repo/src/App/Legacy/CLAUDE.md", "@LEGACY.md\n"),
                ("/repo/src/App/Legacy/LEGACY.md", "- Never use `DateTime.Now`\n"),
            },
            FileMetadata =
            {
                ["/repo/src/App/Legacy/CLAUDE.md"] = new() { [RuleFile] = "true", ["build_metadata.AdditionalFiles.AgentGuardScopeFolder"] = "/repo/src/App/Legacy" },
                ["/repo/src/App/Legacy/LEGACY.md"] = new() { [RuleFile] = "true", ["build_metadata.AdditionalFiles.AgentGuardImportedBy"] = "/repo/src/App/Legacy/CLAUDE.md" },
            },
            BuildProperties = { ["AgentGuardRuleFilesCollected"] = "true" },
        };
        return test.RunAsync();
    }

    [Fact]
    public async Task Base_branch_copies_of_rule_files_are_named_imported_and_scoped_as_the_files_they_stand_for()
    {
        // CI mode hands the compiler the base branch's copies under obj/; each names its source file.
        const string Copies = "/repo/src/App/obj/agentguard/base-rules/src/App/Legacy/";
        var test = new GuardAnalyzerTest<BannedSymbolAnalyzer>
        {
            Sources =
            {
                ("/repo/src/App/Legacy/Old.cs", "class Old { System.DateTime At() => {|AG0001:System.DateTime.Now|}; }"),
                ("/repo/src/App/Web/Page.cs", "class Page { System.DateTime At() => System.DateTime.Now; }"),
            },
            AdditionalFiles =
            {
                (Copies + "CLAUDE.md", "@LEGACY.md\n"),
                (Copies + "LEGACY.md", "- Never use `DateTime.Now`\n"),
            },
            FileMetadata =
            {
                [Copies + "CLAUDE.md"] = new() { [RuleFile] = "true", ["build_metadata.AdditionalFiles.AgentGuardScopeFolder"] = "/repo/src/App/Legacy", ["build_metadata.AdditionalFiles.AgentGuardSourcePath"] = "/repo/src/App/Legacy/CLAUDE.md" },
                [Copies + "LEGACY.md"] = new() { [RuleFile] = "true", ["build_metadata.AdditionalFiles.AgentGuardImportedBy"] = "/repo/src/App/Legacy/CLAUDE.md", ["build_metadata.AdditionalFiles.AgentGuardSourcePath"] = "/repo/src/App/Legacy/LEGACY.md" },
            },
            BuildProperties = { ["AgentGuardRuleFilesCollected"] = "true", ["AgentGuardRepositoryRoot"] = "/repo" },
            DiagnosticVerifier = (actual, _, _) => Assert.Contains("(src/App/Legacy/LEGACY.md line 1:", actual.GetMessage()),
        };
        await test.RunAsync();
    }

    [Fact]
    public Task Import_of_an_existing_file_without_rules_is_not_reported() =>
        GuardAnalyzerTest<RuleFileAnalyzer>.VerifyAsync(
            "class Empty { }",
            ("/repo/CLAUDE.md", "See @README.md for the layout.\n\n- Never use `DateTime.Now`\n"),
            ("/repo/README.md", "# Shop\n\nA web shop.\n"));
}
