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

    /// <summary>The mark: info, on no source location, once for the whole compilation.</summary>
    private static DiagnosticResult Mark => GuardAnalyzerTest<RunMarkerAnalyzer>.Diagnostic("AG0014").WithSeverity(DiagnosticSeverity.Info);

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
}
