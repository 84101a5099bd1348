using Microsoft.CodeAnalysis.Diagnostics;

namespace AgentGuard.Analyzers.GoldenRules
{
    /// <summary>
    /// What every golden-rule analyzer does the same way: skip generated code, run concurrently, and register its
    /// actions only when the compilation has rule files and AgentGuard is on, with the compilation's <see cref="RuleContext"/>.
    /// </summary>
    public abstract class GoldenRuleAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public sealed override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var rules = RuleContext.Create(start.Compilation, start.Options, start.TryGetValue, start.CancellationToken, ForExplain);
                if (rules != null)
                {
                    Register(start, rules);
                }
            });
        }

        /// <summary>True for the analyzer that runs only in the explain compilation; the others never run there.</summary>
        private protected virtual bool ForExplain => false;

        /// <summary>Registers the analyzer's actions for one compilation.</summary>
        private protected abstract void Register(CompilationStartAnalysisContext context, RuleContext rules);
    }
}
