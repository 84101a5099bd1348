using System.Collections.Immutable;
using System.Linq;
using AgentGuard.Analyzers.RuleFiles;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AgentGuard.Analyzers.GoldenRules
{
    /// <summary>
    /// AG0001: a use of a symbol that a golden rule bans ("Never use `DateTime.Now`"). A use is any name in
    /// code that binds to the symbol, a member of a banned type, or anything in a banned namespace: calls,
    /// member access, <c>new</c>, <c>typeof</c>, declarations, type arguments, base lists, <c>using</c>
    /// directives. Mentions in strings, comments, XML doc <c>cref</c>s and <c>nameof</c> are not uses.
    /// AG0011: a rule target that fits several unrelated symbols, on the rule's own line.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class BannedSymbolAnalyzer : DiagnosticAnalyzer
    {
        private const int MaxQuotedRuleLength = 160;

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
            if (!AnalyzerSettings.IsEnabled(context.Options))
            {
                return;
            }

            var files = RuleFileCollector.Collect(context.Options, context.TryGetValue, context.CancellationToken);
            if (files.Count == 0)
            {
                return;
            }

            var table = BanTable.Build(context.Compilation, files);
            if (table.Ambiguous.Count > 0)
            {
                context.RegisterAdditionalFileAction(fileContext => ReportAmbiguousTargets(fileContext, table));
            }

            if (!table.IsEmpty)
            {
                context.RegisterSyntaxNodeAction(nodeContext => AnalyzeName(nodeContext, table), SyntaxKind.IdentifierName, SyntaxKind.GenericName);
            }
        }

        private static void AnalyzeName(SyntaxNodeAnalysisContext context, BanTable table)
        {
            var name = (SimpleNameSyntax)context.Node;
            if (!table.MayBeBanned(name.Identifier.ValueText) || name.IsVar)
            {
                return;
            }

            var model = context.SemanticModel;
            var ban = table.Find(model.GetSymbolInfo(name, context.CancellationToken).Symbol);
            if (ban == null || IsMention(name, model, context))
            {
                return;
            }

            // `System.Net.Http.HttpClient`: the name is reported as the whole qualified access it ends.
            var reported = IsRightOfQualifiedAccess(name) ? name.Parent! : name;

            // In `Console.Out.WriteLine` with `Console` banned, report once, on the longest banned access.
            if (QualifiedAccessRightOf(reported) is { } outerName
                && table.Find(model.GetSymbolInfo(outerName, context.CancellationToken).Symbol) != null)
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.BannedSymbol,
                reported.GetLocation(),
                RuleSeverities.Of(ban.Rule, Descriptors.BannedSymbol),
                additionalLocations: new[] { ban.File.LocationOf(ban.Rule) },
                properties: null,
                ban.Target.Text,
                ban.File.DisplayPath,
                ban.Rule.Line,
                Quote(ban.Rule.Text)));
        }

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

        private static void ReportAmbiguousTargets(AdditionalFileAnalysisContext context, BanTable table)
        {
            foreach (var ambiguous in table.Ambiguous.Where(a => a.File.File.Path == context.AdditionalFile.Path))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.UnresolvableRuleTarget,
                    ambiguous.File.LocationOf(ambiguous.Rule),
                    ambiguous.Target.Text,
                    BanTable.OwnerList(ambiguous),
                    BanTable.Suggestion(ambiguous)));
            }
        }

        private static string Quote(string ruleText) =>
            ruleText.Length <= MaxQuotedRuleLength ? ruleText : ruleText.Substring(0, MaxQuotedRuleLength - 1).TrimEnd() + "…";
    }
}
