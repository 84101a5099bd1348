using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AgentGuard.Analyzers.GoldenRules
{
    /// <summary>
    /// AG0001: a use of a symbol that a golden rule bans ("Never use `DateTime.Now`"). A use is any name in code that
    /// binds to the symbol, a member reached through a banned type, or anything in a banned namespace: calls, member
    /// access, <c>new</c>, <c>typeof</c>, declarations, type arguments, base lists, <c>using</c> directives. A
    /// construction ban (<c>new HttpClient()</c>) reports only <c>new</c>. Mentions in strings, comments, XML doc
    /// <c>cref</c>s and <c>nameof</c> are not uses, and neither is the banned type's own code.
    /// AG0011: a rule target that fits several unrelated symbols or does not parse, on the rule's own line.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class BannedSymbolAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.BannedSymbol, Descriptors.UnresolvableRuleTarget);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var rules = RuleContext.Create(context.Compilation, context.Options, context.TryGetValue, context.CancellationToken);
            if (rules == null)
            {
                return;
            }

            var table = BanTable.Build(context.Compilation, rules);
            if (table.Unenforceable.Count > 0)
            {
                context.RegisterAdditionalFileAction(fileContext => ReportUnenforceable(fileContext, table));
            }

            if (!table.IsEmpty)
            {
                context.RegisterSyntaxNodeAction(nodeContext => AnalyzeName(nodeContext, table), SyntaxKind.IdentifierName, SyntaxKind.GenericName);
            }

            if (table.HasConstructionBans)
            {
                context.RegisterSyntaxNodeAction(nodeContext => AnalyzeCreation(nodeContext, table), SyntaxKind.ObjectCreationExpression, SyntaxKind.ImplicitObjectCreationExpression);
            }
        }

        private static void AnalyzeName(SyntaxNodeAnalysisContext context, BanTable table)
        {
            var name = (SimpleNameSyntax)context.Node;
            if (!table.MayBeBanned(name.Identifier.ValueText) || name.IsVar)
            {
                return;
            }

            var ban = FindUse(name, table, context);
            if (ban == null || IsMention(name, context.SemanticModel, context))
            {
                return;
            }

            // `System.Net.Http.HttpClient`: the name is reported as the whole qualified access it ends.
            var reported = IsRightOfQualifiedAccess(name) ? name.Parent! : name;

            // In `Console.Out.WriteLine` with `Console` banned, report once, on the longest banned access.
            if (QualifiedAccessRightOf(reported) is { } outerName && FindUse(outerName, table, context) != null)
            {
                return;
            }

            Report(context, reported.GetLocation(), ban);
        }

        private static void AnalyzeCreation(SyntaxNodeAnalysisContext context, BanTable table)
        {
            var creation = (BaseObjectCreationExpressionSyntax)context.Node;
            var type = context.SemanticModel.GetTypeInfo(creation, context.CancellationToken).Type;
            var ban = table.FindConstruction(type, creation.SyntaxTree, context.ContainingSymbol);
            if (ban == null)
            {
                return;
            }

            var end = creation is ObjectCreationExpressionSyntax explicitCreation ? explicitCreation.Type.Span.End : creation.NewKeyword.Span.End;
            Report(context, Location.Create(creation.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(creation.SpanStart, end)), ban);
        }

        private static Ban? FindUse(SimpleNameSyntax name, BanTable table, SyntaxNodeAnalysisContext context)
        {
            var model = context.SemanticModel;
            var symbol = model.GetSymbolInfo(name, context.CancellationToken).Symbol;
            return symbol == null ? null : table.FindUse(symbol, ReceiverType(name, model, context), name.SyntaxTree, context.ContainingSymbol);
        }

        /// <summary>The type a member is reached through: <c>random</c>'s type in <c>random.Next()</c>, <c>Console</c> in <c>Console.Out</c>.</summary>
        private static ITypeSymbol? ReceiverType(SimpleNameSyntax name, SemanticModel model, SyntaxNodeAnalysisContext context)
        {
            switch (name.Parent)
            {
                case MemberAccessExpressionSyntax access when access.Name == name:
                    return model.GetTypeInfo(access.Expression, context.CancellationToken).Type;
                case MemberBindingExpressionSyntax binding when binding.Name == name && binding.FirstAncestorOrSelf<ConditionalAccessExpressionSyntax>() is { } conditional:
                    return model.GetTypeInfo(conditional.Expression, context.CancellationToken).Type;
                default:
                    return null;
            }
        }

        private static void Report(SyntaxNodeAnalysisContext context, Location location, Ban ban) =>
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.BannedSymbol,
                location,
                RuleSeverities.Of(ban.Rule, Descriptors.BannedSymbol),
                additionalLocations: new[] { ban.File.LocationOf(ban.Rule) },
                properties: null,
                ban.Target.Text,
                ban.File.DisplayPath,
                ban.Rule.Line,
                RuleQuote.Of(ban.Rule)));

        /// <summary>Names inside a doc comment <c>cref</c>, <c>nameof(...)</c> or a namespace declaration mention a symbol without using it.</summary>
        private static bool IsMention(SimpleNameSyntax name, SemanticModel model, SyntaxNodeAnalysisContext context)
        {
            foreach (var ancestor in name.Ancestors(ascendOutOfTrivia: false))
            {
                switch (ancestor)
                {
                    case StructuredTriviaSyntax:
                        return true;
                    case BaseNamespaceDeclarationSyntax declaration:
                        // `namespace Legacy.Data` declares the namespace; it is not a use of it.
                        return declaration.Name.Span.Contains(name.Span);
                    case InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } nameOf }
                        when model.GetSymbolInfo(nameOf, context.CancellationToken).Symbol == null:
                        return true;
                    case StatementSyntax:
                    case MemberDeclarationSyntax:
                        return false;
                }
            }

            return false;
        }

        private static bool IsRightOfQualifiedAccess(SimpleNameSyntax name) =>
            name.Parent is MemberAccessExpressionSyntax access && access.Name == name
            || name.Parent is QualifiedNameSyntax qualified && qualified.Right == name
            || name.Parent is AliasQualifiedNameSyntax alias && alias.Name == name;

        /// <summary>When <paramref name="node"/> qualifies a longer access (<c>Console</c> in <c>Console.Out</c>), that access's name.</summary>
        private static SimpleNameSyntax? QualifiedAccessRightOf(SyntaxNode node) =>
            node.Parent switch
            {
                MemberAccessExpressionSyntax access when access.Expression == node => access.Name,
                QualifiedNameSyntax qualified when qualified.Left == node => qualified.Right,
                _ => null,
            };

        private static void ReportUnenforceable(AdditionalFileAnalysisContext context, BanTable table)
        {
            foreach (var target in table.Unenforceable)
            {
                if (target.File.File.Path == context.AdditionalFile.Path)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnresolvableRuleTarget, target.File.LocationOf(target.Rule), target.Message));
                }
            }
        }
    }
}
