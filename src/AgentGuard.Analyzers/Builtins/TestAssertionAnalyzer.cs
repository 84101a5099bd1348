using System;
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
    /// MSTest <c>[TestMethod]</c>/<c>[DataTestMethod]</c>) that asserts nothing. An assertion is a call on a type whose
    /// name ends in <c>Assert</c>, a call named <c>Should*</c>, <c>Verify*</c>, <c>Received*</c>, <c>DidNotReceive*</c>,
    /// <c>Assert*</c>, <c>Expect*</c>, <c>Check*</c> or <c>Throws*</c>, a <c>throw</c>, an <c>[ExpectedException]</c>
    /// attribute, or a call to a method of the same compilation that asserts (followed two levels deep).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TestAssertionAnalyzer : DiagnosticAnalyzer
    {
        private static readonly string[] AssertingPrefixes = { "Should", "Verify", "Received", "DidNotReceive", "Assert", "Expect", "Check", "Throws" };

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.TestWithoutAssertion);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var builtins = BuiltinContext.Create(start.Compilation, start.Options, start.TryGetValue, start.CancellationToken);
                if (builtins != null)
                {
                    start.RegisterSymbolAction(symbol => Analyze(symbol, builtins), SymbolKind.Method);
                }
            });
        }

        private static void Analyze(SymbolAnalysisContext context, BuiltinContext builtins)
        {
            var method = (IMethodSymbol)context.Symbol;
            if (method.IsAbstract || !IsTest(method) || method.GetAttributes().Any(a => a.AttributeClass?.Name == "ExpectedExceptionAttribute"))
            {
                return;
            }

            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(context.CancellationToken) is not MethodDeclarationSyntax declaration || (declaration.Body == null && declaration.ExpressionBody == null))
                {
                    continue;
                }

                if (!Asserts(declaration, context.Compilation, depth: 0, context))
                {
                    builtins.Report(context.ReportDiagnostic, Descriptors.TestWithoutAssertion, declaration.Identifier.GetLocation(), declaration.SyntaxTree, method.Name);
                }
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

        /// <summary>True when <paramref name="declaration"/> asserts, itself or through a helper it calls.</summary>
        private static bool Asserts(MethodDeclarationSyntax declaration, Compilation compilation, int depth, SymbolAnalysisContext context)
        {
            var body = (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody;
            if (body == null)
            {
                return false;
            }

            var helpers = new System.Collections.Generic.List<string>();
            foreach (var node in body.DescendantNodes())
            {
                switch (node)
                {
                    case ThrowStatementSyntax:
                    case ThrowExpressionSyntax:
                        return true;
                    case InvocationExpressionSyntax invocation:
                        var (receiver, name) = invocation.Expression switch
                        {
                            MemberAccessExpressionSyntax access => (Rightmost(access.Expression), access.Name.Identifier.ValueText),
                            SimpleNameSyntax simple => (string.Empty, simple.Identifier.ValueText),
                            MemberBindingExpressionSyntax binding => (string.Empty, binding.Name.Identifier.ValueText),
                            _ => (string.Empty, string.Empty),
                        };
                        if (receiver.EndsWith("Assert", StringComparison.Ordinal) || AssertingPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))
                        {
                            return true;
                        }

                        if (name.Length > 0)
                        {
                            helpers.Add(name);
                        }

                        break;
                }
            }

            // Helpers of this compilation are followed by name, two levels deep, reading their syntax only.
            if (depth >= 2)
            {
                return false;
            }

            foreach (var helper in helpers.Distinct())
            {
                foreach (var symbol in compilation.GetSymbolsWithName(helper, SymbolFilter.Member, context.CancellationToken).OfType<IMethodSymbol>())
                {
                    foreach (var reference in symbol.DeclaringSyntaxReferences)
                    {
                        if (reference.GetSyntax(context.CancellationToken) is MethodDeclarationSyntax helperDeclaration
                            && helperDeclaration != declaration
                            && Asserts(helperDeclaration, compilation, depth + 1, context))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        private static string Rightmost(ExpressionSyntax expression) =>
            expression switch
            {
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => string.Empty,
            };
    }
}
