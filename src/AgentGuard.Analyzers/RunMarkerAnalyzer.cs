using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using AgentGuard.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AgentGuard.Analyzers
{
    /// <summary>
    /// AG0014: in CI mode (the package's targets set <c>AgentGuardRunMarker</c>), one information diagnostic per
    /// compilation that says AgentGuard's analyzers ran. The build reads it from the compiler's error log after compiling:
    /// a compilation without it ran without them, however a project switched them off (AG2008). The mark also names each
    /// finding whose severity this compilation lowers below its default, and by which kind of setting, so that the build
    /// can tell a lowering the repository's files show from one that came from outside them.
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
                    var lowered = Lowered(compilation.Compilation, compilation.Options.AnalyzerConfigOptionsProvider, compilation.CancellationToken);
                    compilation.ReportDiagnostic(Diagnostic.Create(Descriptors.AnalyzersRan, Location.None, RunMark.Format(lowered)));
                }
            });
        }

        /// <summary>
        /// Each finding whose severity some setting of this compilation puts below its default, as "AG0001=none (analyzer
        /// config)": the compiler's options (NoWarn, a rule set, /nowarn), the analyzer config of any file (an
        /// .editorconfig section, a global config), and the category and bulk severities of analyzer configs. Not the
        /// analyzers a style rule switches on (IDE0008, CA1507): AgentGuard's own style config sets them per rule severity,
        /// scope and kind of project, layered under the SDK's analysis-level configs, so a setting below the rule's
        /// severity is often AgentGuard's own doing; a repository file that lowers one is AG2007 by the file comparison.
        /// </summary>
        internal static IReadOnlyList<LoweredSeverity> Lowered(Compilation compilation, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
        {
            var provider = compilation.Options.SyntaxTreeOptionsProvider;
            var specific = compilation.Options.SpecificDiagnosticOptions;
            var treeOptions = compilation.SyntaxTrees.Select(tree => (Tree: tree, Options: options.GetOptions(tree))).ToList();
            var lowered = new List<LoweredSeverity>();
            foreach (var descriptor in Descriptors.Findings)
            {
                var floor = Rank(descriptor.DefaultSeverity);
                var lowest = (Rank: floor, Source: (string?)null);
                void Consider(ReportDiagnostic report, string source)
                {
                    var rank = Rank(report);
                    if (rank < lowest.Rank)
                    {
                        lowest = (rank, source);
                    }
                }

                if (specific.TryGetValue(descriptor.Id, out var option))
                {
                    Consider(option, "compiler options");
                }

                if (provider != null && provider.TryGetGlobalDiagnosticValue(descriptor.Id, cancellationToken, out var global))
                {
                    Consider(global, "analyzer config");
                }

                var keys = new[] { $"dotnet_analyzer_diagnostic.category-{descriptor.Category}.severity", "dotnet_analyzer_diagnostic.severity" };
                Bulk(options.GlobalOptions, keys, Consider);
                foreach (var (tree, treeConfig) in treeOptions)
                {
                    if (provider != null && provider.TryGetDiagnosticValue(tree, descriptor.Id, cancellationToken, out var perTree))
                    {
                        Consider(perTree, "analyzer config");
                    }

                    Bulk(treeConfig, keys, Consider);
                }

                if (lowest.Source != null)
                {
                    lowered.Add(new LoweredSeverity(descriptor.Id, Name(lowest.Rank), lowest.Source));
                }
            }

            return lowered;
        }

        private static void Bulk(AnalyzerConfigOptions options, string[] keys, Action<ReportDiagnostic, string> consider)
        {
            foreach (var key in keys)
            {
                if (options.TryGetValue(key, out var value) && Parse(value) is { } report)
                {
                    consider(report, key.Contains("category-") ? "analyzer config by category" : "analyzer config for all analyzers");
                }
            }
        }

        private static ReportDiagnostic? Parse(string value)
        {
            switch (value.Trim().ToLowerInvariant())
            {
                case "none": return ReportDiagnostic.Suppress;
                case "silent": case "hidden": return ReportDiagnostic.Hidden;
                case "suggestion": case "info": return ReportDiagnostic.Info;
                case "warning": return ReportDiagnostic.Warn;
                case "error": return ReportDiagnostic.Error;
                default: return null;
            }
        }

        private static int Rank(ReportDiagnostic report)
        {
            switch (report)
            {
                case ReportDiagnostic.Suppress: return 0;
                case ReportDiagnostic.Hidden: return 1;
                case ReportDiagnostic.Info: return 2;
                case ReportDiagnostic.Warn: return 3;
                case ReportDiagnostic.Error: return 4;
                default: return int.MaxValue; // Default: the descriptor's own severity
            }
        }

        private static int Rank(DiagnosticSeverity severity) =>
            severity == DiagnosticSeverity.Error ? 4 : severity == DiagnosticSeverity.Warning ? 3 : severity == DiagnosticSeverity.Info ? 2 : 1;

        private static string Name(int rank) => new[] { "none", "silent", "suggestion", "warning", "error" }[rank];
    }
}
