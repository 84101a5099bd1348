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
            if (!CanHoldTests(start.Compilation, builtins))
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
            if (!Asserts(declaration, method, context.SemanticModel, helpers, context.CancellationToken))
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
                    // The name first: the namespace is read only for a name a framework uses (every attribute class derives from
                    // System.Attribute, which is not one).
                    var isTestAttribute = type.Name switch
                    {
                        "FactAttribute" => IsIn(type.ContainingNamespace, "Xunit"),
                        "TestAttribute" => IsIn(type.ContainingNamespace, "NUnit", "Framework") || IsIn(type.ContainingNamespace, "TUnit", "Core"),
                        "TestCaseAttribute" or "TestCaseSourceAttribute" or "TheoryAttribute" => IsIn(type.ContainingNamespace, "NUnit", "Framework"),
                        "TestMethodAttribute" or "DataTestMethodAttribute" => IsIn(type.ContainingNamespace, "Microsoft", "VisualStudio", "TestTools", "UnitTesting"),
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

        /// <summary>True when <paramref name="ns"/> is the namespace the <paramref name="parts"/> name, from the global namespace down.</summary>
        private static bool IsIn(INamespaceSymbol? ns, params string[] parts)
        {
            for (var part = parts.Length - 1; part >= 0; part--, ns = ns.ContainingNamespace)
            {
                if (ns == null || ns.IsGlobalNamespace || ns.Name != parts[part])
                {
                    return false;
                }
            }

            return ns != null && ns.IsGlobalNamespace;
        }

        /// <summary>An expected exception or result is an assertion; a skipped, ignored or explicit-only test is AG1007's finding, not this one's.</summary>
        private static bool IsExemptByAttribute(IMethodSymbol method) =>
            method.GetAttributes().Any(attribute =>
                attribute.AttributeClass?.Name is "ExpectedExceptionAttribute" or "IgnoreAttribute"
                || attribute.AttributeClass is { Name: "ExplicitAttribute" } explicitOnly && explicitOnly.ContainingNamespace?.ToDisplayString() == "NUnit.Framework"
                || attribute.NamedArguments.Any(argument => argument.Key is "ExpectedResult" or "Skip" && !argument.Value.IsNull));

        /// <summary>
        /// The project's own assertion helpers, from <c>agentguard.ag1006.assertion_methods</c> in <c>.editorconfig</c>: a
        /// comma-separated list of method names (<c>ItSucceeded</c>), receiver-qualified names (<c>Then.ItSucceeded</c>) or
        /// receivers whose every method asserts (<c>Then.*</c>).
        /// </summary>
        private static string[] MarkedAssertions(string? option) =>
            option == null ? Array.Empty<string>() : option.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries).Select(entry => entry.Trim()).Where(entry => entry.Length > 0).ToArray();

        /// <summary>
        /// Whether the test asserts: directly, or through the methods and property getters of this compilation it uses.
        /// The test's own calls are bound; the helpers it reaches are then followed by name (see <see cref="HelperCache"/>).
        /// </summary>
        private static bool Asserts(MethodDeclarationSyntax declaration, IMethodSymbol test, SemanticModel model, HelperCache helpers, CancellationToken cancellationToken)
        {
            var found = Scan((SyntaxNode?)declaration.Body ?? declaration.ExpressionBody, helpers.Marked);
            if (found.Asserts)
            {
                return true;
            }

            var start = new List<IMethodSymbol>();
            foreach (var use in found.Uses)
            {
                var symbol = model.GetSymbolInfo(use.Node, cancellationToken).Symbol;
                var called = symbol as IMethodSymbol ?? (symbol as IPropertySymbol)?.GetMethod;
                if (called == null)
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

            return start.Count > 0 && helpers.AnyAsserts(start, test.ContainingType, cancellationToken);
        }

        /// <summary>
        /// What one body shows by itself: an assertion, or the uses to follow: calls, and names that may be properties
        /// (capitalized, not called).
        /// </summary>
        private static MethodFacts Scan(SyntaxNode? body, string[] marked)
        {
            if (body == null)
            {
                return MethodFacts.None;
            }

            var uses = new List<(SyntaxNode Node, string Receiver, string Name)>();
            foreach (var node in body.DescendantNodes())
            {
                if (node is ThrowStatementSyntax || node is ThrowExpressionSyntax)
                {
                    return MethodFacts.Asserting;
                }

                if (node is IdentifierNameSyntax identifier && IsPropertyLike(identifier))
                {
                    var receiver = identifier.Parent is MemberAccessExpressionSyntax owner && owner.Name == identifier ? Rightmost(owner.Expression) : string.Empty;
                    uses.Add((identifier, receiver, identifier.Identifier.ValueText));
                    continue;
                }

                if (node is not InvocationExpressionSyntax invocation)
                {
                    continue;
                }

                var (callReceiver, name) = invocation.Expression switch
                {
                    MemberAccessExpressionSyntax access => (Rightmost(access.Expression), access.Name.Identifier.ValueText),
                    SimpleNameSyntax simple => (string.Empty, simple.Identifier.ValueText),
                    MemberBindingExpressionSyntax binding => (string.Empty, binding.Name.Identifier.ValueText),
                    _ => (string.Empty, string.Empty),
                };
                if (IsAssertingName(callReceiver, name) || IsMarked(marked, callReceiver, name))
                {
                    return MethodFacts.Asserting;
                }

                if (name.Length > 0)
                {
                    uses.Add((invocation, callReceiver, name));
                }
            }

            return new MethodFacts(false, uses);
        }

        /// <summary>A capitalized name that is not called, not a type in a declaration and not the left of an assignment.</summary>
        private static bool IsPropertyLike(IdentifierNameSyntax identifier)
        {
            var text = identifier.Identifier.ValueText;
            if (text.Length == 0 || !char.IsUpper(text[0]))
            {
                return false;
            }

            var parent = identifier.Parent;
            var named = parent is MemberAccessExpressionSyntax access && access.Name == identifier ? access : (SyntaxNode)identifier;
            return named.Parent is not InvocationExpressionSyntax
                && parent is not (QualifiedNameSyntax or TypeArgumentListSyntax or VariableDeclarationSyntax or ObjectCreationExpressionSyntax or TypeOfExpressionSyntax or AttributeSyntax)
                && !(named.Parent is AssignmentExpressionSyntax assignment && assignment.Left == named);
        }

        private sealed class MethodFacts
        {
            public static readonly MethodFacts None = new(false, new List<(SyntaxNode Node, string Receiver, string Name)>());

            public static readonly MethodFacts Asserting = new(true, new List<(SyntaxNode Node, string Receiver, string Name)>());

            public MethodFacts(bool asserts, List<(SyntaxNode Node, string Receiver, string Name)> uses)
            {
                Asserts = asserts;
                Uses = uses;
            }

            public bool Asserts { get; }

            public List<(SyntaxNode Node, string Receiver, string Name)> Uses { get; }
        }

        /// <summary>
        /// Whether the helpers of one compilation assert, followed through the methods and property getters of the same
        /// compilation they use, at any depth. Inside a helper no semantic model is built: a use is followed to every
        /// method or property of this compilation with its name, in the type its receiver names, the helper's type, its
        /// base types and the test class's own chain of base types (so a base fixture's virtual call reaches the override
        /// the test inherits); where none of those has one, in any type. Reading a use too widely can only find an assertion
        /// the test does not make, so the check stays silent rather than wrong. A search that would visit more than
        /// <see cref="MaxMethods"/> methods counts as asserting, for the same reason.
        /// </summary>
        private sealed class HelperCache
        {
            private const int MaxMethods = 256;

            private readonly Compilation _compilation;
            private readonly ConcurrentDictionary<IMethodSymbol, MethodFacts> _facts = new(SymbolEqualityComparer.Default);
            private readonly ConcurrentDictionary<(IMethodSymbol Method, INamedTypeSymbol? Test), bool> _reaches = new();
            private readonly ConcurrentDictionary<string, ImmutableArray<IMethodSymbol>> _byName = new(StringComparer.Ordinal);

            public HelperCache(Compilation compilation, string[] marked)
            {
                _compilation = compilation;
                Marked = marked;
            }

            public string[] Marked { get; }

            public bool AnyAsserts(List<IMethodSymbol> start, INamedTypeSymbol? test, CancellationToken cancellationToken) =>
                start.Any(method => _reaches.GetOrAdd((method, test?.OriginalDefinition), key => Reaches(key.Method, key.Test, cancellationToken)));

            /// <summary>A breadth-first walk of the helpers <paramref name="method"/> reaches, until one asserts.</summary>
            private bool Reaches(IMethodSymbol method, INamedTypeSymbol? test, CancellationToken cancellationToken)
            {
                var seen = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default) { method };
                var queue = new Queue<IMethodSymbol>();
                queue.Enqueue(method);
                while (queue.Count > 0)
                {
                    var current = queue.Dequeue();
                    var facts = Facts(current, cancellationToken);
                    if (facts.Asserts)
                    {
                        return true;
                    }

                    foreach (var use in facts.Uses)
                    {
                        foreach (var callee in Callees(current, test, use))
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
                    var uses = new List<(SyntaxNode Node, string Receiver, string Name)>();
                    foreach (var reference in m.DeclaringSyntaxReferences)
                    {
                        var body = reference.GetSyntax(cancellationToken) switch
                        {
                            MethodDeclarationSyntax declaration => (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody,
                            AccessorDeclarationSyntax accessor => (SyntaxNode?)accessor.Body ?? accessor.ExpressionBody,
                            ArrowExpressionClauseSyntax arrow => arrow,
                            _ => null,
                        };
                        var facts = Scan(body, Marked);
                        if (facts.Asserts)
                        {
                            return facts;
                        }

                        uses.AddRange(facts.Uses);
                    }

                    return new MethodFacts(false, uses);
                });

            private IEnumerable<IMethodSymbol> Callees(IMethodSymbol caller, INamedTypeSymbol? test, (SyntaxNode Node, string Receiver, string Name) use)
            {
                var named = _byName.GetOrAdd(use.Name, name => _compilation.GetSymbolsWithName(name, SymbolFilter.Member)
                    .Select(member => member as IMethodSymbol ?? (member as IPropertySymbol)?.GetMethod)
                    .Where(m => m != null && m.DeclaringSyntaxReferences.Length > 0)
                    .ToImmutableArray()!);
                if (named.IsEmpty)
                {
                    return named;
                }

                // The type the receiver names, the helper's own and base types, and the test class's base types; a receiver
                // can be a property or field whose type is the helper's own, so its methods are never left out.
                var near = named.Where(m => (use.Receiver.Length > 0 && m.ContainingType?.Name == use.Receiver)
                    || InheritsFrom(caller.ContainingType, m.ContainingType)
                    || InheritsFrom(test, m.ContainingType)).ToList();
                return near.Count > 0 ? near : named;
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
