using System.Collections.Generic;
using System.Linq;
using AgentGuard.Build.Baselines;
using AgentGuard.Policy;
using Xunit;

namespace AgentGuard.Build.Tests;

/// <summary>The build's side of the baseline: the compiler's error log read back, one project's part merged, fixed entries found.</summary>
public sealed class BaselineLogTests
{
    private static string Sarif(params (string Uri, int Line, string RuleId, string Message)[] results) =>
        "{\"version\":\"2.1.0\",\"runs\":[{\"results\":[" + string.Join(",", results.Select(r =>
            $"{{\"ruleId\":\"{r.RuleId}\",\"level\":\"note\",\"message\":{{\"text\":\"{r.Message}\"}},\"locations\":[{{\"physicalLocation\":{{\"artifactLocation\":{{\"uri\":\"{r.Uri}\"}},\"region\":{{\"startLine\":{r.Line},\"startColumn\":5}}}}}}]}}")) + "]}]}";

    [Fact]
    public void The_writing_compilations_results_are_the_projects_entries()
    {
        var kept = BaselineLog.Read(Sarif(
            ("file:///repo/src/Shop/Cart.cs", 4, "AG0013", "src/Shop/Cart.cs | AG1001 | // TODO: tax"),
            ("file:///repo/src/Shop/Cart.cs", 9, "AG0013", "src/Shop/Cart.cs | AG1001 | // TODO: tax"),
            ("file:///repo/src/Shop/Cart.cs", 9, "CS0168", "The variable 'x' is declared but never used")));

        Assert.Equal(2, kept.Count);
        Assert.Equal("/repo/src/Shop/Cart.cs", kept[0].Path);
        Assert.Equal("src/Shop/Cart.cs | AG1001 | 2 | // TODO: tax", Assert.Single(BaselineLog.Written(kept).Entries).ToString());
    }

    [Fact]
    public void A_project_replaces_the_entries_of_its_own_files_and_keeps_the_others()
    {
        var existing = Baseline.Parse("src/Shop/Cart.cs | AG1001 | 1 | // TODO: old\nsrc/Billing/Invoice.cs | AG1008 | 1 | catch { }\n");
        var project = Baseline.Parse("src/Shop/Cart.cs | AG1001 | 1 | // TODO: new\n");

        var merged = BaselineLog.Merge(existing, project, new HashSet<string> { "src/Shop/Cart.cs" });

        Assert.Equal(new[] { "src/Billing/Invoice.cs | AG1008 | 1 | catch { }", "src/Shop/Cart.cs | AG1001 | 1 | // TODO: new" }, merged.Entries.Select(e => e.ToString()));

        // A file the project reported on but does not list (one a target adds before compiling) is replaced too, not added to.
        var again = BaselineLog.Merge(merged, project, new HashSet<string>());
        Assert.Equal(merged.Entries.Select(e => e.ToString()), again.Entries.Select(e => e.ToString()));
    }

    [Fact]
    public void Another_framework_of_the_project_adds_what_it_finds_beyond_the_first()
    {
        var first = Baseline.Parse("src/Shop/Cart.cs | AG1001 | 2 | // TODO: tax\nsrc/Billing/Invoice.cs | AG1008 | 1 | catch { }\n");
        var second = Baseline.Parse("src/Shop/Cart.cs | AG1001 | 1 | // TODO: tax\nsrc/Shop/Cart.cs | AG0001 | 1 | var now = DateTime.Now; // net48 only\n");

        Assert.Equal(
            new[] { "src/Billing/Invoice.cs | AG1008 | 1 | catch { }", "src/Shop/Cart.cs | AG0001 | 1 | var now = DateTime.Now; // net48 only", "src/Shop/Cart.cs | AG1001 | 2 | // TODO: tax" },
            BaselineLog.Accumulate(first, second).Entries.Select(e => e.ToString()));
    }

    [Fact]
    public void Entries_of_the_projects_files_that_nothing_matched_are_stale()
    {
        var baseline = Baseline.Parse("src/Shop/Cart.cs | AG1001 | 2 | // TODO: tax\nsrc/Shop/Cart.cs | AG1003 | 1 | => throw new NotImplementedException();\nsrc/Billing/Invoice.cs | AG1008 | 1 | catch { }\n");
        var kept = BaselineLog.Read(Sarif(("file:///repo/src/Shop/Cart.cs", 4, "AG0013", "AG1001 is kept by the baseline (.agentguard/baseline.txt): 'TODO' marker left in a comment")));
        var lines = new Dictionary<int, string> { [4] = "    // TODO:   tax" };

        var stale = BaselineLog.Stale(baseline, kept, "/repo", new HashSet<string> { "src/Shop/Cart.cs" }, (path, line) => path == "/repo/src/Shop/Cart.cs" && lines.TryGetValue(line, out var text) ? text : null);

        Assert.Equal(
            new[] { "src/Shop/Cart.cs | AG1001 | 1 | // TODO: tax", "src/Shop/Cart.cs | AG1003 | 1 | => throw new NotImplementedException();" },
            stale.Select(e => e.ToString()));
    }
}
