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

        private const string StyleProperty = "build_property.AgentGuardStyleSeverities";

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
                    var styles = StyleSeverities(compilation.Options.AnalyzerConfigOptionsProvider.GlobalOptions);
                    var lowered = Lowered(compilation.Compilation, compilation.Options.AnalyzerConfigOptionsProvider, styles, compilation.CancellationToken);
                    compilation.ReportDiagnostic(Diagnostic.Create(Descriptors.AnalyzersRan, Location.None, RunMark.Format(lowered)));
                }
            });
        }

        /// <summary>
        /// Each finding whose severity some setting of this compilation puts below its default, as "AG0001=none (analyzer
        /// config)": the compiler's options (NoWarn, a rule set, /nowarn), the analyzer config of any file (an
        /// .editorconfig section, a global config), and, where no setting names the ID, the category and bulk severities.
        /// The same for each style rule's analyzer (<paramref name="styles"/>: IDE0008=warning, from AgentGuard's style
        /// config) below the severity that config sets project-wide; a bulk severity never lowers those, as the config
        /// names each.
        /// </summary>
        internal static IReadOnlyList<LoweredSeverity> Lowered(Compilation compilation, AnalyzerConfigOptionsProvider options, IReadOnlyDictionary<string, DiagnosticSeverity> styles, CancellationToken cancellationToken)
        {
            var provider = compilation.Options.SyntaxTreeOptionsProvider;
            var specific = compilation.Options.SpecificDiagnosticOptions;
            var treeOptions = compilation.SyntaxTrees.Select(tree => (Tree: tree, Options: options.GetOptions(tree))).ToList();
            var checkedIds = Descriptors.Findings.Select(descriptor => (descriptor.Id, Floor: descriptor.DefaultSeverity, Category: (string?)descriptor.Category))
                .Concat(styles.OrderBy(style => style.Key, StringComparer.Ordinal).Select(style => (Id: style.Key, Floor: style.Value, Category: (string?)null)));
            var lowered = new List<LoweredSeverity>();
            foreach (var (id, floor, category) in checkedIds)
            {
                var lowest = (Rank: Rank(floor), Source: (string?)null);
                void Consider(ReportDiagnostic report, string source)
                {
                    var rank = Rank(report);
                    if (rank < lowest.Rank)
                    {
                        lowest = (rank, source);
                    }
                }

                if (specific.TryGetValue(id, out var option))
                {
                    Consider(option, RunMark.CompilerOptions);
                }

                var global = ReportDiagnostic.Default;
                var named = provider != null && provider.TryGetGlobalDiagnosticValue(id, cancellationToken, out global);
                if (named)
                {
                    Consider(global, RunMark.AnalyzerConfig);
                }

                // A severity that names the ID wins over a category's or all analyzers' (docs: severity level precedence).
                var keys = category == null ? null : new[] { $"dotnet_analyzer_diagnostic.category-{category}.severity", "dotnet_analyzer_diagnostic.severity" };
                if (treeOptions.Count == 0 && !named && keys != null)
                {
                    Bulk(options.GlobalOptions, keys, Consider);
                }

                foreach (var (tree, treeConfig) in treeOptions)
                {
                    if (provider != null && provider.TryGetDiagnosticValue(tree, id, cancellationToken, out var perTree))
                    {
                        Consider(perTree, RunMark.AnalyzerConfig);
                    }
                    else if (!named && keys != null)
                    {
                        Bulk(treeConfig, keys, Consider);
                    }
                }

                if (lowest.Source != null)
                {
                    lowered.Add(new LoweredSeverity(id, Name(lowest.Rank), lowest.Source));
                }
            }

            return lowered;
        }

        /// <summary>The style rules' analyzers and the severity AgentGuard's style config sets for each ("IDE0008=warning,CA1507=error").</summary>
        internal static Dictionary<string, DiagnosticSeverity> StyleSeverities(AnalyzerConfigOptions global)
        {
            var styles = new Dictionary<string, DiagnosticSeverity>(StringComparer.OrdinalIgnoreCase);
            if (global.TryGetValue(StyleProperty, out var value))
            {
                foreach (var entry in value.Split(',', ';'))
                {
                    var parts = entry.Split('=');
                    if (parts.Length == 2 && parts[0].Trim().Length > 0 && Parse(parts[1]) is { } report && report != ReportDiagnostic.Suppress && report != ReportDiagnostic.Hidden)
                    {
                        styles[parts[0].Trim()] = report == ReportDiagnostic.Error ? DiagnosticSeverity.Error : report == ReportDiagnostic.Warn ? DiagnosticSeverity.Warning : DiagnosticSeverity.Info;
                    }
                }
            }

            return styles;
        }

        private static void Bulk(AnalyzerConfigOptions options, string[] keys, Action<ReportDiagnostic, string> consider)
        {
            foreach (var key in keys)
            {
                if (options.TryGetValue(key, out var value) && Parse(value) is { } report)
                {
                    consider(report, key.Contains("category-") ? RunMark.ByCategory : RunMark.ForAllAnalyzers);
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
