using System;
using System.Collections.Generic;
using System.Threading;
using AgentGuard.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AgentGuard.Analyzers.GoldenRules
{
    /// <summary>
    /// The severities and options the project's own .editorconfig files give one source file, as the explain compilation
    /// sees them (without the rules' config): where one sets a key a style rule sets, otherwise, it overrides the rule,
    /// since an .editorconfig wins over a global config. The SDK's analysis-level configs set severities for the whole
    /// compilation only, so they are not mistaken for the project's.
    /// </summary>
    internal sealed class EffectiveOptions
    {
        private readonly Compilation _compilation;
        private readonly AnalyzerOptions _options;
        private readonly SyntaxTree? _tree;
        private readonly CancellationToken _cancellation;

        public EffectiveOptions(Compilation compilation, AnalyzerOptions options, SyntaxTree? tree, CancellationToken cancellation)
        {
            _compilation = compilation;
            _options = options;
            _tree = tree;
            _cancellation = cancellation;
        }

        /// <summary>The first key the project sets otherwise than <paramref name="style"/> does, with the project's value; null when none.</summary>
        public KeyValuePair<string, string>? Overridden(StyleMapping style, GoldenRule rule)
        {
            if (_tree == null)
            {
                return null;
            }

            var wanted = rule.Severity != RuleSeverity.Default ? rule.Severity : style.Severity;
            var provider = _compilation.Options.SyntaxTreeOptionsProvider;
            foreach (var id in style.Ids)
            {
                if (provider != null
                    && provider.TryGetDiagnosticValue(_tree, id, _cancellation, out var severity)
                    && severity != ReportOf(wanted))
                {
                    return new KeyValuePair<string, string>("dotnet_diagnostic." + id + ".severity", NameOf(severity));
                }
            }

            var treeOptions = _options.AnalyzerConfigOptionsProvider.GetOptions(_tree);
            foreach (var option in style.Options)
            {
                if (treeOptions.TryGetValue(option.Key, out var value) && !string.Equals(WithoutSeverity(value), WithoutSeverity(option.Value), StringComparison.OrdinalIgnoreCase))
                {
                    return new KeyValuePair<string, string>(option.Key, value);
                }
            }

            return null;
        }

        private static string WithoutSeverity(string value)
        {
            // "false:error" is the value false with an IDE-only severity.
            var colon = value.LastIndexOf(':');
            var suffix = colon > 0 ? value.Substring(colon + 1).Trim().ToLowerInvariant() : string.Empty;
            return (suffix is "error" or "warning" or "suggestion" or "silent" or "none" or "info" or "hidden" or "default" ? value.Substring(0, colon) : value).Trim();
        }

        private static ReportDiagnostic ReportOf(RuleSeverity severity) =>
            severity == RuleSeverity.Warning ? ReportDiagnostic.Warn : severity == RuleSeverity.Info ? ReportDiagnostic.Info : ReportDiagnostic.Error;

        private static string NameOf(ReportDiagnostic severity) => severity switch
        {
            ReportDiagnostic.Error => "error",
            ReportDiagnostic.Warn => "warning",
            ReportDiagnostic.Info => "suggestion",
            ReportDiagnostic.Hidden => "silent",
            ReportDiagnostic.Suppress => "none",
            _ => "default",
        };
    }
}
