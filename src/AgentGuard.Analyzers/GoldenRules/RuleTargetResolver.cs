using System;
using System.Collections.Generic;
using System.Linq;
using AgentGuard.Policy;
using Microsoft.CodeAnalysis;

namespace AgentGuard.Analyzers.GoldenRules
{
    /// <summary>What a rule target means in one compilation.</summary>
    internal sealed class TargetResolution
    {
        public static readonly TargetResolution NotPresent = new TargetResolution(Array.Empty<ISymbol>(), null);

        public TargetResolution(IReadOnlyList<ISymbol> symbols, string? problem)
        {
            Symbols = symbols;
            Problem = problem;
        }

        /// <summary>The symbols to ban; empty when the target cannot be pinned down or is simply not in this compilation.</summary>
        public IReadOnlyList<ISymbol> Symbols { get; }

        /// <summary>Why the target cannot be enforced (it fits several unrelated symbols, it does not parse), with what to write instead.</summary>
        public string? Problem { get; }
    }

    /// <summary>
    /// Resolves rule targets against a compilation: documentation IDs exactly, C# names from the global
    /// namespace first (<c>System.IO.File</c>), then by their leading type's simple name in any namespace
    /// (<c>DateTime.Now</c>). A method name means all its overloads. A simple name that fits types in several
    /// namespaces is ambiguous and bans nothing.
    /// </summary>
    internal sealed class RuleTargetResolver
    {
        private static readonly Dictionary<string, string> KeywordTypes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["bool"] = "Boolean", ["byte"] = "Byte", ["sbyte"] = "SByte", ["char"] = "Char", ["decimal"] = "Decimal",
            ["double"] = "Double", ["float"] = "Single", ["int"] = "Int32", ["uint"] = "UInt32", ["long"] = "Int64",
            ["ulong"] = "UInt64", ["short"] = "Int16", ["ushort"] = "UInt16", ["object"] = "Object", ["string"] = "String",
        };

        private readonly Compilation _compilation;
        private readonly object _gate = new object();
        private List<INamespaceSymbol>? _namespaces;

        public RuleTargetResolver(Compilation compilation) => _compilation = compilation;

        public TargetResolution Resolve(RuleTarget target)
        {
            switch (target.Kind)
            {
                case RuleTargetKind.DocumentationId:
                    return ResolveDocumentationIdSafely(target.Text);
                case RuleTargetKind.Name:
                    return ResolveName(target.Text, target.Segments);
                default:
                    return TargetResolution.NotPresent;
            }
        }

        private TargetResolution ResolveDocumentationIdSafely(string id)
        {
            try
            {
                return Banned(ResolveDocumentationId(id));
            }
            catch (Exception exception) when (exception is ArgumentException || exception is InvalidOperationException || exception is IndexOutOfRangeException)
            {
                // Roslyn's documentation ID parser has thrown on malformed IDs; a rule's typo must not crash the analyzer.
                return new TargetResolution(Array.Empty<ISymbol>(), $"'{id}' does not parse as a documentation ID; write it as in BannedSymbols.txt, e.g. 'M:System.GC.Collect' or 'T:System.Console'");
            }
        }

        private IEnumerable<ISymbol> ResolveDocumentationId(string id)
        {
            var symbols = DocumentationCommentId.GetSymbolsForDeclarationId(id, _compilation);
            if (!symbols.IsDefaultOrEmpty)
            {
                return symbols;
            }

            // A method ID without a parameter list is exact (the parameterless overload), as in BannedSymbols.txt.
            // When the method has no parameterless overload, the writer can only have meant the method group.
            var dot = id.LastIndexOf('.');
            if (id.StartsWith("M:", StringComparison.Ordinal) && id.IndexOf('(') < 0 && dot > 2)
            {
                var name = id.Substring(dot + 1);
                return DocumentationCommentId.GetSymbolsForDeclarationId("T:" + id.Substring(2, dot - 2), _compilation)
                    .OfType<INamedTypeSymbol>()
                    .SelectMany(type => type.GetMembers(name).OfType<IMethodSymbol>());
            }

            return symbols;
        }

