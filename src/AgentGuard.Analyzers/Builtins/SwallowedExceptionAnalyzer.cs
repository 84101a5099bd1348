using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AgentGuard.Analyzers.Builtins
{
    /// <summary>
    /// AG1008: a catch that swallows the exception. Reported: an empty catch with no comment saying why; a catch of
    /// <c>Exception</c> (or a bare <c>catch</c>) whose body neither throws, uses the exception, logs, assigns anything,
    /// nor returns anything but success. Not reported: cancellation (<c>OperationCanceledException</c>,
    /// <c>TaskCanceledException</c>), a <c>when</c> filter, a specific exception handled by a non-empty body, catches in
    /// <c>Dispose</c> and finalizers, and an empty catch of a specific exception in a test project.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SwallowedExceptionAnalyzer : BuiltinAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SwallowedException, Descriptors.AgentGuardSuppression, Descriptors.KeptByBaseline);

        /// <inheritdoc />
        private protected override void Register(CompilationStartAnalysisContext start, BuiltinContext builtins)
        {
            // Looked up at the first catch, not at compilation start, where the compiler may not have bound its references yet.
            var compilation = start.Compilation;
            var types = new System.Lazy<(INamedTypeSymbol? Exception, INamedTypeSymbol? Canceled)>(
                () => (compilation.GetTypeByMetadataName("System.Exception"), compilation.GetTypeByMetadataName("System.OperationCanceledException")));
            start.RegisterSyntaxNodeAction(
                node =>
                {
                    if (types.Value.Exception is { } exception)
                    {
                        Analyze(node, builtins, exception, types.Value.Canceled);
                    }
                },
                SyntaxKind.CatchClause);
        }

        private static void Analyze(SyntaxNodeAnalysisContext context, BuiltinContext builtins, INamedTypeSymbol exception, INamedTypeSymbol? canceled)
        {
            var clause = (CatchClauseSyntax)context.Node;
            if (clause.Filter != null)
            {
                // "catch (Exception e) when (IsTransient(e))" chooses what it handles.
                return;
            }

            var caught = clause.Declaration == null ? exception : context.SemanticModel.GetTypeInfo(clause.Declaration.Type, context.CancellationToken).Type;
            if (caught == null || (canceled != null && DerivesFrom(caught, canceled)))
            {
                return;
            }

            // Best-effort cleanup in Dispose and finalizers may not throw.
            var enclosing = clause.FirstAncestorOrSelf<MemberDeclarationSyntax>();
            if (enclosing is DestructorDeclarationSyntax
                || enclosing is MethodDeclarationSyntax { Identifier.ValueText: "Dispose" or "DisposeAsync" })
            {
                return;
            }

            var typeName = caught.Name;
            string? finding = null;
            if (clause.Block.Statements.Count == 0)
            {
                // A test that expects a specific exception catches it and moves on.
                var expectedInTest = builtins.IsTestProject && !SymbolEqualityComparer.Default.Equals(caught, exception);
                if (!HasComment(clause) && !expectedInTest)
                {
                    finding = $"Empty catch swallows {typeName}";
                }
            }
            else if (SymbolEqualityComparer.Default.Equals(caught, exception) && !Handles(clause, context.SemanticModel, context))
            {
                finding = $"catch ({typeName}) neither rethrows, logs nor records the exception";
            }

            if (finding != null)
            {
                var end = clause.Declaration?.Span.End ?? clause.CatchKeyword.Span.End;
                builtins.Report(context.ReportDiagnostic, Descriptors.SwallowedException, Location.Create(clause.SyntaxTree, TextSpan.FromBounds(clause.CatchKeyword.SpanStart, end)), clause.SyntaxTree, finding);
            }
        }

        /// <summary>Throws, uses the exception, logs or reports, or returns something other than success.</summary>
        private static bool Handles(CatchClauseSyntax clause, SemanticModel model, SyntaxNodeAnalysisContext context)
        {
            var variable = clause.Declaration?.Identifier.ValueText;
            foreach (var node in clause.Block.DescendantNodes())
            {
                switch (node)
                {
                    case ThrowStatementSyntax:
                    case ThrowExpressionSyntax:
                        return true;
                    case IdentifierNameSyntax identifier when variable != null && identifier.Identifier.ValueText == variable:
                        return true;
                    case ReturnStatementSyntax { Expression: { } returned } when !returned.IsKind(SyntaxKind.TrueLiteralExpression):
                        return true;
                    case AssignmentExpressionSyntax:
                        // "ok = false", "_lastError = ...": the failure is recorded for the code after the try.
                        return true;
                    case InvocationExpressionSyntax invocation when IsLogging(invocation, model, context):
                        return true;
                }
            }

            return false;
        }

        private static bool IsLogging(InvocationExpressionSyntax invocation, SemanticModel model, SyntaxNodeAnalysisContext context)
        {
            var name = invocation.Expression switch
            {
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => string.Empty,
            };
            if (name.StartsWith("Log", System.StringComparison.Ordinal) || name.StartsWith("Trace", System.StringComparison.Ordinal)
                || name.StartsWith("Report", System.StringComparison.Ordinal) || name.StartsWith("Record", System.StringComparison.Ordinal)
                || name.StartsWith("Track", System.StringComparison.Ordinal) || name.StartsWith("Capture", System.StringComparison.Ordinal)
                || name.StartsWith("Fail", System.StringComparison.Ordinal) || name.StartsWith("Notify", System.StringComparison.Ordinal))
            {
                return true;
            }

            var method = model.GetSymbolInfo(invocation, context.CancellationToken).Symbol as IMethodSymbol;
            var type = method?.ContainingType;
            if (type == null)
            {
                return false;
            }

            // ILogger and its extensions, System.Diagnostics.Trace/Debug, Console.Error.
            return type.Name.Contains("Logger") || type.Name == "LoggerExtensions"
                || (type.ContainingNamespace?.ToDisplayString() == "System.Diagnostics" && (type.Name == "Trace" || type.Name == "Debug"))
                || (invocation.Expression is MemberAccessExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Error" } });
        }

        /// <summary>A comment inside the braces, after them on the line, or above the catch or its try says why.</summary>
        private static bool HasComment(CatchClauseSyntax clause) =>
            ((clause.Parent as TryStatementSyntax)?.TryKeyword.LeadingTrivia ?? default)
                .Concat(clause.CatchKeyword.LeadingTrivia)
                .Concat(clause.Block.OpenBraceToken.LeadingTrivia)
                .Concat(clause.Block.OpenBraceToken.TrailingTrivia)
                .Concat(clause.Block.CloseBraceToken.LeadingTrivia)
                .Concat(clause.Block.CloseBraceToken.TrailingTrivia)
                .Any(trivia => trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia));

        private static bool DerivesFrom(ITypeSymbol type, INamedTypeSymbol baseType)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, baseType))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
