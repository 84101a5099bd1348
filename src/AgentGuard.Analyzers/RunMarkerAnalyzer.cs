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
                    var styles = GoldenRules.RuleContext.Create(compilation.Compilation, compilation.Options, compilation.TryGetValue, compilation.CancellationToken) is { } rules
                        ? StyleFloors(rules)
                        : new Dictionary<string, DiagnosticSeverity>();
                    var lowered = Lowered(compilation.Compilation, compilation.Options.AnalyzerConfigOptionsProvider, styles, compilation.CancellationToken);
                    compilation.ReportDiagnostic(Diagnostic.Create(Descriptors.AnalyzersRan, Location.None, RunMark.Format(lowered)));
                }
            });
        }

        /// <summary>The IDs the golden rules' style rules switch on (IDE0008, CA1507), each at the severity its rule asks for.</summary>
        private static Dictionary<string, DiagnosticSeverity> StyleFloors(GoldenRules.RuleContext rules)
        {
            var floors = new Dictionary<string, DiagnosticSeverity>(StringComparer.OrdinalIgnoreCase);
            foreach (var mapping in rules.Files.SelectMany(file => file.Rules.Rules).SelectMany(rule => rule.Styles))
            {
                var severity = mapping.Severity == RuleSeverity.Warning ? DiagnosticSeverity.Warning : mapping.Severity == RuleSeverity.Info ? DiagnosticSeverity.Info : DiagnosticSeverity.Error;
                foreach (var id in mapping.Ids)
                {
                    floors[id] = floors.TryGetValue(id, out var known) && known > severity ? known : severity;
                }
            }

            return floors;
        }

        /// <summary>
        /// Each finding whose severity some setting of this compilation puts below its default, as "AG0001=none (analyzer
        /// config)": the compiler's options (NoWarn, a rule set, /nowarn), the analyzer config of any file (an
        /// .editorconfig section, a global config), and the category and bulk severities of analyzer configs. The same for
        /// each ID a style rule switches on, below the severity its rule asks for.
        /// </summary>
        internal static IReadOnlyList<LoweredSeverity> Lowered(Compilation compilation, AnalyzerConfigOptionsProvider options, IReadOnlyDictionary<string, DiagnosticSeverity> styles, CancellationToken cancellationToken)
        {
            var provider = compilation.Options.SyntaxTreeOptionsProvider;
            var specific = compilation.Options.SpecificDiagnosticOptions;
            var treeOptions = compilation.SyntaxTrees.Select(tree => (Tree: tree, Options: options.GetOptions(tree))).ToList();
            var lowered = new List<LoweredSeverity>();
            var checkedIds = Descriptors.Findings.Select(descriptor => (descriptor.Id, Floor: descriptor.DefaultSeverity, Category: (string?)descriptor.Category))
                .Concat(styles.Select(style => (Id: style.Key, Floor: style.Value, Category: (string?)null)));
            foreach (var descriptor in checkedIds)
            {
                var floor = Rank(descriptor.Floor);
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

                // The SDK analyzers' categories are theirs to say: for a style rule's ID only the bulk severity is read.
                var keys = descriptor.Category == null
                    ? new[] { "dotnet_analyzer_diagnostic.severity" }
                    : new[] { $"dotnet_analyzer_diagnostic.category-{descriptor.Category}.severity", "dotnet_analyzer_diagnostic.severity" };
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
