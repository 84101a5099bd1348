using System.Linq;
using System.Threading.Tasks;
using AgentGuard.Analyzers.Builtins;
using AgentGuard.Analyzers.GoldenRules;
using AgentGuard.Testing;
using Microsoft.CodeAnalysis;

namespace AgentGuard.Analyzers.Tests;

/// <summary>
/// The baseline (.agentguard/baseline.txt as an additional file): a finding it keeps is AG0013 (info) instead, matched by
/// file, ID and line text whatever line it moved to, as many times as the entry's count; the writing compilation
/// reports every finding as the entry it makes.
/// </summary>
public class BaselineAnalyzerTests
{
    private const string Root = "/repo";

    private static AnalyzerTest<TAnalyzer> Test<TAnalyzer>(string source, string baseline)
        where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
    {
        var test = new AnalyzerTest<TAnalyzer>
        {
            NamedSources = { ("/repo/src/Shop/Cart.cs", source) },
            AdditionalFiles = { ("/repo/.agentguard/baseline.txt", baseline) },
        };
        test.GlobalOptions["build_property.AgentGuardRepositoryRoot"] = Root;
        return test;
    }

    [Fact]
    public async Task Kept_findings_are_info_as_many_as_the_entry_counts_wherever_their_lines_moved()
    {
        var test = Test<TodoMarkerAnalyzer>(
            """
            class Cart
            {

                // {|AG0013:TODO|}: tax
                // {|AG0013:TODO|}: tax
                // {|AG1001:TODO|}: tax
                // {|AG1001:TODO|}: rounding
            }
            """,
            "# kept\nsrc/Shop/Cart.cs | AG1001 | 2 | // TODO: tax\nsrc/Shop/Other.cs | AG1001 | 1 | // TODO: rounding\n");

        await test.RunAsync();

        Assert.All(test.Diagnostics.Where(d => d.Id == "AG0013"), d => Assert.Equal(DiagnosticSeverity.Info, d.Severity));
        Assert.Equal(
            "AG1001 is kept by the baseline (.agentguard/baseline.txt): 'TODO' marker left in a comment",
            test.Diagnostics.First(d => d.Id == "AG0013").GetMessage());
    }

    [Fact]
    public async Task A_golden_rule_error_the_baseline_keeps_fails_nothing_and_a_new_one_fails()
    {
        var test = Test<BannedSymbolAnalyzer>(
            """
            class Clock
            {
                System.DateTime Now() => {|AG0013:System.DateTime.Now|};
                System.DateTime Later() => {|AG0001:System.DateTime.Now|}.AddDays(1);
            }
            """,
            "src/Shop/Cart.cs | AG0001 | 1 | System.DateTime Now() => System.DateTime.Now;\n");
        test.AdditionalFiles.Add(("/repo/CLAUDE.md", "- Never use `DateTime.Now`\n"));

        await test.RunAsync();

        Assert.Equal(DiagnosticSeverity.Error, test.Diagnostics.Single(d => d.Id == "AG0001").Severity);
    }

    [Fact]
    public async Task The_writing_compilation_reports_every_finding_as_its_entry_and_no_secret()
    {
        var secret = "gh" + "p_" + new string('a', 18) + new string('B', 18);
        var test = Test<TodoMarkerAnalyzer>(
            """
            class Cart
            {
                // {|AG0013:TODO|}:   tax
            }
            """,
            string.Empty);
        test.AdditionalFiles.Clear();
        test.GlobalOptions["build_property.AgentGuardBaselineWriting"] = "true";

        await test.RunAsync();

        Assert.Equal("src/Shop/Cart.cs | AG1001 | // TODO: tax", Assert.Single(test.Diagnostics).GetMessage());

        var secrets = new AnalyzerTest<HardCodedSecretAnalyzer> { NamedSources = { ("/repo/src/Shop/Keys.cs", $"class Keys {{ const string Token = \"{secret}\"; }}") } };
        secrets.GlobalOptions["build_property.AgentGuardRepositoryRoot"] = Root;
        secrets.GlobalOptions["build_property.AgentGuardBaselineWriting"] = "true";
        await secrets.RunAsync();
        Assert.Empty(secrets.Diagnostics);
    }

    [Fact]
    public async Task Without_a_baseline_findings_are_reported_as_they_are()
    {
        var test = new AnalyzerTest<TodoMarkerAnalyzer> { NamedSources = { ("/repo/src/Shop/Cart.cs", "class Cart\n{\n    // {|AG1001:TODO|}: tax\n}\n") } };
        test.GlobalOptions["build_property.AgentGuardRepositoryRoot"] = Root;

        await test.RunAsync();

        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(test.Diagnostics).Severity);
    }

    [Fact]
    public async Task A_finding_its_own_pragma_silences_is_never_written_and_a_blanket_pragmas_AG1005_can_be_kept()
    {
        var writing = Test<TodoMarkerAnalyzer>(
            """
            class Export
            {
            #pragma warning disable AG1001 // frozen format
                // TODO: the v2 format
            #pragma warning restore AG1001
            }
            """,
            string.Empty);
        writing.AdditionalFiles.Clear();
        writing.GlobalOptions["build_property.AgentGuardBaselineWriting"] = "true";
        await writing.RunAsync();
        Assert.Empty(writing.Diagnostics);

        var kept = Test<TodoMarkerAnalyzer>(
            """
            {|AG0013:#pragma warning disable|}
            class Vendored
            {
                // TODO: upstream
            }
            """,
            "src/Shop/Cart.cs | AG1005 | 1 | #pragma warning disable\n");
        await kept.RunAsync();
        Assert.StartsWith("AG1005 is kept by the baseline", Assert.Single(kept.Diagnostics).GetMessage());
    }
}
