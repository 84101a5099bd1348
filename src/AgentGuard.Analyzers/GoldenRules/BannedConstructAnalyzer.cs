using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AgentGuard.Analyzers.RuleFiles;
using AgentGuard.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AgentGuard.Analyzers.GoldenRules
{
    /// <summary>
    /// AG0002: a C# construct that a golden rule bans ("Never use `async void`", "No `#region`s", "Don't block on
    /// async code with `.Result`"). Each construct of the table has one precise detector, registered only when a rule
    /// bans it. <c>async void</c> event handlers and overrides are exempt: their signature is not the author's choice.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class BannedConstructAnalyzer : GoldenRuleAnalyzer
    {
        private static readonly Dictionary<BannedConstruct, string> Display = new Dictionary<BannedConstruct, string>
        {
            [BannedConstruct.AsyncVoid] = "async void",
            [BannedConstruct.Dynamic] = "dynamic",
            [BannedConstruct.Goto] = "goto",
            [BannedConstruct.Region] = "#region",
            [BannedConstruct.NullableDisable] = "#nullable disable",
            [BannedConstruct.PragmaWarningDisable] = "#pragma warning disable",
            [BannedConstruct.NullForgiving] = "the null-forgiving operator '!'",
            [BannedConstruct.NullLiteralForgiving] = "null!",
            [BannedConstruct.LockThis] = "lock (this)",
            [BannedConstruct.TaskResult] = ".Result",
            [BannedConstruct.TaskWait] = ".Wait()",
            [BannedConstruct.GetAwaiterGetResult] = ".GetAwaiter().GetResult()",
            [BannedConstruct.Unsafe] = "unsafe",
        };

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.BannedConstruct, Descriptors.AgentGuardSuppression, Descriptors.KeptByBaseline);

        /// <inheritdoc />
        private protected override void Register(CompilationStartAnalysisContext context, RuleContext rules)
        {
            var bans = new Dictionary<BannedConstruct, List<(LoadedRuleFile File, GoldenRule Rule)>>();
            foreach (var file in rules.Files)
            {
                foreach (var rule in file.Rules.Rules)
                {
                    foreach (var construct in rule.Constructs)
                    {
                        if (!bans.TryGetValue(construct, out var list))
                        {
                            bans[construct] = list = new List<(LoadedRuleFile, GoldenRule)>();
                        }

                        list.Add((file, rule));
                    }
                }
            }

            if (bans.Count == 0)
            {
                return;
            }

            var checker = new ConstructChecker(rules, bans, FindingReporter.For(context.Compilation, context.Options));
            if (bans.ContainsKey(BannedConstruct.AsyncVoid))
            {
                context.RegisterSyntaxNodeAction(checker.AsyncVoid, SyntaxKind.MethodDeclaration, SyntaxKind.LocalFunctionStatement);
            }

            if (bans.ContainsKey(BannedConstruct.Goto))
            {
                context.RegisterSyntaxNodeAction(checker.Goto, SyntaxKind.GotoStatement, SyntaxKind.GotoCaseStatement, SyntaxKind.GotoDefaultStatement);
            }

            if (bans.ContainsKey(BannedConstruct.NullForgiving) || bans.ContainsKey(BannedConstruct.NullLiteralForgiving))
            {
                context.RegisterSyntaxNodeAction(checker.NullForgiving, SyntaxKind.SuppressNullableWarningExpression);
            }

            if (bans.ContainsKey(BannedConstruct.LockThis))
            {
                context.RegisterSyntaxNodeAction(checker.LockThis, SyntaxKind.LockStatement);
            }

            if (bans.ContainsKey(BannedConstruct.Dynamic) || bans.ContainsKey(BannedConstruct.TaskResult)
                || bans.ContainsKey(BannedConstruct.TaskWait) || bans.ContainsKey(BannedConstruct.GetAwaiterGetResult))
            {
                context.RegisterSyntaxNodeAction(checker.Name, SyntaxKind.IdentifierName);
            }

            if (bans.ContainsKey(BannedConstruct.Region) || bans.ContainsKey(BannedConstruct.NullableDisable)
                || bans.ContainsKey(BannedConstruct.PragmaWarningDisable) || bans.ContainsKey(BannedConstruct.Unsafe))
            {
                context.RegisterSyntaxTreeAction(checker.Tree);
            }
        }

        private sealed class ConstructChecker
        {
            private readonly RuleContext _rules;
            private readonly Dictionary<BannedConstruct, List<(LoadedRuleFile File, GoldenRule Rule)>> _bans;
            private readonly FindingReporter _findings;

            public ConstructChecker(RuleContext rules, Dictionary<BannedConstruct, List<(LoadedRuleFile File, GoldenRule Rule)>> bans, FindingReporter findings)
            {
                _rules = rules;
                _bans = bans;
                _findings = findings;
            }

            public void AsyncVoid(SyntaxNodeAnalysisContext context)
            {
                var (modifiers, returnType, parameters) = context.Node switch
                {
                    MethodDeclarationSyntax method => (method.Modifiers, method.ReturnType, method.ParameterList),
                    LocalFunctionStatementSyntax local => (local.Modifiers, local.ReturnType, local.ParameterList),
                    _ => default,
                };
                var asyncKeyword = modifiers.FirstOrDefault(m => m.IsKind(SyntaxKind.AsyncKeyword));
                if (returnType is not PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword } || !asyncKeyword.IsKind(SyntaxKind.AsyncKeyword))
                {
                    return;
                }

                if (modifiers.Any(SyntaxKind.OverrideKeyword)
                    || (context.Node is MethodDeclarationSyntax { ExplicitInterfaceSpecifier: not null })
                    || IsEventHandler(parameters, context.SemanticModel))
                {
                    return;
                }

                Report(context.ReportDiagnostic, context.Node.SyntaxTree, TextSpan.FromBounds(asyncKeyword.SpanStart, returnType.Span.End), BannedConstruct.AsyncVoid);
            }

            public void Goto(SyntaxNodeAnalysisContext context) =>
                Report(context.ReportDiagnostic, context.Node.SyntaxTree, ((GotoStatementSyntax)context.Node).GotoKeyword.Span, BannedConstruct.Goto);

            public void NullForgiving(SyntaxNodeAnalysisContext context)
            {
                var expression = (PostfixUnaryExpressionSyntax)context.Node;
                var construct = _bans.ContainsKey(BannedConstruct.NullForgiving)
                    ? BannedConstruct.NullForgiving
                    : expression.Operand.IsKind(SyntaxKind.NullLiteralExpression) || expression.Operand.IsKind(SyntaxKind.DefaultLiteralExpression)
                        ? BannedConstruct.NullLiteralForgiving
                        : (BannedConstruct?)null;
                if (construct is { } found)
                {
                    Report(context.ReportDiagnostic, context.Node.SyntaxTree, found == BannedConstruct.NullLiteralForgiving ? expression.Span : expression.OperatorToken.Span, found);
                }
            }

            public void LockThis(SyntaxNodeAnalysisContext context)
            {
                var statement = (LockStatementSyntax)context.Node;
                if (statement.Expression is ThisExpressionSyntax)
                {
                    Report(context.ReportDiagnostic, statement.SyntaxTree, TextSpan.FromBounds(statement.LockKeyword.SpanStart, statement.CloseParenToken.Span.End), BannedConstruct.LockThis);
                }
            }

            public void Name(SyntaxNodeAnalysisContext context)
            {
                var name = (IdentifierNameSyntax)context.Node;
                var construct = name.Identifier.ValueText switch
                {
                    "dynamic" => BannedConstruct.Dynamic,
                    "Result" => BannedConstruct.TaskResult,
                    "Wait" => BannedConstruct.TaskWait,
                    "GetResult" => BannedConstruct.GetAwaiterGetResult,
                    _ => (BannedConstruct?)null,
                };
                if (construct is not { } found || !_bans.ContainsKey(found) || name.Parent is QualifiedNameSyntax)
                {
                    return;
                }

                var symbol = context.SemanticModel.GetSymbolInfo(name, context.CancellationToken).Symbol;
                var span = found switch
                {
                    BannedConstruct.Dynamic when symbol is IDynamicTypeSymbol => name.Span,
                    BannedConstruct.TaskResult when symbol is IPropertySymbol property && IsTaskType(property.ContainingType) => AccessSpan(name),
                    BannedConstruct.TaskWait when symbol is IMethodSymbol { IsStatic: false } method && IsTaskType(method.ContainingType) => AccessSpan(name),
                    BannedConstruct.GetAwaiterGetResult when symbol is IMethodSymbol method && IsAwaiter(method.ContainingType) => GetResultSpan(name),
                    _ => default(TextSpan?),
                };
                if (span is { } reported)
                {
                    Report(context.ReportDiagnostic, name.SyntaxTree, reported, found);
                }
            }

            public void Tree(SyntaxTreeAnalysisContext context)
            {
                var root = context.Tree.GetRoot(context.CancellationToken);
                for (var directive = root.GetFirstDirective(); directive != null; directive = directive.GetNextDirective())
                {
                    switch (directive)
                    {
                        case RegionDirectiveTriviaSyntax region:
                            Report(context.ReportDiagnostic, context.Tree, TextSpan.FromBounds(region.HashToken.SpanStart, region.RegionKeyword.Span.End), BannedConstruct.Region);
                            break;
                        case NullableDirectiveTriviaSyntax nullable when nullable.SettingToken.IsKind(SyntaxKind.DisableKeyword):
                            Report(context.ReportDiagnostic, context.Tree, TextSpan.FromBounds(nullable.HashToken.SpanStart, nullable.SettingToken.Span.End), BannedConstruct.NullableDisable);
                            break;
                        case PragmaWarningDirectiveTriviaSyntax pragma when pragma.DisableOrRestoreKeyword.IsKind(SyntaxKind.DisableKeyword):
                            Report(context.ReportDiagnostic, context.Tree, TextSpan.FromBounds(pragma.HashToken.SpanStart, pragma.DisableOrRestoreKeyword.Span.End), BannedConstruct.PragmaWarningDisable);
                            break;
                    }
                }

                if (_bans.ContainsKey(BannedConstruct.Unsafe))
                {
                    foreach (var token in root.DescendantTokens().Where(token => token.IsKind(SyntaxKind.UnsafeKeyword)))
                    {
                        Report(context.ReportDiagnostic, context.Tree, token.Span, BannedConstruct.Unsafe);
                    }
                }
            }

            private void Report(System.Action<Diagnostic> report, SyntaxTree tree, TextSpan span, BannedConstruct construct)
            {
                if (!_bans.TryGetValue(construct, out var bans))
                {
                    return;
                }

                foreach (var (file, rule) in bans)
                {
                    if (!_rules.Applies(file, rule, tree))
                    {
                        continue;
                    }

                    _findings.Report(
                        report,
                        Diagnostic.Create(
                            Descriptors.BannedConstruct,
                            Location.Create(tree, span),
                            RuleSeverities.Of(rule, Descriptors.BannedConstruct),
                            additionalLocations: new[] { file.LocationOf(rule) },
                            properties: null,
                            Display[construct],
                            file.DisplayPath,
                            rule.Line,
                            RuleQuote.Of(rule)),
                        System.Threading.CancellationToken.None);
                    return;
                }
            }

            /// <summary><c>(object sender, EventArgs e)</c>: the shape events impose, so <c>async void</c> is the only way to await in it.</summary>
            private static bool IsEventHandler(ParameterListSyntax? parameters, SemanticModel model)
            {
                if (parameters is not { Parameters.Count: 2 } || parameters.Parameters[1].Type is not { } argsType)
                {
                    return false;
                }

                for (var type = model.GetTypeInfo(argsType).Type; type != null; type = type.BaseType)
                {
                    if (type.Name.EndsWith("EventArgs", System.StringComparison.Ordinal))
                    {
                        return true;
                    }
                }

                return false;
            }

            private static bool IsTaskType(INamedTypeSymbol? type) =>
                type is { Name: "Task" or "ValueTask", ContainingNamespace: { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace.Name: "System" } } };

            private static bool IsAwaiter(INamedTypeSymbol? type) =>
                type != null && type.Name.EndsWith("Awaiter", System.StringComparison.Ordinal)
                && type.ContainingNamespace?.ToDisplayString() == "System.Runtime.CompilerServices";

            private static TextSpan AccessSpan(IdentifierNameSyntax name) =>
                name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access.Span : name.Span;

            /// <summary><c>GetAwaiter().GetResult()</c> as one span, from <c>GetAwaiter</c> to the closing parenthesis.</summary>
            private static TextSpan GetResultSpan(IdentifierNameSyntax name)
            {
                if (name.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax call } access && access.Name == name)
                {
                    var start = access.Expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax getAwaiter } && getAwaiter.Name.Identifier.ValueText == "GetAwaiter"
                        ? getAwaiter.Name.SpanStart
                        : access.SpanStart;
                    return TextSpan.FromBounds(start, call.Span.End);
                }

                return name.Span;
            }
        }
    }
}
