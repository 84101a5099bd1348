using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AgentGuard.Analyzers.Builtins
{
    /// <summary>
    /// AG1007: a skipped or disabled test. xUnit <c>Skip</c> on <c>[Fact]</c> / <c>[Theory]</c>; NUnit and
    /// MSTest <c>[Ignore]</c>; NUnit <c>[Explicit]</c> without a reason; and a test attribute commented out
    /// (<c>// [Fact]</c> alone on its line). Attributes count only from the test frameworks' own namespaces.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SkippedTestAnalyzer : BuiltinAnalyzer
    {
        private static readonly Regex CommentedOutAttribute = new Regex(
            @"^[ \t]*//+[ \t]*\[[ \t]*(?<name>Fact|Theory|Test|TestCase|TestCaseSource|TestMethod|DataTestMethod)\b[^\]]*\][ \t]*$",
            RegexOptions.CultureInvariant | RegexOptions.Multiline,
            System.TimeSpan.FromSeconds(1));

        // The names the pattern knows, without the bracket ("[ Fact]" is an attribute too); "Test" also finds TestCase,
        // TestCaseSource, TestMethod and DataTestMethod.
        private static readonly string[] CommentedAttributeNames = { "Fact", "Theory", "Test" };

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SkippedTest, Descriptors.AgentGuardSuppression, Descriptors.KeptByBaseline);

        /// <inheritdoc />
        private protected override void Register(CompilationStartAnalysisContext start, BuiltinContext builtins)
        {
            if (!CanHoldTests(start.Compilation, builtins))
            {
                return;
            }

            // Looked up at the first attribute that can skip a test, not at compilation start.
            var compilation = start.Compilation;
            var xunitFact = new System.Lazy<INamedTypeSymbol?>(() => compilation.GetTypeByMetadataName("Xunit.FactAttribute"));

            start.RegisterSyntaxNodeAction(node => AnalyzeAttribute(node, builtins, xunitFact), SyntaxKind.Attribute);
            start.RegisterSyntaxTreeAction(tree => AnalyzeComments(tree, builtins));
        }

        private static void AnalyzeAttribute(SyntaxNodeAnalysisContext context, BuiltinContext builtins, System.Lazy<INamedTypeSymbol?> xunitFactType)
        {
            var attribute = (AttributeSyntax)context.Node;
            var name = attribute.Name switch
            {
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => null,
            };
            // Only [Ignore], [Explicit] and an attribute with a Skip argument can skip a test: a plain [Fact] or [Test] is
            // never bound, so a test project does not pay for binding each of its test attributes again.
            if (name is not ("Ignore" or "IgnoreAttribute" or "Explicit" or "ExplicitAttribute")
                && attribute.ArgumentList?.Arguments.Any(a => a.NameEquals?.Name.Identifier.ValueText == "Skip") != true)
            {
                return;
            }

            // The compiler has bound the attributes of the method or class already: its attribute data says which
            // attribute this is and what its Skip holds, without binding the attribute again.
            var data = AttributeDataOf(attribute, context.SemanticModel, context.CancellationToken);
            var type = data?.AttributeClass;
            if (type == null)
            {
                return;
            }

            var method = attribute.FirstAncestorOrSelf<MethodDeclarationSyntax>()?.Identifier.ValueText
                ?? attribute.FirstAncestorOrSelf<TypeDeclarationSyntax>()?.Identifier.ValueText ?? "test";
            string? finding = null;
            var xunitFact = xunitFactType.Value;
            if (xunitFact != null && DerivesFrom(type, xunitFact))
            {
                var skip = data!.NamedArguments.Where(argument => argument.Key == "Skip").Select(argument => (TypedConstant?)argument.Value).FirstOrDefault();
                // xUnit v3 skips conditionally with SkipUnless / SkipWhen: the test runs where it applies.
                var conditional = data.NamedArguments.Any(argument => argument.Key is "SkipUnless" or "SkipWhen");
                if (skip is { } value && !conditional && !(value.Kind == TypedConstantKind.Primitive && value.Value == null))
                {
                    finding = $"Test '{method}' is skipped with Skip =";
                }
            }
            else
            {
                var ns = type.ContainingNamespace?.ToDisplayString();
                var isTestFramework = ns == "NUnit.Framework" || ns == "Microsoft.VisualStudio.TestTools.UnitTesting";
                if (isTestFramework && type.Name == "IgnoreAttribute")
                {
                    finding = $"Test '{method}' is ignored with [Ignore]";
                }
                else if (ns == "NUnit.Framework" && type.Name == "ExplicitAttribute" && (attribute.ArgumentList == null || attribute.ArgumentList.Arguments.Count == 0))
                {
                    finding = $"Test '{method}' is made explicit without a reason";
                }
            }

            if (finding != null)
            {
                builtins.Report(context.ReportDiagnostic, Descriptors.SkippedTest, attribute.GetLocation(), attribute.SyntaxTree, finding);
            }
        }

        private static void AnalyzeComments(SyntaxTreeAnalysisContext context, BuiltinContext builtins)
        {
            // A commented-out attribute is a line that starts with // and holds a test attribute: only the places where
            // one of those attributes is written are looked at, never the whole tree.
            var text = context.Tree.GetText(context.CancellationToken);
            var source = text.ToString();
            SyntaxNode? root = null;
            var seen = new System.Collections.Generic.HashSet<int>();
            foreach (var attribute in CommentedAttributeNames)
            {
                for (var at = source.IndexOf(attribute, System.StringComparison.Ordinal); at >= 0; at = source.IndexOf(attribute, at + attribute.Length, System.StringComparison.Ordinal))
                {
                    var line = text.Lines.GetLineFromPosition(at);
                    var start = line.Start;
                    while (start < at && char.IsWhiteSpace(source[start]))
                    {
                        start++;
                    }

                    if (start + 1 >= at || source[start] != '/' || source[start + 1] != '/' || !seen.Add(line.Start))
                    {
                        continue;
                    }

                    Match match;
                    try
                    {
                        match = CommentedOutAttribute.Match(source.Substring(start, line.End - start));
                    }
                    catch (RegexMatchTimeoutException)
                    {
                        // A comment no pattern can read in time is not a commented-out attribute.
                        continue;
                    }

                    // The line must be a comment of its own, not the inside of a string or a /* */ comment.
                    root ??= context.Tree.GetRoot(context.CancellationToken);
                    var trivia = root.FindTrivia(start);
                    if (match.Success && trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) && trivia.SpanStart == start)
                    {
                        var location = Location.Create(context.Tree, new TextSpan(trivia.SpanStart, trivia.Span.Length));
                        builtins.Report(context.ReportDiagnostic, Descriptors.SkippedTest, location, context.Tree, $"A [{match.Groups["name"].Value}] attribute is commented out, which disables the test");
                    }
                }
            }
        }

        /// <summary>
        /// The attribute data the compiler made for <paramref name="attribute"/> on its method or type, or null where it is
        /// on something else (an assembly, a parameter, a return value) or does not bind.
        /// </summary>
        private static AttributeData? AttributeDataOf(AttributeSyntax attribute, SemanticModel model, System.Threading.CancellationToken cancellationToken)
        {
            if (attribute.Parent is not AttributeListSyntax { Target: null, Parent: MemberDeclarationSyntax owner } || owner is not (MethodDeclarationSyntax or TypeDeclarationSyntax))
            {
                return null;
            }

            foreach (var data in model.GetDeclaredSymbol(owner, cancellationToken)?.GetAttributes() ?? ImmutableArray<AttributeData>.Empty)
            {
                if (data.ApplicationSyntaxReference is { } reference && reference.SyntaxTree == attribute.SyntaxTree && reference.Span == attribute.Span)
                {
                    return data;
                }
            }

            return null;
        }

        private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol baseType)
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
