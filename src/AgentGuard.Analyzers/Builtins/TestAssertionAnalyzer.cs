using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
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
    /// <c>ExpectedResult</c>, or a call to a method of this compilation that asserts (followed at any depth, see <see cref="HelperCache"/>). Overrides of base tests and skipped tests (AG1007) are not reported.
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
            var helpers = new ConcurrentDictionary<string, HelperCache>(StringComparer.Ordinal);
            start.RegisterSyntaxNodeAction(node => Analyze(node, builtins, helpers), SyntaxKind.MethodDeclaration);
        }

        private static void Analyze(SyntaxNodeAnalysisContext context, BuiltinContext builtins, ConcurrentDictionary<string, HelperCache> helperCaches)
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
            var helpers = helperCaches.GetOrAdd(string.Join(",", marked), _ => new HelperCache(context.Compilation, marked));
            if (!Asserts(declaration, context.SemanticModel, helpers, context.CancellationToken))
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

        /// <summary>
        /// Whether the test asserts: directly, or through the methods of this compilation it calls. The test's own calls
        /// are bound; the helpers it reaches are then followed by name (see <see cref="HelperCache"/>).
        /// </summary>
        private static bool Asserts(MethodDeclarationSyntax declaration, SemanticModel model, HelperCache helpers, CancellationToken cancellationToken)
        {
            var found = Scan(declaration, helpers.Marked);
            if (found.Asserts)
            {
                return true;
            }

            var start = new List<IMethodSymbol>();
            foreach (var invocation in found.Calls)
            {
                if (model.GetSymbolInfo(invocation.Node, cancellationToken).Symbol is not IMethodSymbol called)
                {
                    continue;
                }

                if (called.ContainingType?.Name.EndsWith("Assert", StringComparison.Ordinal) == true)
                {
                    return true;
                }

                called = called.ReducedFrom ?? called;
                if (called.DeclaringSyntaxReferences.Length > 0)
                {
                    start.Add(called.OriginalDefinition);
                }
            }

            return start.Count > 0 && helpers.AnyAsserts(start, cancellationToken);
        }

        /// <summary>What one method body shows by itself: an assertion, or the calls to follow.</summary>
        private static MethodFacts Scan(MethodDeclarationSyntax declaration, string[] marked)
        {
            var body = (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody;
            if (body == null)
            {
                return MethodFacts.None;
            }

            var calls = new List<(InvocationExpressionSyntax Node, string Receiver, string Name)>();
            foreach (var node in body.DescendantNodes())
            {
                if (node is ThrowStatementSyntax || node is ThrowExpressionSyntax)
                {
                    return MethodFacts.Asserting;
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
                    return MethodFacts.Asserting;
                }

                if (name.Length > 0)
                {
                    calls.Add((invocation, receiver, name));
                }
            }

            return new MethodFacts(false, calls);
        }

        private sealed class MethodFacts
        {
            public static readonly MethodFacts None = new(false, new List<(InvocationExpressionSyntax Node, string Receiver, string Name)>());

            public static readonly MethodFacts Asserting = new(true, new List<(InvocationExpressionSyntax Node, string Receiver, string Name)>());

            public MethodFacts(bool asserts, List<(InvocationExpressionSyntax Node, string Receiver, string Name)> calls)
            {
                Asserts = asserts;
                Calls = calls;
            }

            public bool Asserts { get; }

            public List<(InvocationExpressionSyntax Node, string Receiver, string Name)> Calls { get; }
        }

        /// <summary>
        /// Whether the helpers of one compilation assert, followed through the methods of the same compilation they call
        /// at any depth. Inside a helper no semantic model is built: a call is followed to every method of this
        /// compilation with its name, in the type its receiver names (a sibling or inherited method when it has none),
        /// else in any type. Reading a call too widely can only find an assertion the test does not make, so the check
        /// stays silent rather than wrong. A search that would visit more than <see cref="MaxMethods"/> methods counts
        /// as asserting, for the same reason.
        /// </summary>
        private sealed class HelperCache
        {
            private const int MaxMethods = 256;

            private readonly Compilation _compilation;
            private readonly ConcurrentDictionary<IMethodSymbol, MethodFacts> _facts = new(SymbolEqualityComparer.Default);
            private readonly ConcurrentDictionary<IMethodSymbol, bool> _reaches = new(SymbolEqualityComparer.Default);
            private readonly ConcurrentDictionary<string, ImmutableArray<IMethodSymbol>> _byName = new(StringComparer.Ordinal);

            public HelperCache(Compilation compilation, string[] marked)
            {
                _compilation = compilation;
                Marked = marked;
            }

            public string[] Marked { get; }

            public bool AnyAsserts(List<IMethodSymbol> start, CancellationToken cancellationToken) =>
                start.Any(method => _reaches.GetOrAdd(method, m => Reaches(m, cancellationToken)));

            /// <summary>A breadth-first walk of the helpers <paramref name="method"/> reaches, until one asserts.</summary>
            private bool Reaches(IMethodSymbol method, CancellationToken cancellationToken)
            {
                var seen = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default) { method };
                var queue = new Queue<IMethodSymbol>();
                queue.Enqueue(method);
                while (queue.Count > 0)
                {
                    var current = queue.Dequeue();
                    if (_reaches.TryGetValue(current, out var known) && known)
                    {
                        return true;
                    }

                    var facts = Facts(current, cancellationToken);
                    if (facts.Asserts)
                    {
                        return true;
                    }

                    foreach (var call in facts.Calls)
                    {
                        foreach (var callee in Callees(current, call))
                        {
                            if (seen.Add(callee))
                            {
                                if (seen.Count > MaxMethods)
                                {
                                    return true;
                                }

                                queue.Enqueue(callee);
                            }
                        }
                    }
                }

                return false;
            }

            private MethodFacts Facts(IMethodSymbol method, CancellationToken cancellationToken) =>
                _facts.GetOrAdd(method, m =>
                {
                    var calls = new List<(InvocationExpressionSyntax Node, string Receiver, string Name)>();
                    foreach (var reference in m.DeclaringSyntaxReferences)
                    {
                        if (reference.GetSyntax(cancellationToken) is not MethodDeclarationSyntax declaration)
                        {
                            continue;
                        }

                        var facts = Scan(declaration, Marked);
                        if (facts.Asserts)
                        {
                            return facts;
                        }

                        calls.AddRange(facts.Calls);
                    }

                    return new MethodFacts(false, calls);
                });

            private IEnumerable<IMethodSymbol> Callees(IMethodSymbol caller, (InvocationExpressionSyntax Node, string Receiver, string Name) call)
            {
                var named = _byName.GetOrAdd(call.Name, name => _compilation.GetSymbolsWithName(name, SymbolFilter.Member)
                    .OfType<IMethodSymbol>()
                    .Where(m => m.DeclaringSyntaxReferences.Length > 0)
                    .ToImmutableArray());
                if (named.IsEmpty)
                {
                    return named;
                }

                if (call.Receiver.Length > 0)
                {
                    var inReceiver = named.Where(m => m.ContainingType?.Name == call.Receiver).ToList();
                    return inReceiver.Count > 0 ? inReceiver : named;
                }

                var inherited = named.Where(m => InheritsFrom(caller.ContainingType, m.ContainingType)).ToList();
                return inherited.Count > 0 ? inherited : named;
            }

            private static bool InheritsFrom(INamedTypeSymbol? type, INamedTypeSymbol? candidate)
            {
                for (; type != null; type = type.BaseType)
                {
                    if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, candidate?.OriginalDefinition))
                    {
                        return true;
                    }
                }

                return false;
            }
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
