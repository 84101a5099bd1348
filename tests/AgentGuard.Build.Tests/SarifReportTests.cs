using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace AgentGuard.Build.Tests;

public sealed class SarifReportTests
{
    private static JsonDocument CheckWithSarif(GitRepository repository, string? approve = null)
    {
        var path = repository.PathOf("src/Shop/obj/agentguard/boundaries.sarif");
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        BoundaryTasks.Check(repository, approve: approve, sarifPath: path);
        return JsonDocument.Parse(File.ReadAllText(path));
    }

    private static GitRepository AgentBranch()
    {
        var repository = BoundaryTasks.Create(BoundaryTasks.Manifest.Replace("\"deploy/**\"", "\"deploy/**\", \"infra/**\""));
        repository.Write("deploy/prod.yaml", "replicas: 30\n");
        repository.Write("src/Shop/Migrations/0002 Lines.cs", "class Lines { }\n");
        repository.Write("src/Shop/Order.cs", "class Order { int total; }\n");
        return repository;
    }

    [Fact]
    public void The_log_has_the_structure_sarif_2_1_0_requires_with_rules_help_links_and_relative_locations()
    {
        using var repository = AgentBranch();
        using var sarif = CheckWithSarif(repository);
        var root = sarif.RootElement;

        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Equal("https://json.schemastore.org/sarif-2.1.0.json", root.GetProperty("$schema").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("AgentGuard", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(new[] { "AG2000", "AG2001", "AG2002", "AG2003", "AG2004", "AG2005", "AG2006", "AG2007", "AG2008", "AG2010", "AG2011" }, rules.Select(rule => rule.GetProperty("id").GetString()));
        Assert.All(rules, rule =>
        {
            Assert.StartsWith("https://github.com/agentguard-dev/agentguard/blob/main/docs/rules/AG20", rule.GetProperty("helpUri").GetString());
            Assert.False(string.IsNullOrEmpty(rule.GetProperty("shortDescription").GetProperty("text").GetString()));
            Assert.Contains(rule.GetProperty("defaultConfiguration").GetProperty("level").GetString(), new[] { "error", "warning" });
        });
        Assert.StartsWith("file://", run.GetProperty("originalUriBaseIds").GetProperty("REPOROOT").GetProperty("uri").GetString());

        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(
            new[] { "AG2001 error deploy/prod.yaml", "AG2002 error src/Shop/Migrations/0002%20Lines.cs", "AG2004 error src/Shop/Migrations/0002%20Lines.cs", "AG2004 error src/Shop/Order.cs", "AG2011 warning agentguard.json:2" },
            results.Select(result =>
            {
                var location = Assert.Single(result.GetProperty("locations").EnumerateArray()).GetProperty("physicalLocation");
                var line = location.TryGetProperty("region", out var region) ? ":" + region.GetProperty("startLine").GetInt32() : string.Empty;
                Assert.Equal("REPOROOT", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
                Assert.False(string.IsNullOrEmpty(result.GetProperty("message").GetProperty("text").GetString()));
                Assert.Equal(result.GetProperty("ruleId").GetString(), rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
                return $"{result.GetProperty("ruleId").GetString()} {result.GetProperty("level").GetString()} {location.GetProperty("artifactLocation").GetProperty("uri").GetString()}{line}";
            }));
    }

    [Fact]
    public void Fingerprints_are_the_same_across_runs_and_differ_between_findings()
    {
        using var repository = AgentBranch();
        string[] Fingerprints(JsonDocument sarif) => sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(result => result.GetProperty("partialFingerprints").GetProperty("agentguard/v1").GetString()!).ToArray();

        using var first = CheckWithSarif(repository);
        repository.Write("src/Shop/Order.cs", "class Order { int total; int count; }\n");
        using var second = CheckWithSarif(repository);

        Assert.Equal(Fingerprints(first), Fingerprints(second));
        Assert.Equal(Fingerprints(first).Length, Fingerprints(first).Distinct().Count());
    }

    [Fact]
    public void Approved_findings_are_kept_as_suppressed_results_that_say_who_approved_them()
    {
        using var repository = AgentBranch();
        using var sarif = CheckWithSarif(repository, approve: "src/*/Migrations/**");

        var approved = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single(result => result.GetProperty("ruleId").GetString() == "AG2002");
        var suppression = Assert.Single(approved.GetProperty("suppressions").EnumerateArray());
        Assert.Equal("external", suppression.GetProperty("kind").GetString());
        Assert.Equal("approved by AgentGuardApprove: src/*/Migrations/**", suppression.GetProperty("justification").GetString());
    }

    [Fact]
    public void A_check_stopped_by_an_invalid_manifest_still_writes_its_error()
    {
        using var repository = BoundaryTasks.Create("{ \"forbiden\": [] }");
        using var sarif = CheckWithSarif(repository);

        var result = Assert.Single(sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
        Assert.Equal("AG2010", result.GetProperty("ruleId").GetString());
        Assert.Equal("agentguard.json", result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
    }
}
