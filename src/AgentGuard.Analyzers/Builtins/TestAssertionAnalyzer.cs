using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AgentGuard.Analyzers.Builtins
{
    /// <summary>
    /// AG1006: a test method (xUnit <c>[Fact]</c>/<c>[Theory]</c>, NUnit <c>[Test]</c>/<c>[TestCase]</c>/<c>[TestCaseSource]</c>,
    /// MSTest <c>[TestMethod]</c>/<c>[DataTestMethod]</c>, TUnit <c>[Test]</c>) that asserts nothing. An assertion is a call
    /// to a method of a type whose name ends in <c>Assert</c> (also through <c>using static</c>), a call named
    /// <c>Should*</c>, <c>Verify*</c>, <c>Received*</c>, <c>DidNotReceive*</c>, <c>Assert*</c>, <c>Expect*</c>, <c>Check*</c>,
    /// <c>Throws*</c>, <c>Must*</c>, <c>Ensure*</c>, <c>Match*</c>, <c>*Matches</c> or <c>*Snapshot</c>, any method of
    /// Shouldly's static <c>Should</c> or NSubstitute's <c>Received</c>, a method the project lists in
    /// <c>agentguard.ag1006.assertion_methods</c>, a <c>throw</c>, an <c>[ExpectedException]</c> attribute, NUnit's
    /// <c>ExpectedResult</c>, or a call to a method of this compilation that asserts (followed two levels deep). Overrides of base tests and skipped tests (AG1007) are not reported.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TestAssertionAnalyzer : BuiltinAnalyzer
    {
        private static readonly string[] AssertingPrefixes =
        {
            "Should", "Verify", "Received", "DidNotReceive", "Assert", "Expect", "Check", "Throws", "Must", "Ensure", "Match",
        };

        private static readonly string[] AssertingSuffixes = { "Matches", "Snapshot" };

        // Static entry points whose every method asserts: Shouldly's Should.Throw / NotThrow / ThrowAsync / CompleteIn,
        // NSubstitute's Received.InOrder, Snapshooter's Snapshot.Match.
        private static readonly string[] AssertingReceivers = { "Should", "Received", "Snapshot" };

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.TestWithoutAssertion, Descriptors.AgentGuardSuppression, Descriptors.KeptByBaseline);

        /// <inheritdoc />
        private protected override void Register(CompilationStartAnalysisContext start, BuiltinContext builtins)
        {
            if (!CanHoldTests(start.Compilation))
            {
                return;
            }

            // Whether a helper asserts is computed once per method and compilation.
            // One cache per list of marked helpers: a folder's .editorconfig may mark others than the next folder's.
            var helpers = new ConcurrentDictionary<string, ConcurrentDictionary<IMethodSymbol, bool>>(StringComparer.Ordinal);
            start.RegisterSyntaxNodeAction(node => Analyze(node, builtins, helpers), SyntaxKind.MethodDeclaration);
        }

        private static void Analyze(SyntaxNodeAnalysisContext context, BuiltinContext builtins, ConcurrentDictionary<string, ConcurrentDictionary<IMethodSymbol, bool>> helperCaches)
        {
            var declaration = (MethodDeclarationSyntax)context.Node;
            if (declaration.AttributeLists.Count == 0 || (declaration.Body == null && declaration.ExpressionBody == null))
            {
                return;
            }

            if (context.SemanticModel.GetDeclaredSymbol(declaration, context.CancellationToken) is not { } method
                || method.IsAbstract || method.IsOverride || !IsTest(method) || IsExemptByAttribute(method))
            {
                return;
            }

            var marked = MarkedAssertions(builtins.Option(declaration.SyntaxTree, "AG1006", "assertion_methods"));
            var helpers = helperCaches.GetOrAdd(string.Join(",", marked), _ => new ConcurrentDictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default));
            if (!Asserts(declaration, context.SemanticModel, helpers, depth: 0, context, marked))
            {
                builtins.Report(context.ReportDiagnostic, Descriptors.TestWithoutAssertion, declaration.Identifier.GetLocation(), declaration.SyntaxTree, method.Name);
            }
        }

        private static bool IsTest(IMethodSymbol method)
        {
            foreach (var attribute in method.GetAttributes())
            {
                for (var type = attribute.AttributeClass; type != null; type = type.BaseType)
                {
                    var ns = type.ContainingNamespace?.ToDisplayString();
                    var isTestAttribute = ns switch
                    {
                        "Xunit" => type.Name == "FactAttribute",
                        "NUnit.Framework" => type.Name is "TestAttribute" or "TestCaseAttribute" or "TestCaseSourceAttribute" or "TheoryAttribute",
                        "Microsoft.VisualStudio.TestTools.UnitTesting" => type.Name is "TestMethodAttribute" or "DataTestMethodAttribute",
                        "TUnit.Core" => type.Name == "TestAttribute",
                        _ => false,
                    };
                    if (isTestAttribute)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>An expected exception or result is an assertion; a skipped or ignored test is AG1007's finding, not this one's.</summary>
        private static bool IsExemptByAttribute(IMethodSymbol method) =>
            method.GetAttributes().Any(attribute =>
                attribute.AttributeClass?.Name is "ExpectedExceptionAttribute" or "IgnoreAttribute"
                || attribute.NamedArguments.Any(argument => argument.Key is "ExpectedResult" or "Skip" && !argument.Value.IsNull));

        /// <summary>
        /// The project's own assertion helpers, from <c>agentguard.ag1006.assertion_methods</c> in <c>.editorconfig</c>: a
        /// comma-separated list of method names (<c>ItSucceeded</c>), receiver-qualified names (<c>Then.ItSucceeded</c>) or
        /// receivers whose every method asserts (<c>Then.*</c>).
        /// </summary>
        private static string[] MarkedAssertions(string? option) =>
            option == null ? Array.Empty<string>() : option.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries).Select(entry => entry.Trim()).Where(entry => entry.Length > 0).ToArray();

        private static bool Asserts(MethodDeclarationSyntax declaration, SemanticModel? model, ConcurrentDictionary<IMethodSymbol, bool> helpers, int depth, SyntaxNodeAnalysisContext context, string[] marked)
        {
            var body = (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody;
            if (body == null)
            {
                return false;
            }

            foreach (var node in body.DescendantNodes())
            {
                if (node is ThrowStatementSyntax || node is ThrowExpressionSyntax)
                {
                    return true;
                }

                if (node is not InvocationExpressionSyntax invocation)
                {
                    continue;
                }

                var (receiver, name) = invocation.Expression switch
                {
                    MemberAccessExpressionSyntax access => (Rightmost(access.Expression), access.Name.Identifier.ValueText),
                    SimpleNameSyntax simple => (string.Empty, simple.Identifier.ValueText),
                    MemberBindingExpressionSyntax binding => (string.Empty, binding.Name.Identifier.ValueText),
                    _ => (string.Empty, string.Empty),
                };
                if (IsAssertingName(receiver, name) || IsMarked(marked, receiver, name))
                {
                    return true;
                }

                // Helpers are bound in the test itself; inside a helper (another file perhaps) they are matched by name.
                if (model?.GetSymbolInfo(invocation, context.CancellationToken).Symbol is IMethodSymbol called)
                {
                    if (called.ContainingType?.Name.EndsWith("Assert", StringComparison.Ordinal) == true)
                    {
                        return true;
                    }

                    if (depth < 2 && HelperAsserts(called, helpers, depth, context, marked))
                    {
                        return true;
                    }
                }
                else if (model == null && depth < 2 && declaration.Parent is TypeDeclarationSyntax type)
                {
                    foreach (var sibling in type.Members.OfType<MethodDeclarationSyntax>().Where(m => m.Identifier.ValueText == name && m != declaration))
                    {
                        if (Asserts(sibling, null, helpers, depth + 1, context, marked))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        private static bool HelperAsserts(IMethodSymbol helper, ConcurrentDictionary<IMethodSymbol, bool> helpers, int depth, SyntaxNodeAnalysisContext context, string[] marked)
        {
            helper = helper.ReducedFrom ?? helper;
            if (helper.DeclaringSyntaxReferences.Length == 0)
            {
                return false;
            }

            return helpers.GetOrAdd(helper.OriginalDefinition, symbol => symbol.DeclaringSyntaxReferences
                .Select(reference => reference.GetSyntax(context.CancellationToken))
                .OfType<MethodDeclarationSyntax>()
                .Any(declaration => Asserts(declaration, null, helpers, depth + 1, context, marked)));
        }

        private static bool IsMarked(string[] marked, string receiver, string name)
        {
            foreach (var entry in marked)
            {
                var dot = entry.LastIndexOf('.');
                if (dot < 0 ? entry == name : entry.Substring(0, dot) == receiver && (entry.Substring(dot + 1) == "*" || entry.Substring(dot + 1) == name))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsAssertingName(string receiver, string name) =>
            receiver.EndsWith("Assert", StringComparison.Ordinal) || AssertingReceivers.Contains(receiver, StringComparer.Ordinal)
            || AssertingPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal))
            || AssertingSuffixes.Any(suffix => name.EndsWith(suffix, StringComparison.Ordinal));

        private static string Rightmost(ExpressionSyntax expression) =>
            expression switch
            {
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => string.Empty,
            };
    }
}
