using System;
using System.Collections.Generic;
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
    /// AG1004: a suppression without a reason: <c>#pragma warning disable</c> with no comment on its line or the line
    /// above, <c>[SuppressMessage]</c> / <c>[UnconditionalSuppressMessage]</c> without a <c>Justification</c> (or with
    /// Visual Studio's placeholder <c>&lt;Pending&gt;</c>). AG1005: any suppression of an AgentGuard diagnostic in code,
    /// justified or not; a <c>#pragma warning disable</c> that names no ID is AG1005 where it hides an AgentGuard finding
    /// (<see cref="BlanketSuppressions"/>), and otherwise only AG1004 when it gives no reason.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SuppressionAnalyzer : BuiltinAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.UnjustifiedSuppression, Descriptors.AgentGuardSuppression, Descriptors.KeptByBaseline);

        /// <inheritdoc />
        private protected override void Register(CompilationStartAnalysisContext start, BuiltinContext builtins)
        {
            start.RegisterSyntaxTreeAction(tree => AnalyzePragmas(tree, builtins));
            start.RegisterSyntaxNodeAction(node => AnalyzeAttribute(node, builtins), SyntaxKind.Attribute);
        }

        private static void AnalyzePragmas(SyntaxTreeAnalysisContext context, BuiltinContext builtins)
        {
            var root = context.Tree.GetRoot(context.CancellationToken);
            var text = context.Tree.GetText(context.CancellationToken);
            for (var directive = root.GetFirstDirective(); directive != null; directive = directive.GetNextDirective())
            {
                if (directive is not PragmaWarningDirectiveTriviaSyntax pragma || !pragma.DisableOrRestoreKeyword.IsKind(SyntaxKind.DisableKeyword))
                {
                    continue;
                }

                var ids = pragma.ErrorCodes.Select(code => code.ToString().Trim()).ToList();
                var end = pragma.ErrorCodes.Count > 0 ? pragma.ErrorCodes[pragma.ErrorCodes.Count - 1].Span.End : pragma.DisableOrRestoreKeyword.Span.End;
                var location = Location.Create(context.Tree, TextSpan.FromBounds(pragma.HashToken.SpanStart, end));
                // A pragma that names no ID is AG1005 only where it hides an AgentGuard finding (BlanketSuppressions).
                var agentGuardIds = ids.Where(IsAgentGuardId).ToList();
                if (agentGuardIds.Count > 0)
                {
                    builtins.ReportFinding(context.ReportDiagnostic, Diagnostic.Create(Descriptors.AgentGuardSuppression, location, "#pragma warning disable", string.Join(", ", agentGuardIds)), context.CancellationToken);
                    continue;
                }

                if (!HasComment(pragma, end, text))
                {
                    builtins.ReportAbout(context.ReportDiagnostic, Descriptors.UnjustifiedSuppression, location, context.Tree, ids, "#pragma warning disable", ids.Count == 0 ? "every diagnostic" : string.Join(", ", ids));
                }
            }
        }

        private static void AnalyzeAttribute(SyntaxNodeAnalysisContext context, BuiltinContext builtins)
        {
            var attribute = (AttributeSyntax)context.Node;
            var name = attribute.Name switch
            {
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => string.Empty,
            };
            if (name is not ("SuppressMessage" or "SuppressMessageAttribute" or "UnconditionalSuppressMessage" or "UnconditionalSuppressMessageAttribute"))
            {
                return;
            }

            if (context.SemanticModel.GetSymbolInfo(attribute, context.CancellationToken).Symbol?.ContainingType?.ContainingNamespace?.ToDisplayString() != "System.Diagnostics.CodeAnalysis")
            {
                return;
            }

            var arguments = attribute.ArgumentList?.Arguments ?? default;
            var checkId = arguments.Count > 1 ? Constant(arguments[1], context) : null;
            var suppressed = checkId?.Split(':')[0].Trim() ?? "a diagnostic";
            if (IsAgentGuardId(suppressed))
            {
                builtins.ReportFinding(context.ReportDiagnostic, Diagnostic.Create(Descriptors.AgentGuardSuppression, attribute.GetLocation(), "[" + name.Replace("Attribute", string.Empty) + "]", suppressed), context.CancellationToken);
                return;
            }

            var justification = arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == "Justification");
            var reason = justification == null ? null : Constant(justification, context);
            if (string.IsNullOrWhiteSpace(reason) || reason!.Trim() == "<Pending>")
            {
                builtins.ReportAbout(context.ReportDiagnostic, Descriptors.UnjustifiedSuppression, attribute.GetLocation(), attribute.SyntaxTree, new[] { suppressed }, "[" + name.Replace("Attribute", string.Empty) + "]", suppressed);
            }
        }

        /// <summary>
        /// A comment after the directive on its line, or on the line right above it, gives the reason. So does the reason of
        /// a run of <c>#pragma warning disable</c> lines right above it: <c>#pragma warning disable CA1849 // the callback is
        /// synchronous</c> followed by <c>#pragma warning disable S6966</c> gives one reason for both.
        /// </summary>
        private static bool HasComment(PragmaWarningDirectiveTriviaSyntax pragma, int end, SourceText text)
        {
            var line = text.Lines.GetLineFromPosition(pragma.SpanStart);
            var rest = text.ToString(TextSpan.FromBounds(end, line.End));
            if (rest.Contains("//") || rest.Contains("/*"))
            {
                return true;
            }

            for (var number = line.LineNumber - 1; number >= 0; number--)
            {
                var above = text.Lines[number].ToString().Trim();
                if (!IsPragmaDisable(above))
                {
                    return (above.StartsWith("//", StringComparison.Ordinal) && !above.StartsWith("///", StringComparison.Ordinal)) || above.EndsWith("*/", StringComparison.Ordinal);
                }

                if (above.Contains("//") || above.Contains("/*"))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsPragmaDisable(string line)
        {
            var words = line.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
            return (words.Length >= 3 && words[0] == "#pragma" && words[1] == "warning" && words[2] == "disable")
                || (words.Length >= 3 && words[0] == "#" && words[1] == "pragma" && words[2] == "warning" && words.Length >= 4 && words[3] == "disable");
        }

        private static bool IsAgentGuardId(string id) =>
            id.Length == 6 && id.StartsWith("AG", StringComparison.OrdinalIgnoreCase) && id.Skip(2).All(char.IsDigit);

        private static string? Constant(AttributeArgumentSyntax argument, SyntaxNodeAnalysisContext context) =>
            context.SemanticModel.GetConstantValue(argument.Expression, context.CancellationToken) is { HasValue: true, Value: string value } ? value : null;
    }
}