        private TargetResolution ResolveName(string text, IReadOnlyList<NameSegment> segments)
        {
            // `string.Format` names System.String's member; a bare `string` is a word, never a ban of System.String.
            if (segments.Count > 1 && segments[0].Arity < 0 && KeywordTypes.TryGetValue(segments[0].Name, out var typeName))
            {
                var expanded = new List<NameSegment> { new NameSegment("System", -1), new NameSegment(typeName, -1) };
                expanded.AddRange(segments.Skip(1));
                segments = expanded;
            }

            var qualified = Walk(_compilation.GlobalNamespace, segments, 0);
            if (qualified.Count > 0)
            {
                return Banned(qualified);
            }

            // Not a full name: read the first segment as a type's simple name in any namespace.
            var found = new List<ISymbol>();
            foreach (var ns in AllNamespaces())
            {
                foreach (var type in ns.GetTypeMembers(segments[0].Name))
                {
                    if (ArityMatches(type, segments[0]) && IsAccessible(type))
                    {
                        found.AddRange(Walk(type, segments, 1));
                    }
                }
            }

            var owners = found
                .Select(Owner)
                .GroupBy(OwnerKey, StringComparer.Ordinal)
                .Select(group => group.First())
                .ToList();
            if (owners.Count <= 1)
            {
                return Banned(found);
            }

            var names = owners.Select(owner => owner.ToDisplayString()).OrderBy(name => name, StringComparer.Ordinal).ToList();
            var last = segments[segments.Count - 1].Name;
            return new TargetResolution(
                Array.Empty<ISymbol>(),
                $"'{text}' matches {string.Join(" and ", names)}; write '{names[0]}.{last}' or a documentation ID to name the one you mean");
        }

        private List<ISymbol> Walk(INamespaceOrTypeSymbol container, IReadOnlyList<NameSegment> segments, int index)
        {
            var result = new List<ISymbol>();
            if (index == segments.Count)
            {
                result.Add(container);
                return result;
            }

            var segment = segments[index];
            var last = index == segments.Count - 1;
            foreach (var member in container.GetMembers(segment.Name))
            {
                switch (member)
                {
                    case INamespaceSymbol ns when segment.Arity <= 0:
                        result.AddRange(Walk(ns, segments, index + 1));
                        break;
                    case INamedTypeSymbol type when ArityMatches(type, segment) && IsAccessible(type):
                        result.AddRange(Walk(type, segments, index + 1));
                        break;
                    case IMethodSymbol or IPropertySymbol or IFieldSymbol or IEventSymbol when last && container is ITypeSymbol && IsAccessible(member):
                        result.Add(member);
                        break;
                }
            }

            return result;
        }

        private static TargetResolution Banned(IEnumerable<ISymbol> symbols)
        {
            var list = symbols.Select(Normalize).Distinct<ISymbol>(SymbolEqualityComparer.Default).ToList();
            return list.Count == 0 ? TargetResolution.NotPresent : new TargetResolution(list, null);
        }

        /// <summary>The form a use is compared in: unconstructed, and a property for its accessors.</summary>
        internal static ISymbol Normalize(ISymbol symbol)
        {
            if (symbol is IMethodSymbol { AssociatedSymbol: { } associated })
            {
                symbol = associated;
            }

            return symbol.OriginalDefinition;
        }

        /// <summary>What a candidate belongs to: its containing type for a member, its namespace for a type.</summary>
        private static ISymbol Owner(ISymbol symbol) =>
            symbol is INamedTypeSymbol type
                ? (ISymbol?)type.ContainingType ?? type.ContainingNamespace
                : symbol.ContainingType ?? (ISymbol)symbol.ContainingNamespace;

        /// <summary><c>Task</c> and <c>Task&lt;T&gt;</c> are one owner: arity does not make a name ambiguous.</summary>
        private static string OwnerKey(ISymbol owner) =>
            owner is INamedTypeSymbol type
                ? type.ContainingNamespace?.ToDisplayString() + "." + type.Name
                : owner.ToDisplayString();

        private static bool ArityMatches(INamedTypeSymbol type, NameSegment segment) => segment.Arity < 0 || type.Arity == segment.Arity;

        private bool IsAccessible(ISymbol symbol) => _compilation.IsSymbolAccessibleWithin(symbol, _compilation.Assembly);

        private List<INamespaceSymbol> AllNamespaces()
        {
            // Explain resolves from concurrent additional-file actions: build the list once, under a lock.
            lock (_gate)
            {
                if (_namespaces == null)
                {
                    var namespaces = new List<INamespaceSymbol>();
                    var pending = new Stack<INamespaceSymbol>();
                    pending.Push(_compilation.GlobalNamespace);
                    while (pending.Count > 0)
                    {
                        var ns = pending.Pop();
                        namespaces.Add(ns);
                        foreach (var child in ns.GetNamespaceMembers())
                        {
                            pending.Push(child);
                        }
                    }

                    _namespaces = namespaces;
                }

                return _namespaces;
            }
        }
    }
}
