using System.IO;
using System.Linq;
using System.Text;
using AgentGuard.EndToEnd.Tests.Infrastructure;

namespace AgentGuard.EndToEnd.Tests;

/// <summary>
/// Adopting on an existing codebase through the packed package: a solution of two projects with about thirty findings
/// fails, builds green after -t:AgentGuardBaseline (written by both projects in parallel into one file), fails again on
/// one new violation, and reports a fixed finding's entry as no longer needed.
/// </summary>
[Collection(PackedPackageCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class BaselineBuildTests
{
    private const string Orders = "src/Shop/Shop.Orders/Shop.Orders.csproj";
    private const string Billing = "src/Shop/Shop.Billing/Shop.Billing.csproj";

    private readonly PackedPackage _package;

    public BaselineBuildTests(PackedPackage package) => _package = package;

    /// <summary>A class with <paramref name="count"/> members, each with a banned clock read, a TODO and, every third, an empty catch.</summary>
    private static string Legacy(string name, int count)
    {
        var text = new StringBuilder($"namespace Shop;\n\npublic sealed class {name}\n{{\n");
        for (var i = 0; i < count; i++)
        {
            text.Append($"    // TODO: move step {i} to the scheduler\n");
            text.Append($"    public System.DateTime Step{i}() => System.DateTime.Now.AddMinutes({i});\n");
            if (i % 3 == 0)
            {
                text.Append($"    public void Save{i}() {{ try {{ Step{i}(); }} catch {{ }} }}\n");
            }
        }

        return text.Append("}\n").ToString();
    }

    [Fact]
    public void A_baseline_turns_a_red_first_build_green_and_holds_new_findings_to_their_severity()
    {
        using var repository = ConsumerRepository.Create(_package, "baseline");
        repository
            .Write("CLAUDE.md", "# Rules\n\n- Never use `DateTime.Now`; inject `TimeProvider`\n- Use file-scoped namespaces\n")
            .Write("Shop.slnx", $"<Solution>\n  <Project Path=\"{Orders}\" />\n  <Project Path=\"{Billing}\" />\n</Solution>\n")
            .WriteProject(Orders)
            .WriteProject(Billing)
            .Write("src/Shop/Shop.Orders/Scheduler.cs", Legacy("Scheduler", 7))
            .Write("src/Shop/Shop.Billing/Invoices.cs", Legacy("Invoices", 6))
            .Write("src/Shop/Shop.Orders/Export.cs", "namespace Shop;\n\n#pragma warning disable AG1001 // the export format is frozen\n// TODO: the v2 format\n#pragma warning restore AG1001\npublic static class Export\n{\n}\n");

        var red = repository.Build("Shop.slnx");
        Assert.False(red.Succeeded, red.Output);
        Assert.Equal(13, red.AgentGuardFindings.Count(f => f.StartsWith("AG0001", System.StringComparison.Ordinal)));
        Assert.True(red.AgentGuardFindings.Count >= 30, string.Join("\n", red.AgentGuardFindings));

        var written = repository.Build("Shop.slnx", "-t:AgentGuardBaseline", "-m:2");
        Assert.True(written.Succeeded, written.Output);
        var baseline = File.ReadAllText(repository.PathOf(".agentguard/baseline.txt"));
        Assert.Contains("src/Shop/Shop.Orders/Scheduler.cs | AG0001 | 1 | public System.DateTime Step5() => System.DateTime.Now.AddMinutes(5);", baseline);
        Assert.Contains("src/Shop/Shop.Billing/Invoices.cs | AG1008 | 1 | public void Save3() { try { Step3(); } catch { } }", baseline);
        Assert.Contains("src/Shop/Shop.Orders/Export.cs | AG1005 | 1 | #pragma warning disable AG1001 // the export format is frozen", baseline);
        Assert.Equal(red.AgentGuardFindings.Count, baseline.Split('\n').Count(line => line.StartsWith("src/", System.StringComparison.Ordinal)));

        var green = repository.Build("Shop.slnx");
        Assert.True(green.Succeeded, green.Output);
        Assert.Empty(green.AgentGuardFindings);
        Assert.Contains("\"AG0013\"", File.ReadAllText(repository.PathOf("src/Shop/Shop.Billing/obj/Debug/net10.0/agentguard-compile.sarif")));
        var explained = repository.Build(Orders, "-t:AgentGuardExplain");
        Assert.Contains($"AgentGuard: the baseline (.agentguard/baseline.txt) keeps {red.AgentGuardFindings.Count} findings: 13 AG0001, 13 AG1001, 1 AG1005, 5 AG1008", explained.Output);

        // Code moved down by a new member keeps its entries; the new member's clock read is a new finding.
        var scheduler = repository.PathOf("src/Shop/Shop.Orders/Scheduler.cs");
        var moved = File.ReadAllText(scheduler).Replace("public sealed class Scheduler\n{\n", "public sealed class Scheduler\n{\n    public System.DateTime Deadline() => System.DateTime.Now.AddDays(1);\n\n");
        File.WriteAllText(scheduler, moved);
        var newFinding = repository.Build("Shop.slnx");
        Assert.False(newFinding.Succeeded, newFinding.Output);
        Assert.Equal(new[] { "AG0001 error src/Shop/Shop.Orders/Scheduler.cs:5" }, newFinding.AgentGuardFindingsWithSeverity);

        // The new member goes, and one old TODO is fixed: green, with its entry reported as no longer needed.
        File.WriteAllText(scheduler, moved.Replace("    public System.DateTime Deadline() => System.DateTime.Now.AddDays(1);\n\n", string.Empty).Replace("    // TODO: move step 2 to the scheduler\n", string.Empty));
        var fixedOne = repository.Build("Shop.slnx");
        Assert.True(fixedOne.Succeeded, fixedOne.Output);
        Assert.Contains("the baseline keeps 1 AG1001 finding in src/Shop/Shop.Orders/Scheduler.cs that no longer occurs ('// TODO: move step 2 to the scheduler')", fixedOne.Output);

        var rewritten = repository.Build("Shop.slnx", "-t:AgentGuardBaseline", "-m:2");
        Assert.True(rewritten.Succeeded, rewritten.Output);
        var shrunk = File.ReadAllText(repository.PathOf(".agentguard/baseline.txt"));
        Assert.DoesNotContain("src/Shop/Shop.Orders/Scheduler.cs | AG1001 | 1 | // TODO: move step 2", shrunk);
        Assert.Contains("src/Shop/Shop.Billing/Invoices.cs | AG1001 | 1 | // TODO: move step 2", shrunk);
        Assert.Equal(red.AgentGuardFindings.Count - 1, shrunk.Split('\n').Count(line => line.StartsWith("src/", System.StringComparison.Ordinal)));
    }

    [Fact]
    public void In_ci_the_base_branchs_baseline_is_enforced_and_entries_the_change_adds_are_a_loosening()
    {
        using var repository = ConsumerRepository.Create(_package, "baseline-ci");
        repository
            .Write("agentguard.json", "{ \"forbidden\": [ \"deploy/**\" ] }\n")
            .Write("deploy/prod.yaml", "replicas: 3\n")
            .Write("CLAUDE.md", "- Never use `DateTime.Now`\n")
            .WriteProject(Orders)
            .Write("src/Shop/Shop.Orders/Clock.cs", "namespace Shop;\n\npublic static class Clock\n{\n    public static System.DateTime Now() => System.DateTime.Now;\n}\n");
        var adopted = repository.Build(Orders, "-t:AgentGuardBaseline");
        Assert.True(adopted.Succeeded, adopted.Output);
        repository.Commit("main: adopt AgentGuard with a baseline").Git("checkout", "-q", "-b", "agent");

        // The agent's change uses the banned clock once more and keeps its own use by adding it to the baseline.
        repository.Write("src/Shop/Shop.Orders/Clock.cs", "namespace Shop;\n\npublic static class Clock\n{\n    public static System.DateTime Now() => System.DateTime.Now;\n\n    public static System.DateTime Tomorrow() => System.DateTime.Now.AddDays(1);\n}\n");
        Assert.True(repository.Build(Orders, "-t:AgentGuardBaseline").Succeeded);
        repository.Commit("agent: tomorrow");

        var local = repository.Build(Orders);
        Assert.True(local.Succeeded, local.Output);

        var ci = repository.BuildWithEnvironment(Orders, new System.Collections.Generic.Dictionary<string, string?> { ["CI"] = "true" });
        Assert.False(ci.Succeeded, ci.Output);
        Assert.Equal(new[] { "AG0001 src/Shop/Shop.Orders/Clock.cs:7", "AG2006 .agentguard/baseline.txt:0", "AG2007 .agentguard/baseline.txt:0" }, ci.AgentGuardFindings);
        Assert.Contains("adds 1 findings to the baseline (AG0001 in src/Shop/Shop.Orders/Clock.cs", ci.Diagnostics.Single(d => d.Id == "AG2007").Message);
    }
}
