using System.Collections.Generic;
using AgentGuard.Build.Explain;
using AgentGuard.Policy.Explain;

namespace AgentGuard.Build.Tests;

/// <summary>One explain record type: what the analyzer writes is what the task reads back, key for key.</summary>
public class ExplainRecordTests
{
    private static ExplainRuleRecord FullRule()
    {
        var rule = new ExplainRuleRecord("src/Shop/AGENTS.md", 7, "Use \"TimeProvider\", not DateTime.Now\t(see docs)", "code and paths", "warning", new ExplainScope("production", new[] { "src/Domain/**" }, "src/Shop"), null);
        rule.Symbols.Add(new ExplainSymbol("DateTime.Now", false, ExplainKeys.Enforced, new[] { "P:System.DateTime.Now" }));
        rule.Symbols.Add(new ExplainSymbol("new HttpClient()", true, "not present in this project", new string[0]));
        rule.Constructs.Add("AsyncVoid");
        rule.Dependencies.Add(new ExplainDependency("Shop.Domain", "Shop.Web"));
        rule.Paths.Add(new ExplainPath("**/*.cs", ExplainKeys.TestsKind, "**/*test*/**"));
        rule.Paths.Add(new ExplainPath("deploy/**", "forbidden", null));
        rule.Styles.Add(new ExplainStyle(
            "file-scoped namespaces",
            new[] { "IDE0161" },
            "error",
            "IDE0161 with csharp_style_namespace_declarations = file_scoped",
            new[] { new KeyValuePair<string, string?>("csharp_style_namespace_declarations", "file_scoped") },
            new KeyValuePair<string, string?>("dotnet_diagnostic.IDE0161.severity", "none")));
        rule.Builtins.Add("AG1001");
        rule.Problems.Add("'.Value' names a member without its type");
        return rule;
    }

    [Fact]
    public void A_rule_record_written_by_the_analyzer_reads_back_to_the_same_record()
    {
        var written = FullRule().ToJson();

        var read = Assert.IsType<ExplainRuleRecord>(ExplainRecordReader.Read(written));

        Assert.Equal(written, read.ToJson());
        Assert.True(read.IsEnforcedInCode);
        Assert.True(read.IsEnforcedOnPaths);
        Assert.True(read.Symbols[1].ConstructionOnly);
        Assert.Equal("dotnet_diagnostic.IDE0161.severity", read.Styles[0].Overridden!.Value.Key);
        Assert.Contains("\"record\":\"rule\"", written);
    }

    [Fact]
    public void File_and_item_records_read_back_as_what_they_are()
    {
        var file = new ExplainFileRecord("AGENTS.md", "AGENTS.md", "everywhere", null, "it applies on request only");
        var item = new ExplainItemRecord("AGENTS.md", 4, "The src folder holds the services");

        Assert.Equal(file.ToJson(), Assert.IsType<ExplainFileRecord>(ExplainRecordReader.Read(file.ToJson())).ToJson());
        Assert.Equal(item.ToJson(), Assert.IsType<ExplainItemRecord>(ExplainRecordReader.Read(item.ToJson())).ToJson());
    }

    [Fact]
    public void A_guidance_rule_keeps_its_reason_and_counts_as_guidance()
    {
        var rule = new ExplainRuleRecord("CLAUDE.md", 3, "Keep methods short", ExplainKeys.GuidanceOnly, "error", new ExplainScope("all", new string[0], null), "it names nothing AgentGuard can check");

        var read = Assert.IsType<ExplainRuleRecord>(ExplainRecordReader.Read(rule.ToJson()));

        Assert.True(read.IsGuidance);
        Assert.False(read.Scope.Limits);
        Assert.Equal("it names nothing AgentGuard can check", read.Guidance);
    }
}
