using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using AgentGuard.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AgentGuard.Analyzers.Tests;

/// <summary>AG0014: in CI mode, one mark per compilation that AgentGuard's analyzers ran; nothing elsewhere.</summary>
public class RunMarkerAnalyzerTests
{
    private static Task<ImmutableArray<Diagnostic>> Analyze(Dictionary<string, string> global, params (string Id, ReportDiagnostic Option)[] specific)
    {
        var compilation = AnalyzerTest<RunMarkerAnalyzer>.CreateCompilation("class Order { }", "class Line { }");
        compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(specific.Select(s => new KeyValuePair<string, ReportDiagnostic>(s.Id, s.Option))));
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new DictionaryOptionsProvider(global, new Dictionary<string, Dictionary<string, string>>()));
        return AnalyzerTest<RunMarkerAnalyzer>.AnalyzeCompilationAsync(compilation, options);
    }

    [Fact]
    public async Task In_ci_mode_each_compilation_is_marked_once()
    {
        var diagnostics = await Analyze(new Dictionary<string, string> { ["build_property.AgentGuardRunMarker"] = "true" });

        var mark = Assert.Single(diagnostics);
        Assert.Equal("AG0014", mark.Id);
        Assert.Equal(DiagnosticSeverity.Info, mark.Severity);
        Assert.Equal(Location.None, mark.Location);
    }

    [Fact]
    public async Task Outside_ci_mode_nothing_is_reported()
    {
        Assert.Empty(await Analyze(new Dictionary<string, string>()));
        Assert.Empty(await Analyze(new Dictionary<string, string> { ["build_property.AgentGuardRunMarker"] = "false" }));
    }

    [Fact]
    public async Task The_mark_cannot_be_switched_off_by_severity_or_nowarn()
    {
        var diagnostics = await Analyze(new Dictionary<string, string> { ["build_property.AgentGuardRunMarker"] = "true" }, ("AG0014", ReportDiagnostic.Suppress));

        Assert.Single(diagnostics, d => d.Id == "AG0014" && !d.IsSuppressed);
    }
}
