using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AgentGuard.Analyzers.Builtins
{
    /// <summary>
    /// What every built-in check does the same way: skip generated code, run concurrently, and register its actions only
    /// when AgentGuard is on for the project (and this is not the explain compilation), with the project's
    /// <see cref="BuiltinContext"/>.
    /// </summary>
    public abstract class BuiltinAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public sealed override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var builtins = BuiltinContext.Create(start.Compilation, start.Options, start.TryGetValue, start.CancellationToken);
                if (builtins != null)
                {
                    Register(start, builtins);
                }
            });
        }

        /// <summary>The text a string literal or the text part of an interpolated string holds; empty for anything else.</summary>
        private protected static string StringValue(SyntaxNode node) =>
            node switch
            {
                LiteralExpressionSyntax literal => literal.Token.ValueText,
                InterpolatedStringTextSyntax interpolated => interpolated.TextToken.ValueText,
                _ => string.Empty,
            };

        /// <summary>
        /// True when the compilation can hold a test at all: it sees a test framework's test attribute (xUnit, NUnit,
        /// MSTest, TUnit). The test checks register nothing in any other compilation, so a library pays nothing for them.
        /// </summary>
        private protected static bool CanHoldTests(Compilation compilation, BuiltinContext builtins) => TestFrameworks.CanHoldTests(compilation, builtins.IsTestProject);

        /// <summary>Registers the check's actions for one compilation.</summary>
        private protected abstract void Register(CompilationStartAnalysisContext start, BuiltinContext builtins);
    }
}
