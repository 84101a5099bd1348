using System.Threading.Tasks;
using AgentGuard.Analyzers.Tests.Verification;
using Microsoft.CodeAnalysis;

namespace AgentGuard.Analyzers.Tests;

/// <summary>AG0014: in CI mode, one mark per compilation that AgentGuard's analyzers ran; nothing elsewhere.</summary>
public class RunMarkerAnalyzerTests
{
    private static GuardAnalyzerTest<RunMarkerAnalyzer> Test(string? runMarker)
    {
        var test = new GuardAnalyzerTest<RunMarkerAnalyzer> { Sources = { "class Order { }", "class Line { }" } };
        if (runMarker != null)
        {
            test.BuildProperties["AgentGuardRunMarker"] = runMarker;
        }

        return test;
    }

    /// <summary>The mark: info, on no source location, once for the whole compilation, naming no lowered severity.</summary>
    private static DiagnosticResult Mark => Marked(string.Empty);

    private static DiagnosticResult Marked(string lowered) =>
        GuardAnalyzerTest<RunMarkerAnalyzer>.DiagnosticWithArguments("AG0014", lowered.Length == 0 ? string.Empty : AgentGuard.Policy.RunMark.LoweredPrefix + lowered)
            .WithSeverity(DiagnosticSeverity.Info);

    [Fact]
    public Task In_ci_mode_each_compilation_is_marked_once()
    {
        var test = Test("true");
        test.ExpectedDiagnostics.Add(Mark);
        return test.RunAsync();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("false")]
    public Task Outside_ci_mode_nothing_is_reported(string? runMarker) => Test(runMarker).RunAsync();

    [Fact]
    public Task The_mark_cannot_be_switched_off_by_nowarn()
    {
        var test = Test("true");
        test.DisabledDiagnostics.Add("AG0014");
        test.ExpectedDiagnostics.Add(Mark);
        return test.RunAsync();
    }

    [Theory]
    [InlineData("[*.cs]\ndotnet_diagnostic.AG0001.severity = none\n", "AG0001=none (analyzer config)")]
    [InlineData("[Test1.cs]\ndotnet_diagnostic.AG0001.severity = warning\n", "AG0001=warning (analyzer config)")]
    [InlineData("[*.cs]\ndotnet_diagnostic.AG1001.severity = suggestion\ndotnet_diagnostic.AG1009.severity = silent\n", "AG1001=suggestion (analyzer config), AG1009=silent (analyzer config)")]
    [InlineData("[*.cs]\ndotnet_analyzer_diagnostic.category-AgentGuard.GoldenRules.severity = none\n", "AG0001=none (analyzer config by category), AG0002=none (analyzer config by category), AG0003=none (analyzer config by category)")]
    public Task The_mark_names_each_finding_an_editorconfig_lowers(string editorConfig, string lowered)
    {
        var test = Test("true").WithEditorConfig(editorConfig);
        test.ExpectedDiagnostics.Add(Marked(lowered));
        return test.RunAsync();
    }

    [Fact]
    public Task The_mark_names_a_finding_a_global_config_lowers()
    {
        var test = Test("true");
        test.TestState.AnalyzerConfigFiles.Add(("/eng/quiet.globalconfig", "is_global = true\ndotnet_diagnostic.AG0002.severity = none\n"));
        test.ExpectedDiagnostics.Add(Marked("AG0002=none (analyzer config)"));
        return test.RunAsync();
    }

    [Fact]
    public Task The_mark_names_a_finding_the_compiler_options_switch_off()
    {
        var test = Test("true");
        test.DisabledDiagnostics.Add("AG1006");
        test.ExpectedDiagnostics.Add(Marked("AG1006=none (compiler options)"));
        return test.RunAsync();
    }

    [Theory]
    [InlineData("[*.cs]\ndotnet_diagnostic.AG1001.severity = error\ndotnet_diagnostic.AG0001.severity = error\n")]
    [InlineData("[*.cs]\ndotnet_diagnostic.CA1822.severity = none\ndotnet_analyzer_diagnostic.category-Performance.severity = none\n")]
    public Task Raised_severities_and_other_analyzers_settings_are_not_named(string editorConfig)
    {
        var test = Test("true").WithEditorConfig(editorConfig);
        test.ExpectedDiagnostics.Add(Mark);
        return test.RunAsync();
    }

    [Fact]
    public Task A_style_rules_analyzer_is_not_named_its_config_is_agentguards_own()
    {
        var test = Test("true").WithEditorConfig("[*.cs]\ndotnet_diagnostic.IDE0161.severity = none\n");
        test.AdditionalFiles.Add(("/repo/CLAUDE.md", "- Prefer file-scoped namespaces.\n"));
        test.ExpectedDiagnostics.Add(Mark);
        return test.RunAsync();
    }

    [Theory]
    [InlineData("IDE0008=warning", "[*.cs]\ndotnet_diagnostic.IDE0008.severity = none\n", "IDE0008=none (analyzer config)")]
    [InlineData("CA1507=error,IDE0161=error", "[*.cs]\ndotnet_diagnostic.IDE0161.severity = warning\n", "IDE0161=warning (analyzer config)")]
    [InlineData("IDE0161=error", "[*.cs]\ndotnet_diagnostic.IDE0161.severity = error\ndotnet_diagnostic.CA1507.severity = none\n", "")]
    public Task The_mark_names_a_style_rules_analyzer_below_the_severity_agentguards_style_config_sets(string styles, string editorConfig, string lowered)
    {
        var test = Test("true").WithEditorConfig(editorConfig);
        test.BuildProperties["AgentGuardStyleSeverities"] = styles;
        test.ExpectedDiagnostics.Add(Marked(lowered));
        return test.RunAsync();
    }

    [Fact]
    public Task A_bulk_severity_lowers_no_id_a_setting_names()
    {
        var test = Test("true").WithEditorConfig("[*.cs]\ndotnet_analyzer_diagnostic.severity = none\ndotnet_diagnostic.AG0001.severity = error\ndotnet_diagnostic.AG0002.severity = error\n"
            + "dotnet_diagnostic.AG0003.severity = error\ndotnet_diagnostic.AG1001.severity = warning\ndotnet_diagnostic.AG1002.severity = warning\ndotnet_diagnostic.AG1003.severity = warning\n"
            + "dotnet_diagnostic.AG1004.severity = warning\ndotnet_diagnostic.AG1005.severity = error\ndotnet_diagnostic.AG1006.severity = warning\ndotnet_diagnostic.AG1007.severity = warning\n"
            + "dotnet_diagnostic.AG1008.severity = warning\n");
        test.BuildProperties["AgentGuardStyleSeverities"] = "IDE0008=warning";

        // AG1009 is the one no line names; IDE0008's severity is AgentGuard's style config's, which names it.
        test.ExpectedDiagnostics.Add(Marked("AG1009=none (analyzer config for all analyzers)"));
        return test.RunAsync();
    }
}
