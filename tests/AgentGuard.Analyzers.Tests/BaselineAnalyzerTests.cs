using System.Linq;
using System.Threading.Tasks;
using AgentGuard.Analyzers.Builtins;
using AgentGuard.Analyzers.GoldenRules;
using AgentGuard.Analyzers.Tests.Verification;
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

    private static GuardAnalyzerTest<TAnalyzer> Test<TAnalyzer>(string source, string baseline)
        where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
    {
        var test = new GuardAnalyzerTest<TAnalyzer>
        {
            Sources = { ("/repo/src/Shop/Cart.cs", source) },
            AdditionalFiles = { ("/repo/.agentguard/baseline.txt", baseline) },
        };
        test.BuildProperties["AgentGuardRepositoryRoot"] = Root;
        return test;
    }

    [Fact]
    public async Task Kept_findings_are_info_as_many_as_the_entry_counts_wherever_their_lines_moved()
    {
        var test = Test<TodoMarkerAnalyzer>(
            """
            class Cart
            {

                // {|#0:TODO|}: tax
                // {|#1:TODO|}: tax
                // {|AG1001:TODO|}: tax
                // {|AG1001:TODO|}: rounding
            }
            """,
            "# kept\nsrc/Shop/Cart.cs | AG1001 | 2 | // TODO: tax\nsrc/Shop/Other.cs | AG1001 | 1 | // TODO: rounding\n");

        // The library's round with '#pragma warning disable AG0013, AG1001' above the file expects the kept findings to
        // stay (AG0013 cannot be configured); but a finding its own pragma hides is not one the baseline keeps.
        test.TestBehaviors |= TestBehaviors.SkipSuppressionCheck;
        const string Kept = "AG1001 is kept by the baseline (.agentguard/baseline.txt): 'TODO' marker left in a comment";
        test.ExpectedDiagnostics.Add(GuardAnalyzerTest<TodoMarkerAnalyzer>.Diagnostic("AG0013").WithLocation(0).WithSeverity(DiagnosticSeverity.Info).WithMessage(Kept));
        test.ExpectedDiagnostics.Add(GuardAnalyzerTest<TodoMarkerAnalyzer>.Diagnostic("AG0013").WithLocation(1).WithSeverity(DiagnosticSeverity.Info).WithMessage(Kept));

        await test.RunAsync();
    }

    [Fact]
    public async Task A_golden_rule_error_the_baseline_keeps_fails_nothing_and_a_new_one_fails()
    {
        var test = Test<BannedSymbolAnalyzer>(
            """
            class Clock
            {
                System.DateTime Now() => {|AG0013:System.DateTime.Now|};
                System.DateTime Later() => {|#0:System.DateTime.Now|}.AddDays(1);
            }
            """,
            "src/Shop/Cart.cs | AG0001 | 1 | System.DateTime Now() => System.DateTime.Now;\n");
        test.AdditionalFiles.Add(("/repo/CLAUDE.md", "- Never use `DateTime.Now`\n"));
        test.TestBehaviors |= TestBehaviors.SkipSuppressionCheck; // as above: a hidden finding is not a kept one
        test.ExpectedDiagnostics.Add(GuardAnalyzerTest<BannedSymbolAnalyzer>.Diagnostic("AG0001").WithLocation(0).WithSeverity(DiagnosticSeverity.Error));

        await test.RunAsync();
    }

    [Fact]
    public async Task The_writing_compilation_reports_every_finding_as_its_entry_and_no_secret()
    {
        var secret = "gh" + "p_" + new string('a', 18) + new string('B', 18);
        var test = Test<TodoMarkerAnalyzer>(
            """
            class Cart
            {
                // {|#0:TODO|}:   tax
            }
            """,
            string.Empty);
        test.AdditionalFiles.Clear();
        test.BuildProperties["AgentGuardBaselineWriting"] = "true";
        test.ExpectedDiagnostics.Add(GuardAnalyzerTest<TodoMarkerAnalyzer>.Diagnostic("AG0013").WithLocation(0).WithMessage("src/Shop/Cart.cs | AG1001 | // TODO: tax"));

        await test.RunAsync();

        // Nothing reported: the secret is neither reported nor written to the baseline.
        var secrets = new GuardAnalyzerTest<HardCodedSecretAnalyzer> { Sources = { ("/repo/src/Shop/Keys.cs", $"class Keys {{ const string Token = \"{secret}\"; }}") } };
        secrets.BuildProperties["AgentGuardRepositoryRoot"] = Root;
        secrets.BuildProperties["AgentGuardBaselineWriting"] = "true";
        await secrets.RunAsync();
    }

    [Fact]
    public async Task Without_a_baseline_findings_are_reported_as_they_are()
    {
        var test = new GuardAnalyzerTest<TodoMarkerAnalyzer> { Sources = { ("/repo/src/Shop/Cart.cs", "class Cart\n{\n    // {|#0:TODO|}: tax\n}\n") } };
        test.BuildProperties["AgentGuardRepositoryRoot"] = Root;
        test.ExpectedDiagnostics.Add(GuardAnalyzerTest<TodoMarkerAnalyzer>.Diagnostic("AG1001").WithLocation(0).WithSeverity(DiagnosticSeverity.Warning));

        await test.RunAsync();
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
        writing.BuildProperties["AgentGuardBaselineWriting"] = "true";
        await writing.RunAsync(); // nothing written: the markup expects no diagnostic

        var kept = Test<TodoMarkerAnalyzer>(
            """
            {|AG0013:#pragma warning disable|}
            class Vendored
            {
                // TODO: upstream
            }
            """,
            "src/Shop/Cart.cs | AG1005 | 1 | #pragma warning disable\n");
        kept.DiagnosticVerifier = (actual, _, _) => Assert.StartsWith("AG1005 is kept by the baseline", actual.GetMessage());
        await kept.RunAsync();
    }
}
