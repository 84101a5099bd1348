using System.IO;
using System.Linq;
using System.Text.Json;
using AgentGuard.EndToEnd.Tests.Infrastructure;

namespace AgentGuard.EndToEnd.Tests;

/// <summary>
/// Every file an agent reads its rules from, found and scoped through the packed package: Copilot's scoped
/// instructions, Cursor's rules and Claude Code's rules apply to the files their globs match and stay silent elsewhere.
/// </summary>
[Collection(PackedPackageCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class RuleFileKindBuildTests
{
    private const string Project = "src/Shop/Shop.csproj";

    private readonly PackedPackage _package;

    public RuleFileKindBuildTests(PackedPackage package) => _package = package;

    public static TheoryData<string, string, string, int> ScopedFiles => new()
    {
        { "copilot", ".github/instructions/api.instructions.md", "---\napplyTo: \"src/Shop/Api/**\"\ndescription: API controllers\n---\n\n# API\n\n- Never use `DateTime.Now`; inject `TimeProvider`\n", 8 },
        { "cursor", ".cursor/rules/api.mdc", "---\ndescription: API rules\nglobs: src/Shop/Api/**/*.cs, **/appsettings.json\nalwaysApply: false\n---\n\n# API\n\n- Never use `DateTime.Now`; inject `TimeProvider`\n", 9 },
        { "claude", ".claude/rules/api.md", "---\npaths:\n  - \"src/Shop/Api/**\"\n---\n\n# API\n\n- Never use `DateTime.Now`; inject `TimeProvider`\n", 8 },
    };

    private ConsumerRepository Shop(string name) =>
        ConsumerRepository.Create(_package, name)
            .WriteProject(Project)
            .Write("src/Shop/Api/OrdersController.cs", "namespace Shop.Api;\n\npublic sealed class OrdersController\n{\n    public System.DateTime Placed() => System.DateTime.Now;\n}\n")
            .Write("src/Shop/Web/Page.cs", "namespace Shop.Web;\n\npublic sealed class Page\n{\n    public System.DateTime Rendered() => System.DateTime.Now;\n}\n");

    [Theory]
    [MemberData(nameof(ScopedFiles))]
    public void Scoped_rule_file_reports_in_the_files_its_globs_match_and_nowhere_else(string name, string path, string content, int line)
    {
        using var repository = Shop("scoped-" + name).Write(path, content);

        var result = repository.Build(Project);

        Assert.False(result.Succeeded, result.Output);
        Assert.Equal(new[] { "AG0001 error src/Shop/Api/OrdersController.cs:5" }, result.AgentGuardFindingsWithSeverity);
        Assert.Contains($"({path} line {line}: \"Never use DateTime.Now; inject TimeProvider\")", result.Diagnostics.Single().Message);
    }

    [Fact]
    public void Cursor_rule_applied_only_on_request_is_guidance_and_explain_says_why()
    {
        using var repository = Shop("on-request")
            .Write(".cursor/rules/time.mdc", "---\ndescription: Use when working with time\nalwaysApply: false\n---\n\n- Never use `DateTime.Now`\n");

        var build = repository.Build(Project);
        var explain = repository.Build(Project, "-t:AgentGuardExplain");

        Assert.True(build.Succeeded, build.Output);
        Assert.Empty(build.AgentGuardFindings);
        Assert.True(explain.Succeeded, explain.Output);
        Assert.Contains(".cursor/rules/time.mdc (Cursor rule, on request only: not applied, a Cursor rule without alwaysApply: true and without globs is applied only when asked for)", explain.Output);
        Assert.Contains("  line 6    guidance       Never use DateTime.Now", explain.Output);
        using var json = JsonDocument.Parse(File.ReadAllText(repository.PathOf("src/Shop/obj/agentguard/rules.json")));
        var file = json.RootElement.GetProperty("ruleFiles").EnumerateArray().Single();
        Assert.Equal(("Cursor rule", "on request only"), (file.GetProperty("kind").GetString(), file.GetProperty("scope").GetString()));
    }

    [Fact]
    public void Explain_lists_every_rule_file_with_its_kind_and_scope_including_one_for_another_language()
    {
        using var repository = Shop("explain-kinds")
            .Write("AGENTS.md", "# Agents\n\n- Never use `dynamic`\n")
            .Write("gemini.md", "# Gemini\n\nRead the architecture notes first.\n")
            .Write(".github/copilot-instructions.md", "- Never call `Environment.Exit`\n")
            .Write(".github/instructions/react.instructions.md", "---\napplyTo: \"**/*.tsx\"\n---\n- Never use `dangerouslySetInnerHTML`\n")
            .Write(".claude/rules/api.md", "---\npaths: src/Shop/Api/**\n---\n- Never use `DateTime.Now`\n");

        var explain = repository.Build(Project, "-t:AgentGuardExplain");

        Assert.True(explain.Succeeded, explain.Output);
        Assert.Contains(".claude/rules/api.md (Claude Code rule, files matching src/Shop/Api/**)", explain.Output);
        Assert.Contains(".github/copilot-instructions.md (Copilot instructions, everywhere)", explain.Output);
        Assert.Contains(".github/instructions/react.instructions.md (Copilot scoped instructions, files matching **/*.tsx: not applied, the file applies to files matching **/*.tsx, and no file of this project matches: it does not apply to this project)", explain.Output);
        Assert.Contains("AGENTS.md (AGENTS.md, everywhere)", explain.Output);
        Assert.Contains("gemini.md (GEMINI.md, everywhere)", explain.Output);
        using var json = JsonDocument.Parse(File.ReadAllText(repository.PathOf("src/Shop/obj/agentguard/rules.json")));
        Assert.Equal(
            new[] { ".claude/rules/api.md", ".github/copilot-instructions.md", ".github/instructions/react.instructions.md", "AGENTS.md", "gemini.md" },
            json.RootElement.GetProperty("ruleFiles").EnumerateArray().Select(file => file.GetProperty("path").GetString()));
    }

    [Fact]
    public void Unreadable_rule_file_is_a_warning_on_the_file_and_the_build_goes_on_with_the_other_files()
    {
        using var repository = Shop("unreadable").Write("CLAUDE.md", "- Never use `DateTime.Now`\n");
        // A link to a shared rules file that is not there: listed in the folder, unreadable.
        File.CreateSymbolicLink(repository.PathOf("AGENTS.md"), repository.PathOf("../shared/AGENTS.md"));

        var result = repository.Build(Project);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            new[]
            {
                "AG0001 error src/Shop/Api/OrdersController.cs:5",
                "AG0001 error src/Shop/Web/Page.cs:5",
                "AG0011 warning AGENTS.md:1",
            },
            result.AgentGuardFindingsWithSeverity);
        Assert.Contains("could not be read", result.Diagnostics.Single(d => d.Id == "AG0011").Message);
        Assert.DoesNotContain("MSB4184", result.Output);
        Assert.DoesNotContain("CS2001", result.Output);
    }

    [Fact]
    public void Design_time_build_quotes_the_same_rule_as_the_command_line()
    {
        using var repository = Shop("design-time")
            .Write("CLAUDE.md", "- Never use `DateTime.Now`\n")
            .Write("AGENTS.md", "- Don't read `DateTime.Now`; inject `TimeProvider`\n")
            .Write(".github/copilot-instructions.md", "- Never use `DateTime.Now`\n");

        var command = repository.Build(Project);
        var designTime = repository.Build(Project, "-p:DesignTimeBuild=true", "-p:BuildingProject=false", "--no-incremental");

        var quoted = command.Diagnostics.Where(d => d.Id == "AG0001").Select(d => d.Message).Distinct().ToList();
        Assert.Single(quoted);
        Assert.Contains("(.github/copilot-instructions.md line 1:", quoted[0]);
        Assert.Equal(quoted, designTime.Diagnostics.Where(d => d.Id == "AG0001").Select(d => d.Message).Distinct().ToList());
    }
}
