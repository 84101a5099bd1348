using System;
using System.Collections.Generic;
using System.Linq;
using AgentGuard.Analyzers.RuleFiles;
using AgentGuard.Policy;
using Microsoft.CodeAnalysis;

namespace AgentGuard.Analyzers.GoldenRules
{
    /// <summary>A banned symbol with the rule that bans it.</summary>
    internal sealed class Ban
    {
        public Ban(LoadedRuleFile file, GoldenRule rule, RuleTarget target)
        {
            File = file;
            Rule = rule;
            Target = target;
        }

        public LoadedRuleFile File { get; }

        public GoldenRule Rule { get; }

        public RuleTarget Target { get; }
    }

    /// <summary>A rule target that fits several unrelated symbols, reported on the rule's own line.</summary>
    internal sealed class AmbiguousTarget
    {
        public AmbiguousTarget(LoadedRuleFile file, GoldenRule rule, RuleTarget target, IReadOnlyList<ISymbol> owners)
        {
            File = file;
            Rule = rule;
            Target = target;
            Owners = owners;
        }

        public LoadedRuleFile File { get; }

        public GoldenRule Rule { get; }

        public RuleTarget Target { get; }

        public IReadOnlyList<ISymbol> Owners { get; }
    }

    /// <summary>
    /// The banned symbols of one compilation, built once at compilation start. Lookups are by identifier text
    /// first (a set of every name a banned use can be spelled with), so the semantic model is asked only for
    /// identifiers that could be a banned use.
    /// </summary>
    internal sealed class BanTable
    {
        private readonly Dictionary<ISymbol, Ban> _bans = new Dictionary<ISymbol, Ban>(SymbolEqualityComparer.Default);

        // Namespaces by full name: a metadata type's containing namespace is its assembly's, not the compilation's
        // merged namespace that resolution returns, and the two are different symbols.
        private readonly Dictionary<string, Ban> _namespaceBans = new Dictionary<string, Ban>(StringComparer.Ordinal);
        private readonly HashSet<string> _names = new HashSet<string>(StringComparer.Ordinal);
        private readonly List<AmbiguousTarget> _ambiguous = new List<AmbiguousTarget>();
        public bool IsEmpty => _bans.Count == 0 && _namespaceBans.Count == 0;

        public IReadOnlyList<AmbiguousTarget> Ambiguous => _ambiguous;

        public static BanTable Build(Compilation compilation, IEnumerable<LoadedRuleFile> files)
        {
            var table = new BanTable();
            var resolver = new RuleTargetResolver(compilation);
            foreach (var file in files)
            {
                foreach (var rule in file.Rules.Rules)
                {
                    foreach (var target in rule.BannedTargets)
                    {
                        var resolution = resolver.Resolve(target);
                        if (resolution.IsAmbiguous)
                        {
                            table._ambiguous.Add(new AmbiguousTarget(file, rule, target, resolution.AmbiguousOwners));
                            continue;
                        }

                        foreach (var symbol in resolution.Symbols)
                        {
                            table.Add(symbol, new Ban(file, rule, target));
                        }
                    }
                }
            }

            return table;
        }

        /// <summary>False when no banned use can be written with this identifier: the cheap first test.</summary>
        public bool MayBeBanned(string identifier) => _names.Contains(identifier);

        /// <summary>The ban that covers <paramref name="symbol"/>: itself, a containing type, or a containing namespace.</summary>
        public Ban? Find(ISymbol? symbol)
        {
            switch (symbol)
            {
                case IMethodSymbol method:
                    symbol = method.ReducedFrom ?? method;
                    break;
                case IPropertySymbol:
                case IFieldSymbol:
                case IEventSymbol:
                case INamedTypeSymbol:
                case INamespaceSymbol:
                    break;
                default:
                    // Locals, parameters, labels, type parameters: never a use of a banned API.
                    return null;
            }

            if (_bans.TryGetValue(RuleTargetResolver.Normalize(symbol), out var ban))
            {
                return ban;
            }

            for (var type = symbol.ContainingType; type != null; type = type.ContainingType)
            {
                if (_bans.TryGetValue(type.OriginalDefinition, out ban))
                {
                    return ban;
                }
            }

            if (_namespaceBans.Count > 0)
            {
                for (var ns = symbol as INamespaceSymbol ?? symbol.ContainingNamespace; ns != null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
                {
                    if (_namespaceBans.TryGetValue(ns.ToDisplayString(), out ban))
                    {
                        return ban;
                    }
                }
            }

            return null;
        }

        private void Add(ISymbol symbol, Ban ban)
        {
            // The first rule to ban a symbol is the one its messages quote.
            if (symbol is INamespaceSymbol ns)
            {
                if (!_namespaceBans.ContainsKey(ns.ToDisplayString()))
                {
                    _namespaceBans.Add(ns.ToDisplayString(), ban);

                    // Nested namespaces are covered too: their names and types are uses.
                    AddNamespaceNames(ns);
                }

                return;
            }

            if (_bans.ContainsKey(symbol))
            {
                return;
            }

            _bans.Add(symbol, ban);
            switch (symbol)
            {
                case INamedTypeSymbol type:
                    AddTypeNames(type);
                    break;
                default:
                    _names.Add(symbol.Name);
                    break;
            }
        }

        private void AddNamespaceNames(INamespaceSymbol ns)
        {
            _names.Add(ns.Name);
            foreach (var type in ns.GetTypeMembers())
            {
                AddTypeNames(type);
            }

            foreach (var child in ns.GetNamespaceMembers())
            {
                AddNamespaceNames(child);
            }
        }

        private void AddTypeNames(INamedTypeSymbol type)
        {
            _names.Add(type.Name);
            if (type.Name.EndsWith("Attribute", StringComparison.Ordinal) && type.Name.Length > "Attribute".Length)
            {
                _names.Add(type.Name.Substring(0, type.Name.Length - "Attribute".Length));
            }

            foreach (var name in type.MemberNames)
            {
                _names.Add(name);
            }

            foreach (var nested in type.GetTypeMembers())
            {
                AddTypeNames(nested);
            }
        }

        /// <summary>The text that would make an ambiguous target precise: the first candidate, fully qualified.</summary>
        public static string Suggestion(AmbiguousTarget ambiguous)
        {
            var segments = ambiguous.Target.Segments;
            var last = segments.Count > 0 ? segments[segments.Count - 1].Name : ambiguous.Target.Text;
            return ambiguous.Owners[0].ToDisplayString() + "." + last;
        }

        public static string OwnerList(AmbiguousTarget ambiguous) =>
            string.Join(" and ", ambiguous.Owners.Select(owner => owner.ToDisplayString()));
    }
}
