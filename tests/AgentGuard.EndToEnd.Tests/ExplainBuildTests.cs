using System.IO;
using System.Linq;
using System.Text.Json;
using AgentGuard.EndToEnd.Tests.Infrastructure;

namespace AgentGuard.EndToEnd.Tests;

/// <summary>dotnet build -t:AgentGuardExplain through the packed package: every rule, how it is enforced, rules.json.</summary>
[Collection(PackedPackageCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class ExplainBuildTests
{
    private const string Project = "src/Shop/Shop.Orders/Shop.Orders.csproj";

    private readonly PackedPackage _package;

    public ExplainBuildTests(PackedPackage package) => _package = package;

    [Fact]
    public void Explain_prints_each_rule_with_its_enforcement_writes_rules_json_and_succeeds_on_code_that_breaks_the_rules()
    {
        using var repository = ConsumerRepository.Create(_package, "explain");
        repository
            .Write("CLAUDE.md", """
                # Shop

                - Never use `DateTime.Now` — use `TimeProvider`
                - Never use `Newtonsoft.Json.JsonConvert`
                - Never use `async void`
                - Never edit `deploy/**`
                - Keep methods short
                """)
            .WriteProject(Project)
            .Write("src/Shop/Shop.Orders/Clock.cs", "namespace Shop.Orders; public static class Clock { public static System.DateTime Now() => System.DateTime.Now; }\n");

        var result = repository.Build(Project, "-t:AgentGuardExplain");

        Assert.True(result.Succeeded, result.Output);
        Assert.Empty(result.AgentGuardFindings);
        Assert.Contains("  line 3    code           Never use DateTime.Now — use TimeProvider", result.Output);
        Assert.Contains("AG0001 DateTime.Now -> P:System.DateTime.Now (error)", result.Output);
        Assert.Contains("AG0001 Newtonsoft.Json.JsonConvert: not present in this project", result.Output);
        Assert.Contains("AG0002 AsyncVoid (error)", result.Output);
        Assert.Contains("boundary: forbidden path deploy/**", result.Output);
        Assert.Contains("guidance: it names nothing AgentGuard can check", result.Output);
        Assert.Contains("AgentGuard: 5 rules in 1 files: 3 enforced in code, 1 enforced on paths, 1 guidance only", result.Output);

        using var json = JsonDocument.Parse(File.ReadAllText(repository.PathOf("src/Shop/Shop.Orders/obj/agentguard/rules.json")));
        var rules = json.RootElement.GetProperty("ruleFiles").EnumerateArray().Single().GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(new[] { 3, 4, 5, 6, 7 }, rules.Select(r => r.GetProperty("line").GetInt32()));
        Assert.Equal("P:System.DateTime.Now", rules[0].GetProperty("symbols")[0].GetProperty("resolvedTo")[0].GetString());
        Assert.Equal(3, json.RootElement.GetProperty("summary").GetProperty("enforcedInCode").GetInt32());

        // The explain compilation leaves the build's own outputs alone: a normal build still fails on the breach.
        var build = repository.Build(Project);
        Assert.Equal(new[] { "AG0001 src/Shop/Shop.Orders/Clock.cs:1" }, build.AgentGuardFindings);
    }
}
