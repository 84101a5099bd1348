using AgentGuard.Policy;
using Microsoft.CodeAnalysis;

namespace AgentGuard.Analyzers
{
    /// <summary>The severity a rule's findings are reported at. <c>.editorconfig</c> and <c>NoWarn</c> still override it per ID.</summary>
    internal static class RuleSeverities
    {
        public static DiagnosticSeverity Of(GoldenRule rule, DiagnosticDescriptor descriptor) =>
            rule.EffectiveSeverity switch
            {
                RuleSeverity.Error => DiagnosticSeverity.Error,
                RuleSeverity.Warning => DiagnosticSeverity.Warning,
                RuleSeverity.Info => DiagnosticSeverity.Info,
                _ => descriptor.DefaultSeverity,
            };
    }
}
