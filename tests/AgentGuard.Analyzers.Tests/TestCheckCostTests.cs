using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using AgentGuard.Analyzers.Builtins;
using AgentGuard.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace AgentGuard.Analyzers.Tests;

/// <summary>
/// The checks that only make sense in test code (AG1006, AG1007) register nothing beyond their compilation-start action
/// in a compilation that can hold no test, read from the compiler's analyzer telemetry; where a test framework is
/// visible they do run.
/// </summary>
public class TestCheckCostTests
{
    private const string Library = """
        namespace Shop;

        public sealed class Order
        {
            [System.Obsolete("use Place")]
            public void Submit() { }

            // [Fact]
            public void Place() { }
        }
        """;

    public static TheoryData<string> TestChecks() => new() { nameof(TestAssertionAnalyzer), nameof(SkippedTestAnalyzer) };

    [Theory]
    [MemberData(nameof(TestChecks))]
    public async Task A_test_check_registers_no_action_in_a_compilation_without_a_test_framework(string name)
    {
        var telemetry = await Telemetry(name, Library);

        Assert.Equal(1, telemetry.CompilationStartActionsCount);
        Assert.Equal(0, telemetry.SyntaxNodeActionsCount + telemetry.SyntaxTreeActionsCount + telemetry.SymbolActionsCount + telemetry.OperationActionsCount);
    }

    [Theory]
    [MemberData(nameof(TestChecks))]
    public async Task A_test_check_runs_where_a_test_framework_is_visible(string name)
    {
        var telemetry = await Telemetry(name, Library, typeof(FactAttribute).Assembly.Location);

        Assert.True(telemetry.SyntaxNodeActionsCount + telemetry.SyntaxTreeActionsCount > 0);
    }

    private static async Task<AnalyzerTelemetryInfo> Telemetry(string name, string source, string? reference = null)
    {
        DiagnosticAnalyzer analyzer = name == nameof(TestAssertionAnalyzer) ? new TestAssertionAnalyzer() : new SkippedTestAnalyzer();
        var references = reference == null ? FrameworkReferences.Net.Value : FrameworkReferences.Net.Value.Add(MetadataReference.CreateFromFile(reference));
        var compilation = CSharpCompilation.Create(
            "Shop",
            new[] { CSharpSyntaxTree.ParseText(source, path: "/src/Order.cs") },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var options = new AnalyzerOptions(
            ImmutableArray<AdditionalText>.Empty,
            new DictionaryOptionsProvider(new Dictionary<string, string>(), new Dictionary<string, Dictionary<string, string>>()));
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create(analyzer), new CompilationWithAnalyzersOptions(options, null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
        await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        return await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
    }
}
