using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AgentGuard.Analyzers.RuleFiles;
using AgentGuard.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AgentGuard.Analyzers.GoldenRules
{
    /// <summary>
    /// AG0003: code in one namespace or assembly uses another that a golden rule says it must not depend on
    /// ("`Shop.Domain` must not depend on `Shop.Infrastructure`"). Code is in A when its namespace is A or nested in it,
    /// or when the project's assembly is A. A use is a name that binds to a type or namespace of B (a namespace B or one
    /// nested in it, or the assembly B), including a <c>using B;</c> in a file of A.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ForbiddenDependencyAnalyzer : GoldenRuleAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ForbiddenDependency, Descriptors.AgentGuardSuppression, Descriptors.KeptByBaseline);

        /// <inheritdoc />
        private protected override void Register(CompilationStartAnalysisContext context, RuleContext rules)
        {
            var dependencies = new List<Dependency>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in rules.Files)
            {
                foreach (var rule in file.Rules.Rules)
                {
                    foreach (var forbidden in rule.Dependencies)
                    {
                        var dependency = new Dependency(file, rule, forbidden, context.Compilation.AssemblyName == forbidden.From);
                        if (dependency.CollectNames(context.Compilation, names))
                        {
                            dependencies.Add(dependency);
                        }
                    }
                }
            }

            if (dependencies.Count > 0)
            {
                context.RegisterSyntaxNodeAction(node => Analyze(node, rules, dependencies, names), SyntaxKind.IdentifierName, SyntaxKind.GenericName);
            }
        }

        private static void Analyze(SyntaxNodeAnalysisContext context, RuleContext rules, List<Dependency> dependencies, HashSet<string> names)
        {
            var name = (SimpleNameSyntax)context.Node;
            if (!names.Contains(name.Identifier.ValueText) || name.IsVar || name.Ancestors(ascendOutOfTrivia: false).Any(a => a is StructuredTriviaSyntax))
            {
                return;
            }

            // A qualified access is one use, reported as a whole by its right-most name when that name can report it.
            var reported = name.Parent is QualifiedNameSyntax right && right.Right == name || name.Parent is MemberAccessExpressionSyntax member && member.Name == name
                ? name.Parent!
                : name;
            var outer = reported.Parent switch
            {
                QualifiedNameSyntax qualified when qualified.Left == reported => qualified.Right,
                MemberAccessExpressionSyntax access when access.Expression == reported => access.Name,
                _ => null,
            };
            if (outer != null && names.Contains(outer.Identifier.ValueText))
            {
                return;
            }

            if (name.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Any(ns => ns.Name.Span.Contains(name.Span)))
            {
                return;
            }

            Dependency? broken = null;
            ISymbol? used = null;
            foreach (var dependency in dependencies)
            {
                // Layering is about the product: tests of a layer use fixtures from others unless a rule says "in tests".
                if (rules.IsTestProject && dependency.Rule.Scope.Tests != TestScope.TestsOnly)
                {
                    continue;
                }

                if (!dependency.IsInFrom(name) || !rules.Applies(dependency.File, dependency.Rule, name.SyntaxTree))
                {
                    continue;
                }

                used ??= context.SemanticModel.GetSymbolInfo(name, context.CancellationToken).Symbol;
                if (used != null && dependency.IsInTo(used))
                {
                    broken = dependency;
                    break;
                }
            }

            if (broken == null)
            {
                return;
            }

            FindingReporter.For(context.Compilation, context.Options).Report(context.ReportDiagnostic, Diagnostic.Create(
                Descriptors.ForbiddenDependency,
                reported.GetLocation(),
                RuleSeverities.Of(broken.Rule, Descriptors.ForbiddenDependency),
                additionalLocations: new[] { broken.File.LocationOf(broken.Rule) },
                properties: null,
                used!.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
                broken.Forbidden.To,
                broken.Forbidden.From,
                broken.File.DisplayPath,
                broken.Rule.Line,
                RuleQuote.Of(broken.Rule)),
                context.CancellationToken);
        }

        private sealed class Dependency
        {
            private readonly string[] _from;
            private readonly string[] _to;
            private readonly bool _wholeAssemblyIsFrom;

            public Dependency(LoadedRuleFile file, GoldenRule rule, DependencyRule forbidden, bool wholeAssemblyIsFrom)
            {
                File = file;
                Rule = rule;
                Forbidden = forbidden;
                _from = forbidden.From.Split('.');
                _to = forbidden.To.Split('.');
                _wholeAssemblyIsFrom = wholeAssemblyIsFrom;
            }

            public LoadedRuleFile File { get; }

            public GoldenRule Rule { get; }

            public DependencyRule Forbidden { get; }

            /// <summary>Adds the names a use of the forbidden side can be written with; false when it is not in this compilation.</summary>
            public bool CollectNames(Compilation compilation, HashSet<string> names)
            {
                var found = false;
                if (Walk(compilation.GlobalNamespace, _to, 0) is { } ns)
                {
                    AddNames(ns, names);
                    found = true;
                }

                foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols.Where(a => a.Name == Forbidden.To))
                {
                    AddNames(assembly.GlobalNamespace, names);
                    found = true;
                }

                return found;
            }

            /// <summary>True when the code around <paramref name="node"/> belongs to the side that must not depend.</summary>
            public bool IsInFrom(SyntaxNode node)
            {
                if (_wholeAssemblyIsFrom)
                {
                    return true;
                }

                var declaration = node.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault();
                if (declaration != null)
                {
                    return IsWithin(FullName(declaration), _from);
                }

                // A using directive above a file-scoped or block namespace belongs to that file's namespaces.
                return node.SyntaxTree.GetRoot().DescendantNodes(n => n is CompilationUnitSyntax || n is BaseNamespaceDeclarationSyntax)
                    .OfType<BaseNamespaceDeclarationSyntax>()
                    .Any(ns => IsWithin(FullName(ns), _from));
            }

            public bool IsInTo(ISymbol symbol)
            {
                if (symbol is not (INamedTypeSymbol or INamespaceSymbol or IMethodSymbol or IPropertySymbol or IFieldSymbol or IEventSymbol))
                {
                    return false;
                }

                if (symbol.ContainingAssembly?.Name == Forbidden.To)
                {
                    return true;
                }

                var ns = symbol as INamespaceSymbol ?? symbol.ContainingNamespace;
                return ns != null && IsWithin(ns.ToDisplayString().Split('.'), _to);
            }

            private static string[] FullName(BaseNamespaceDeclarationSyntax declaration) =>
                declaration.AncestorsAndSelf().OfType<BaseNamespaceDeclarationSyntax>().Reverse()
                    .SelectMany(ns => ns.Name.ToString().Split('.')).Select(part => part.Trim()).ToArray();

            private static bool IsWithin(string[] name, string[] prefix)
            {
                if (name.Length < prefix.Length)
                {
                    return false;
                }

                for (var i = 0; i < prefix.Length; i++)
                {
                    if (!string.Equals(name[i], prefix[i], StringComparison.Ordinal))
                    {
                        return false;
                    }
                }

                return true;
            }

            private static INamespaceSymbol? Walk(INamespaceSymbol ns, string[] segments, int index)
            {
                if (index == segments.Length)
                {
                    return ns;
                }

                var child = ns.GetNamespaceMembers().FirstOrDefault(n => n.Name == segments[index]);
                return child == null ? null : Walk(child, segments, index + 1);
            }

            private static void AddNames(INamespaceSymbol ns, HashSet<string> names)
            {
                names.Add(ns.Name);
                foreach (var type in ns.GetTypeMembers())
                {
                    names.Add(type.Name);
                    if (type.Name.EndsWith("Attribute", StringComparison.Ordinal))
                    {
                        names.Add(type.Name.Substring(0, type.Name.Length - "Attribute".Length));
                    }
                }

                foreach (var child in ns.GetNamespaceMembers())
                {
                    AddNames(child, names);
                }
            }
        }
    }
}
