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
        public Ban(LoadedRuleFile file, GoldenRule rule, RuleTarget target, ISymbol symbol)
        {
            File = file;
            Rule = rule;
            Target = target;
            Symbol = symbol;
        }

        public LoadedRuleFile File { get; }

        public GoldenRule Rule { get; }

        public RuleTarget Target { get; }

        /// <summary>The resolved symbol: a member, a type or a namespace.</summary>
        public ISymbol Symbol { get; }
    }

    /// <summary>A rule target that cannot be enforced in this compilation, reported on the rule's own line (AG0011).</summary>
    internal sealed class UnenforceableTarget
    {
        public UnenforceableTarget(LoadedRuleFile file, GoldenRule rule, string message)
        {
            File = file;
            Rule = rule;
            Message = message;
        }

        public LoadedRuleFile File { get; }

        public GoldenRule Rule { get; }

        public string Message { get; }
    }

    /// <summary>
    /// The banned symbols of one compilation, built once at compilation start. Lookups are by identifier text first
    /// (a set of every name a banned use can be spelled with), so the semantic model is asked only for identifiers
    /// that could be a banned use. A member counts as a use of a banned type when it is reached through that type
    /// (<c>random.Next()</c>, <c>Console.Out</c>), not merely declared on it: <c>argumentException.Message</c> is no
    /// use of a banned <c>Exception</c>.
    /// </summary>
    internal sealed class BanTable
    {
        private readonly RuleContext _context;
        private readonly Dictionary<ISymbol, List<Ban>> _bans = new Dictionary<ISymbol, List<Ban>>(SymbolEqualityComparer.Default);
        private readonly Dictionary<ISymbol, List<Ban>> _constructionBans = new Dictionary<ISymbol, List<Ban>>(SymbolEqualityComparer.Default);

        // Namespaces by name segments: a metadata type's containing namespace is its assembly's, not the compilation's
        // merged namespace that resolution returns, and the two are different symbols.
        private readonly List<(string[] Segments, Ban Ban)> _namespaceBans = new List<(string[] Segments, Ban Ban)>();

        // "Use `Console.WriteLine` for output" in a nested rule file lifts an outer file's ban for the code under it.
        private readonly Dictionary<ISymbol, List<LoadedRuleFile>> _allowed = new Dictionary<ISymbol, List<LoadedRuleFile>>(SymbolEqualityComparer.Default);
        private readonly HashSet<string> _names = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<string> _constructionNames = new HashSet<string>(StringComparer.Ordinal);
        private readonly List<UnenforceableTarget> _unenforceable = new List<UnenforceableTarget>();

        private BanTable(RuleContext context) => _context = context;

        public bool IsEmpty => _bans.Count == 0 && _namespaceBans.Count == 0 && _constructionBans.Count == 0;

        public bool HasConstructionBans => _constructionBans.Count > 0;

        public IReadOnlyList<UnenforceableTarget> Unenforceable => _unenforceable;

        public static BanTable Build(Compilation compilation, RuleContext context)
        {
            var table = new BanTable(context);
            var resolver = new RuleTargetResolver(compilation);
            foreach (var file in context.Files)
            {
                foreach (var rule in file.Rules.Rules)
                {
                    foreach (var target in rule.BannedTargets)
                    {
                        var resolution = resolver.Resolve(target);
                        if (resolution.Problem != null)
                        {
                            table._unenforceable.Add(new UnenforceableTarget(file, rule, resolution.Problem));
                            continue;
                        }

                        foreach (var symbol in resolution.Symbols)
                        {
                            table.Add(new Ban(file, rule, target, symbol));
                        }
                    }

                    if (file.ScopeFolder != null)
                    {
                        foreach (var allowed in rule.AllowedTargets)
                        {
                            foreach (var symbol in resolver.Resolve(allowed).Symbols)
                            {
                                table.Allow(symbol, file);
                            }
                        }
                    }
                }
            }

            if (table._constructionBans.Count > 0)
            {
                table.AddDerivedConstructionNames(compilation.Assembly.GlobalNamespace);
            }

            return table;
        }

        /// <summary>False when no <c>new T()</c> of this type name can break a construction ban: the cheap first test.</summary>
        public bool MayBeBannedConstruction(string typeName) => _constructionNames.Contains(typeName);

        /// <summary>Source types deriving from a type whose construction is banned: <c>new RetryingClient()</c> constructs an HttpClient.</summary>
        private void AddDerivedConstructionNames(INamespaceSymbol ns)
        {
            foreach (var type in ns.GetTypeMembers())
            {
                for (var baseType = type.BaseType; baseType != null; baseType = baseType.BaseType)
                {
                    if (_constructionBans.ContainsKey(baseType.OriginalDefinition))
                    {
                        _constructionNames.Add(type.Name);
                        break;
                    }
                }
            }

            foreach (var child in ns.GetNamespaceMembers())
            {
                AddDerivedConstructionNames(child);
            }
        }

        /// <summary>False when no banned use can be written with this identifier: the cheap first test.</summary>
        public bool MayBeBanned(string identifier) => _names.Contains(identifier);

        /// <summary>
        /// The ban a use of <paramref name="symbol"/> in <paramref name="tree"/> breaks, if any. <paramref name="receiver"/> is
        /// the type the member is reached through (<c>random</c> in <c>random.Next()</c>), computed only when needed; <paramref name="enclosing"/> is
        /// the symbol the use is written in, so a banned type's own code is not a use of it.
        /// </summary>
        public Ban? FindUse(ISymbol? symbol, Func<ITypeSymbol?> receiver, SyntaxTree tree, ISymbol? enclosing)
        {
            switch (symbol)
            {
                case IMethodSymbol method:
                    var original = method.ReducedFrom ?? method;
                    var direct = Applicable(Lookup(_bans, RuleTargetResolver.Normalize(original)), tree, enclosing);
                    if (direct != null || method.MethodKind == MethodKind.Constructor)
                    {
                        // `new T()` and `[T]` bind to a constructor; the type's name node reports the use of T.
                        return direct;
                    }

                    // An extension method is reached through its static class, whatever its receiver.
                    return FindThroughType(original.IsExtensionMethod ? original.ContainingType : receiver() ?? original.ContainingType, tree, enclosing);
                case IPropertySymbol:
                case IFieldSymbol:
                case IEventSymbol:
                    return Applicable(Lookup(_bans, RuleTargetResolver.Normalize(symbol)), tree, enclosing)
                        ?? FindThroughType(receiver() ?? symbol.ContainingType, tree, enclosing);
                case INamedTypeSymbol type:
                    return FindThroughType(type, tree, enclosing);
                case INamespaceSymbol ns:
                    return FindNamespace(ns, tree, enclosing);
                default:
                    // Locals, parameters, labels, type parameters: never a use of a banned API.
                    return null;
            }
        }

        /// <summary>The construction ban that <c>new</c> of <paramref name="type"/> (or of a type derived from a banned one) breaks.</summary>
        public Ban? FindConstruction(ITypeSymbol? type, SyntaxTree tree, ISymbol? enclosing, IMethodSymbol? constructor)
        {
            for (var current = type as INamedTypeSymbol; current != null; current = current.BaseType)
            {
                var bans = Lookup(_constructionBans, current.OriginalDefinition);
                if (bans != null && bans.Exists(candidate => candidate.Target.ExemptConstructors.Count > 0))
                {
                    // "not the other `Channel` constructors": the constructor the rule asks for stays allowed. Which base
                    // constructor a derived type's constructor calls is not seen here, and an unresolved constructor is a
                    // compile error of its own: such a ban is not reported for either.
                    var own = constructor != null && SymbolEqualityComparer.Default.Equals(constructor.ContainingType.OriginalDefinition, current.OriginalDefinition);
                    bans = bans.FindAll(candidate => candidate.Target.ExemptConstructors.Count == 0 || (own && !Exempts(candidate.Target, constructor!)));
                }

                var ban = Applicable(bans, tree, enclosing);
                if (ban != null)
                {
                    return ban;
                }
            }

            return null;
        }

        private Ban? FindThroughType(ITypeSymbol? type, SyntaxTree tree, ISymbol? enclosing)
        {
            if (type is not INamedTypeSymbol named)
            {
                return null;
            }

            for (var current = named; current != null; current = current.ContainingType)
            {
                var ban = Applicable(Lookup(_bans, current.OriginalDefinition), tree, enclosing);
                if (ban != null)
                {
                    return ban;
                }
            }

            return named.ContainingNamespace is { } ns ? FindNamespace(ns, tree, enclosing) : null;
        }

        private Ban? FindNamespace(INamespaceSymbol ns, SyntaxTree tree, ISymbol? enclosing)
        {
            if (_namespaceBans.Count == 0 || ns.IsGlobalNamespace)
            {
                return null;
            }

            foreach (var (segments, ban) in _namespaceBans)
            {
                if (IsWithin(ns, segments) && _context.Applies(ban.File, ban.Rule, tree) && !IsOwnCode(ban, enclosing))
                {
                    return ban;
                }
            }

            return null;
        }

        /// <summary>True when <paramref name="constructor"/> has the parameter types of a constructor the rule allows.</summary>
        private static bool Exempts(RuleTarget target, IMethodSymbol constructor)
        {
            // The written types are compared with the constructor as declared (IEqualityComparer<TKey>) and as used
            // (IEqualityComparer<string>); parameters the rule leaves out must be optional.
            var declared = constructor.OriginalDefinition;
            foreach (var parameters in target.ExemptConstructors)
            {
                if (parameters.Count <= constructor.Parameters.Length
                    && constructor.Parameters.Skip(parameters.Count).All(parameter => parameter.IsOptional || parameter.IsParams)
                    && parameters.Select((written, index) => SameType(written, constructor.Parameters[index].Type) || SameType(written, declared.Parameters[index].Type)).All(same => same))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>"ChannelOptions", "string", "System.String", "List&lt;int&gt;", "params object[]" as a rule writes a parameter type.</summary>
        private static bool SameType(string written, ITypeSymbol type)
        {
            foreach (var modifier in new[] { "ref ", "out ", "in ", "params " })
            {
                if (written.StartsWith(modifier, StringComparison.Ordinal))
                {
                    written = written.Substring(modifier.Length);
                }
            }

            written = written.Replace(" ", string.Empty).TrimEnd('?');
            return written == type.Name
                || written == type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat).Replace(" ", string.Empty).TrimEnd('?')
                || written == type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat).Replace(" ", string.Empty).TrimEnd('?');
        }

        private static List<Ban>? Lookup(Dictionary<ISymbol, List<Ban>> bans, ISymbol symbol) =>
            bans.TryGetValue(symbol, out var list) ? list : null;

        private Ban? Applicable(List<Ban>? bans, SyntaxTree tree, ISymbol? enclosing)
        {
            if (bans == null)
            {
                return null;
            }

            foreach (var ban in bans)
            {
                if (_context.Applies(ban.File, ban.Rule, tree) && !IsAllowedNearer(ban, tree) && !IsOwnCode(ban, enclosing))
                {
                    return ban;
                }
            }

            return null;
        }

        private bool IsAllowedNearer(Ban ban, SyntaxTree tree) =>
            _allowed.TryGetValue(ban.Symbol, out var files) && files.Any(file => file.Depth > ban.File.Depth && file.Covers(tree.FilePath));

        /// <summary>A banned type's (or namespace's) own code uses its members; that is not a use of the ban.</summary>
        private static bool IsOwnCode(Ban ban, ISymbol? enclosing)
        {
            if (enclosing == null)
            {
                return false;
            }

            var owner = ban.Symbol as INamedTypeSymbol ?? ban.Symbol.ContainingType;
            if (owner != null)
            {
                for (var type = enclosing as INamedTypeSymbol ?? enclosing.ContainingType; type != null; type = type.ContainingType)
                {
                    if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, owner.OriginalDefinition))
                    {
                        return true;
                    }
                }

                return false;
            }

            return ban.Symbol is INamespaceSymbol banned
                && enclosing.ContainingNamespace is { } ns
                && IsWithin(ns, banned.ToDisplayString().Split('.'));
        }

        /// <summary>True when <paramref name="ns"/> is the namespace named by <paramref name="segments"/> or nested in it.</summary>
        private static bool IsWithin(INamespaceSymbol ns, string[] segments)
        {
            var depth = 0;
            for (var current = ns; current != null && !current.IsGlobalNamespace; current = current.ContainingNamespace)
            {
                depth++;
            }

            if (depth < segments.Length)
            {
                return false;
            }

            var level = ns;
            for (var i = depth; i > segments.Length; i--)
            {
                level = level.ContainingNamespace;
            }

            for (var i = segments.Length - 1; i >= 0; i--, level = level.ContainingNamespace)
            {
                if (!string.Equals(level.Name, segments[i], StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }

        private void Add(Ban ban)
        {
            switch (ban.Symbol)
            {
                case INamespaceSymbol ns:
                    _namespaceBans.Add((ns.ToDisplayString().Split('.'), ban));
                    AddNamespaceNames(ns);
                    break;
                case INamedTypeSymbol constructed when ban.Target.IsConstruction:
                    AddTo(_constructionBans, ban);
                    _constructionNames.Add(constructed.Name);
                    break;
                case INamedTypeSymbol type:
                    AddTo(_bans, ban);
                    AddTypeNames(type);
                    break;
                default:
                    AddTo(_bans, ban);
                    _names.Add(ban.Symbol.Name);
                    break;
            }
        }

        private void Allow(ISymbol symbol, LoadedRuleFile file)
        {
            if (!_allowed.TryGetValue(symbol, out var files))
            {
                _allowed[symbol] = files = new List<LoadedRuleFile>();
            }

            files.Add(file);
        }

        private static void AddTo(Dictionary<ISymbol, List<Ban>> bans, Ban ban)
        {
            if (!bans.TryGetValue(ban.Symbol, out var list))
            {
                bans[ban.Symbol] = list = new List<Ban>();
            }

            // The first rule to ban a symbol is the one its messages quote; later ones matter where the first does not apply.
            list.Add(ban);
        }

        // Names every type has: in the prefilter they would send most identifiers to the semantic model.
        private static readonly HashSet<string> UniversalMemberNames = new HashSet<string>(StringComparer.Ordinal)
        {
            "ToString", "Equals", "GetHashCode", "GetType", "Dispose", "DisposeAsync", "MemberwiseClone", "Finalize", ".ctor", ".cctor", "Deconstruct",
        };

        /// <summary>A namespace ban is seen where its namespace and types are named; members used through them are not looked up by name.</summary>
        private void AddNamespaceNames(INamespaceSymbol ns)
        {
            _names.Add(ns.Name);
            foreach (var type in ns.GetTypeMembers())
            {
                AddTypeName(type);
            }

            foreach (var child in ns.GetNamespaceMembers())
            {
                AddNamespaceNames(child);
            }
        }

        private void AddTypeName(INamedTypeSymbol type)
        {
            _names.Add(type.Name);
            if (type.Name.EndsWith("Attribute", StringComparison.Ordinal) && type.Name.Length > "Attribute".Length)
            {
                _names.Add(type.Name.Substring(0, type.Name.Length - "Attribute".Length));
            }

            foreach (var nested in type.GetTypeMembers())
            {
                AddTypeName(nested);
            }
        }

        /// <summary>A type ban is seen where the type is named and where its own members are used (<c>Console.WriteLine</c>, <c>random.Next()</c>).</summary>
        private void AddTypeNames(INamedTypeSymbol type)
        {
            AddTypeName(type);
            foreach (var name in type.MemberNames)
            {
                if (!UniversalMemberNames.Contains(name))
                {
                    _names.Add(name);
                }
            }
        }
    }
}
