using System.Collections.Generic;
using System.Linq;
using AgentGuard.Analyzers.GoldenRules;
using AgentGuard.Analyzers.RuleFiles;
using AgentGuard.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AgentGuard.Analyzers.Builtins
{
    /// <summary>
    /// What a built-in check needs in one compilation: whether it is a test project, its options from
    /// <c>.editorconfig</c> (<c>agentguard.AG1001.markers = ...</c>), and the golden rules that escalate it to an error
    /// ("Never leave TODO comments" makes AG1001 an error that quotes the rule). The checks run without any rule file.
    /// </summary>
    internal sealed class BuiltinContext
    {
        private readonly AnalyzerOptions _options;
        private readonly RuleContext? _rules;
        private readonly Dictionary<string, List<(LoadedRuleFile File, GoldenRule Rule)>> _escalations = new Dictionary<string, List<(LoadedRuleFile, GoldenRule)>>();

        private readonly FindingReporter _findings;

        private BuiltinContext(Compilation compilation, AnalyzerOptions options, RuleContext? rules, bool isTestProject)
        {
            _findings = FindingReporter.For(compilation, options);
            _options = options;
            _rules = rules;
            IsTestProject = isTestProject;
            foreach (var file in rules?.Files ?? new List<LoadedRuleFile>())
            {
                foreach (var rule in file.Rules.Rules)
                {
                    foreach (var id in rule.Builtins)
                    {
                        if (!_escalations.TryGetValue(id, out var list))
                        {
                            _escalations[id] = list = new List<(LoadedRuleFile, GoldenRule)>();
                        }

                        list.Add((file, rule));
                    }
                }
            }
        }

        public bool IsTestProject { get; }

        /// <summary>The context, or null when AgentGuard is off for the project or this is the explain compilation.</summary>
        public static BuiltinContext? Create(Compilation compilation, AnalyzerOptions options, RuleFileCollector.CachedParse parse, System.Threading.CancellationToken cancellationToken)
        {
            if (!AnalyzerSettings.IsEnabled(options) || AnalyzerSettings.IsExplaining(options))
            {
                return null;
            }

            var rules = RuleContext.Create(compilation, options, parse, cancellationToken);
            return new BuiltinContext(compilation, options, rules, RuleContext.IsTest(compilation, options));
        }

        /// <summary>An <c>.editorconfig</c> option of a check, for the file at hand (<c>agentguard.ag1001.markers</c>).</summary>
        public string? Option(SyntaxTree tree, string id, string name) =>
            _options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue($"agentguard.{id.ToLowerInvariant()}.{name}", out var value) ? value.Trim() : null;

        public bool OptionIsTrue(SyntaxTree tree, string id, string name) =>
            string.Equals(Option(tree, id, name), "true", System.StringComparison.OrdinalIgnoreCase);

        /// <summary>Reports a finding made elsewhere, through the baseline and the blanket-pragma check like every other.</summary>
        public void ReportFinding(System.Action<Diagnostic> report, Diagnostic finding, System.Threading.CancellationToken cancellationToken) =>
            _findings.Report(report, finding, cancellationToken);

        /// <summary>Reports a finding: at its default severity, or as an error quoting the rule that forbids it.</summary>
        public void Report(System.Action<Diagnostic> report, DiagnosticDescriptor descriptor, Location location, SyntaxTree tree, params object[] arguments) =>
            ReportAbout(report, descriptor, location, tree, subjects: null, arguments);

        /// <summary>
        /// Reports a finding about <paramref name="subjects"/> (the IDs a suppression silences): a rule that names IDs
        /// ("never suppress the reliability warnings (CA2xxx)") escalates the findings about those IDs only.
        /// </summary>
        public void ReportAbout(System.Action<Diagnostic> report, DiagnosticDescriptor descriptor, Location location, SyntaxTree tree, IReadOnlyList<string>? subjects, params object[] arguments)
        {
            var escalation = EscalationFor(descriptor.Id, tree, subjects);
            var messageArguments = new List<object>(arguments);
            messageArguments.Insert(1, escalation == null ? string.Empty : $" (forbidden by a golden rule: {escalation.Value.File.DisplayPath} line {escalation.Value.Rule.Line}: \"{RuleQuote.Of(escalation.Value.Rule)}\")");
            _findings.Report(
                report,
                Diagnostic.Create(
                    descriptor,
                    location,
                    escalation == null ? descriptor.DefaultSeverity : EscalatedSeverity(escalation.Value.Rule),
                    additionalLocations: escalation == null ? null : new[] { escalation.Value.File.LocationOf(escalation.Value.Rule) },
                    properties: null,
                    messageArguments.ToArray()),
                System.Threading.CancellationToken.None);
        }

        /// <summary>A rule that forbids what a check finds makes it an error, or what the rule's own severity says.</summary>
        private static DiagnosticSeverity EscalatedSeverity(GoldenRule rule) =>
            rule.EffectiveSeverity switch
            {
                RuleSeverity.Warning => DiagnosticSeverity.Warning,
                RuleSeverity.Info => DiagnosticSeverity.Info,
                _ => DiagnosticSeverity.Error,
            };

        private (LoadedRuleFile File, GoldenRule Rule)? EscalationFor(string id, SyntaxTree tree, IReadOnlyList<string>? subjects)
        {
            if (_rules == null || !_escalations.TryGetValue(id, out var rules))
            {
                return null;
            }

            foreach (var (file, rule) in rules)
            {
                if (_rules.Applies(file, rule, tree) && (rule.BuiltinSubjects.Count == 0 || (subjects != null && subjects.Any(subject => BuiltinSubjects.Match(rule.BuiltinSubjects, subject)))))
                {
                    return (file, rule);
                }
            }

            return null;
        }
    }
}
