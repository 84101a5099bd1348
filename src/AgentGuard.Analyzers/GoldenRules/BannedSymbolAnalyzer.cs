using System.Collections.Immutable;
using System.Linq;
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
    public sealed class BannedSymbolAnalyzer : GoldenRuleAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.BannedSymbol, Descriptors.UnresolvableRuleTarget, Descriptors.AgentGuardSuppression, Descriptors.KeptByBaseline);

        /// <inheritdoc />
        private protected override void Register(CompilationStartAnalysisContext context, RuleContext rules)
        {
            var table = BanTable.Build(context.Compilation, rules);
            if (table.Unenforceable.Count > 0)
            {
                context.RegisterAdditionalFileAction(fileContext => ReportUnenforceable(fileContext, table));
            }

            if (!table.IsEmpty)
            {
                // One pass over each file's identifier tokens, the semantic model asked only for names a ban could
                // be spelled with: far cheaper than a callback for every identifier node.
                context.RegisterSemanticModelAction(modelContext => AnalyzeTree(modelContext, table));
            }
        }

        private static void AnalyzeTree(SemanticModelAnalysisContext context, BanTable table)
        {
            var root = context.SemanticModel.SyntaxTree.GetRoot(context.CancellationToken);
            foreach (var token in root.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.IdentifierToken) && table.MayBeBanned(token.ValueText) && token.Parent is SimpleNameSyntax name)
                {
                    AnalyzeName(new UseSite(context, name), table);
                }
            }

            if (table.HasConstructionBans)
            {
                foreach (var creation in root.DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>())
                {
                    if (CreatedTypeName(creation) is not { } typeName || table.MayBeBannedConstruction(typeName))
                    {
                        AnalyzeCreation(new UseSite(context, creation), table);
                    }
                }
            }
        }

        /// <summary>
        /// The name of the type a <c>new</c> creates, read from syntax: <c>new T()</c>, or the declared type a target-typed
        /// <c>new()</c> initializes. Null when only the semantic model can tell (<c>Use(new())</c>).
        /// </summary>
        private static string? CreatedTypeName(BaseObjectCreationExpressionSyntax creation)
        {
            var type = creation switch
            {
                ObjectCreationExpressionSyntax explicitCreation => explicitCreation.Type,
                _ => creation.Parent switch
                {
                    EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } } => declaration.Type,
                    EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } => property.Type,
                    _ => null,
                },
            };

            return type switch
            {
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
                NullableTypeSyntax { ElementType: SimpleNameSyntax element } => element.Identifier.ValueText,
                _ => null,
            };
        }

        private static void AnalyzeName(UseSite context, BanTable table)
        {
            var name = (SimpleNameSyntax)context.Node;
            if (name.IsVar)
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

        private static void AnalyzeCreation(UseSite context, BanTable table)
        {
            var creation = (BaseObjectCreationExpressionSyntax)context.Node;
            var type = context.SemanticModel.GetTypeInfo(creation, context.CancellationToken).Type;
            var constructor = context.SemanticModel.GetSymbolInfo(creation, context.CancellationToken).Symbol as IMethodSymbol;
            var ban = table.FindConstruction(type, creation.SyntaxTree, context.ContainingSymbol, constructor);
            if (ban == null)
            {
                return;
            }

            var end = creation is ObjectCreationExpressionSyntax explicitCreation ? explicitCreation.Type.Span.End : creation.NewKeyword.Span.End;
            Report(context, Location.Create(creation.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(creation.SpanStart, end)), ban);
        }

        private static Ban? FindUse(SimpleNameSyntax name, BanTable table, UseSite context)
        {
            var model = context.SemanticModel;
            var symbol = model.GetSymbolInfo(name, context.CancellationToken).Symbol;
            return symbol == null ? null : table.FindUse(symbol, () => ReceiverType(name, model, context), name.SyntaxTree, context.ContainingSymbol);
        }

        /// <summary>The type a member is reached through: <c>random</c>'s type in <c>random.Next()</c>, <c>Console</c> in <c>Console.Out</c>.</summary>
        private static ITypeSymbol? ReceiverType(SimpleNameSyntax name, SemanticModel model, UseSite context)
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

        private static void Report(UseSite context, Location location, Ban ban) =>
            FindingReporter.For(context.SemanticModel.Compilation, context.Options).Report(context.ReportDiagnostic, Diagnostic.Create(
                Descriptors.BannedSymbol,
                location,
                RuleSeverities.Of(ban.Rule, Descriptors.BannedSymbol),
                additionalLocations: new[] { ban.File.LocationOf(ban.Rule) },
                properties: null,
                ban.Target.Text,
                ban.File.DisplayPath,
                ban.Rule.Line,
                RuleQuote.Of(ban.Rule)),
                context.CancellationToken);

        /// <summary>Names inside a doc comment <c>cref</c>, <c>nameof(...)</c> or a namespace declaration mention a symbol without using it.</summary>
        private static bool IsMention(SimpleNameSyntax name, SemanticModel model, UseSite context)
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

        /// <summary>A node a ban may be used at, with what the checks need from the semantic model action.</summary>
        private readonly struct UseSite
        {
            private readonly SemanticModelAnalysisContext _context;

            public UseSite(SemanticModelAnalysisContext context, SyntaxNode node)
            {
                _context = context;
                Node = node;
            }

            public SyntaxNode Node { get; }

            public SemanticModel SemanticModel => _context.SemanticModel;

            public AnalyzerOptions Options => _context.Options;

            public System.Threading.CancellationToken CancellationToken => _context.CancellationToken;

            /// <summary>The declaration the use is written in, so a banned type's own code is not a use of it.</summary>
            public ISymbol? ContainingSymbol => _context.SemanticModel.GetEnclosingSymbol(Node.SpanStart, _context.CancellationToken);

            public void ReportDiagnostic(Diagnostic diagnostic) => _context.ReportDiagnostic(diagnostic);
        }

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
