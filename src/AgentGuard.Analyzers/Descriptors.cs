using AgentGuard.Policy;
using Microsoft.CodeAnalysis;

namespace AgentGuard.Analyzers
{
    /// <summary>Every diagnostic AgentGuard's analyzers report, each with its documentation page.</summary>
    internal static class Descriptors
    {
        private const string GoldenRules = "AgentGuard.GoldenRules";

        public static readonly DiagnosticDescriptor BannedSymbol = new DiagnosticDescriptor(
            DiagnosticIds.BannedSymbol,
            title: "Symbol banned by a golden rule",
            messageFormat: "'{0}' is banned by a golden rule ({1} line {2}: \"{3}\")",
            category: GoldenRules,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "A rule in CLAUDE.md or AGENTS.md forbids this API. The message quotes the rule and names the file and line it comes from.",
            helpLinkUri: DiagnosticIds.HelpUri(DiagnosticIds.BannedSymbol));

        public static readonly DiagnosticDescriptor UnresolvableRuleTarget = new DiagnosticDescriptor(
            DiagnosticIds.UnresolvableRuleTarget,
            title: "Golden rule names an ambiguous symbol",
            messageFormat: "'{0}' in this golden rule matches {1} and is not enforced: write '{2}' or a documentation ID to name the one you mean",
            category: GoldenRules,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A rule target that matches several unrelated symbols is not guessed. Write it fully qualified or as a documentation comment ID.",
            helpLinkUri: DiagnosticIds.HelpUri(DiagnosticIds.UnresolvableRuleTarget));
    }
}
