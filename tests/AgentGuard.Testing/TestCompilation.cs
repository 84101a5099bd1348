using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AgentGuard.Testing;

/// <summary>
/// Compilations built by hand, for what an analyzer test cannot set up: one analyzer instance across several
/// compilations, an additional file the compiler cannot read, action counts.
/// </summary>
public static class TestCompilation
{
    /// <summary>A compilation of <paramref name="sources"/> (<c>/src/Test0.cs</c>, ...) against the net10.0 reference pack.</summary>
    public static CSharpCompilation Create(params string[] sources) =>
        CSharpCompilation.Create(
            "TestProject",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, path: $"/src/Test{i}.cs")),
            FrameworkReferences.Net.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    /// <summary>Runs <paramref name="analyzer"/> over <paramref name="compilation"/> and returns what it reports.</summary>
    public static Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation, AnalyzerOptions options, DiagnosticAnalyzer analyzer) =>
        compilation.WithAnalyzers(ImmutableArray.Create(analyzer), options).GetAnalyzerDiagnosticsAsync();
}
