using System;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AgentGuard.Analyzers
{
    /// <summary>The MSBuild properties the package's props make visible to the analyzers.</summary>
    internal static class AnalyzerSettings
    {
        private const string EnabledProperty = "build_property.AgentGuardEnabled";
        private const string ExplainProperty = "build_property.AgentGuardExplain";

        /// <summary>False when the project sets <c>AgentGuardEnabled=false</c>.</summary>
        public static bool IsEnabled(AnalyzerOptions options) =>
            !options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(EnabledProperty, out var value)
            || !string.Equals(value.Trim(), "false", StringComparison.OrdinalIgnoreCase);

        /// <summary>True in the compilation the explain target runs: only the explanation is reported there.</summary>
        public static bool IsExplaining(AnalyzerOptions options) =>
            options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(ExplainProperty, out var value)
            && string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);
    }
}
