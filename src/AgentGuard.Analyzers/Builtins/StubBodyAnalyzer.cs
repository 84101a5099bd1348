using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AgentGuard.Analyzers.Builtins
{
    /// <summary>
    /// AG1003: a member whose whole body is <c>throw new NotImplementedException()</c> (a block with only that
    /// statement, or <c>=&gt; throw ...</c>), in methods, accessors, constructors, operators and local functions, overrides
    /// included. <c>NotSupportedException</c> is a design decision and is not reported; neither is a throw in one branch.
    /// Test projects are skipped by default (fakes implement only what a test needs); <c>agentguard.AG1003.include_tests = true</c>
    /// includes them.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class StubBodyAnalyzer : BuiltinAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.StubBody, Descriptors.AgentGuardSuppression, Descriptors.KeptByBaseline);

        /// <inheritdoc />
        private protected override void Register(CompilationStartAnalysisContext start, BuiltinContext builtins)
        {
            // Looked up at the first member, not at compilation start, where the compiler may not have bound its references yet.
            var compilation = start.Compilation;
            var notImplementedType = new System.Lazy<INamedTypeSymbol?>(() => compilation.GetTypeByMetadataName("System.NotImplementedException"));
            start.RegisterSyntaxNodeAction(
                node =>
                {
                    if (notImplementedType.Value is { } notImplemented)
                    {
                        Analyze(node, builtins, notImplemented);
                    }
                },
                SyntaxKind.MethodDeclaration,
                SyntaxKind.ConstructorDeclaration,
                SyntaxKind.OperatorDeclaration,
                SyntaxKind.ConversionOperatorDeclaration,
                SyntaxKind.LocalFunctionStatement,
                SyntaxKind.GetAccessorDeclaration,
                SyntaxKind.SetAccessorDeclaration,
                SyntaxKind.InitAccessorDeclaration,
                SyntaxKind.AddAccessorDeclaration,
                SyntaxKind.RemoveAccessorDeclaration,
                SyntaxKind.PropertyDeclaration,
                SyntaxKind.IndexerDeclaration);
        }

        private static void Analyze(SyntaxNodeAnalysisContext context, BuiltinContext builtins, INamedTypeSymbol notImplemented)
        {
            if (builtins.IsTestProject && !builtins.OptionIsTrue(context.Node.SyntaxTree, "AG1003", "include_tests"))
            {
                return;
            }

            var (name, body, expression) = context.Node switch
            {
                MethodDeclarationSyntax method => (method.Identifier.ValueText, method.Body, method.ExpressionBody),
                ConstructorDeclarationSyntax constructor => (constructor.Identifier.ValueText, constructor.Body, constructor.ExpressionBody),
                OperatorDeclarationSyntax op => ("operator " + op.OperatorToken.ValueText, op.Body, op.ExpressionBody),
                ConversionOperatorDeclarationSyntax conversion => ("operator " + conversion.Type, conversion.Body, conversion.ExpressionBody),
                LocalFunctionStatementSyntax local => (local.Identifier.ValueText, local.Body, local.ExpressionBody),
                AccessorDeclarationSyntax accessor => (AccessorName(accessor), accessor.Body, accessor.ExpressionBody),
                PropertyDeclarationSyntax property => (property.Identifier.ValueText, null, property.ExpressionBody),
                IndexerDeclarationSyntax indexer => ("this[]", null, indexer.ExpressionBody),
                _ => (string.Empty, null, null),
            };

            var thrown = expression?.Expression is ThrowExpressionSyntax throwExpression ? throwExpression.Expression
                : body is { Statements.Count: 1 } && body.Statements[0] is ThrowStatementSyntax throwStatement ? throwStatement.Expression
                : null;
            if (thrown is not ObjectCreationExpressionSyntax creation)
            {
                return;
            }

            var type = context.SemanticModel.GetTypeInfo(creation, context.CancellationToken).Type;
            if (!SymbolEqualityComparer.Default.Equals(type, notImplemented) || IsOneWayContract(context.Node, name))
            {
                return;
            }

            var location = (SyntaxNode?)creation.Parent ?? creation;
            builtins.Report(context.ReportDiagnostic, Descriptors.StubBody, location.GetLocation(), context.Node.SyntaxTree, name);
        }

        /// <summary>
        /// Members an interface or base class imposes but the type does not support by design: explicit interface
        /// implementations, IValueConverter.ConvertBack, IEnumerator.Reset, a one-way JSON converter's Read/Write.
        /// </summary>
        private static bool IsOneWayContract(SyntaxNode member, string name)
        {
            if (member is MethodDeclarationSyntax { ExplicitInterfaceSpecifier: not null } || member is PropertyDeclarationSyntax { ExplicitInterfaceSpecifier: not null })
            {
                return true;
            }

            var typeName = member.FirstAncestorOrSelf<TypeDeclarationSyntax>()?.Identifier.ValueText ?? string.Empty;
            return name is "ConvertBack" or "Reset"
                || (name is "Read" or "Write" or "ReadJson" or "WriteJson" && typeName.EndsWith("Converter", System.StringComparison.Ordinal));
        }

        private static string AccessorName(AccessorDeclarationSyntax accessor)
        {
            var owner = accessor.Parent?.Parent switch
            {
                PropertyDeclarationSyntax property => property.Identifier.ValueText,
                EventDeclarationSyntax @event => @event.Identifier.ValueText,
                IndexerDeclarationSyntax => "this[]",
                _ => string.Empty,
            };
            return owner + "." + accessor.Keyword.ValueText;
        }
    }
}
