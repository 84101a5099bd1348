using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AgentGuard.Analyzers
{
    /// <summary>
    /// AG0014: in CI mode (the package's targets set <c>AgentGuardRunMarker</c>), one information diagnostic per
    /// compilation that says AgentGuard's analyzers ran. The build reads it from the compiler's error log after compiling:
    /// a compilation without it ran without them, however a project switched them off (AG2008).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RunMarkerAnalyzer : DiagnosticAnalyzer
    {
        private const string MarkerProperty = "build_property.AgentGuardRunMarker";

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.AnalyzersRan);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationAction(compilation =>
            {
                if (compilation.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(MarkerProperty, out var value)
                    && string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase))
                {
                    compilation.ReportDiagnostic(Diagnostic.Create(Descriptors.AnalyzersRan, Location.None));
                }
            });
        }
    }
}
