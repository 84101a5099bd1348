using System;
using System.Collections.Generic;

namespace AgentGuard.Policy
{
    /// <summary>One normative bullet of a rule file and how it is enforced (or why it is not).</summary>
    public sealed class GoldenRule
    {
        internal GoldenRule(int line, string text, RulePolarity polarity, RuleParts parts)
        {
            Line = line;
            Text = text;
            Polarity = polarity;
            Ignored = parts.Ignored;
            BannedTargets = Frozen(parts.Ignored, parts.Symbols);
            Constructs = Frozen(parts.Ignored, parts.Constructs);
            Paths = Frozen(parts.Ignored, parts.Paths);
            Dependencies = Frozen(parts.Ignored, parts.Dependencies);
            Builtins = Frozen(parts.Ignored, parts.Builtins);
            Styles = Frozen(parts.Ignored, parts.Styles);
            BuiltinSubjects = parts.BuiltinSubjects.ToArray();
            AllowedTargets = parts.Allowed.ToArray();
            Scope = parts.ScopePaths.Count == 0 && parts.Tests == TestScope.All ? RuleScope.All : new RuleScope(parts.ScopePaths.ToArray(), parts.Tests);
            HasEscapeClause = parts.HasEscapeClause;
            Severity = parts.Severity;
            Problems = parts.Problems.ToArray();
            GuidanceReason = IsGuidance ? parts.GuidanceReason ?? (parts.Ignored ? "ignored by an agentguard: annotation" : "it names nothing AgentGuard can check (no symbol, construct, path or built-in check)") : null;
        }

        /// <summary>For a rule nothing enforces: why, in words explain prints.</summary>
        public string? GuidanceReason { get; }

        /// <summary>The 1-based line of the bullet in its file.</summary>
        public int Line { get; }

        /// <summary>The bullet's text on one line, code spans without backticks; under a "Never" heading, prefixed with it.</summary>
        public string Text { get; }

        /// <summary>The polarity of the bullet's leading clause.</summary>
        public RulePolarity Polarity { get; }

        /// <summary>Symbols the rule bans (AG0001), in the order written.</summary>
        public IReadOnlyList<RuleTarget> BannedTargets { get; }

        /// <summary>Constructs the rule bans (AG0002).</summary>
        public IReadOnlyList<BannedConstruct> Constructs { get; }

        /// <summary>Paths the rule protects, handed to the boundary check.</summary>
        public IReadOnlyList<PathRule> Paths { get; }

        /// <summary>Dependencies the rule forbids (AG0003).</summary>
        public IReadOnlyList<DependencyRule> Dependencies { get; }

        /// <summary>Built-in checks (AG1001-AG1009) the rule escalates to errors.</summary>
        public IReadOnlyList<string> Builtins { get; }

        /// <summary>Style rules enforced through the SDK's analyzers (IDE, CA, CS1591): <see cref="StyleTable"/>.</summary>
        public IReadOnlyList<StyleMapping> Styles { get; }

        /// <summary>
        /// The diagnostic IDs a rule about suppressions names ("CA2*" for "CA2xxx"): it escalates suppressions of those
        /// only. Empty: every one.
        /// </summary>
        public IReadOnlyList<string> BuiltinSubjects { get; }

        /// <summary>Symbols the rule asks for ("Use `Console.WriteLine` for output"): a nearer rule file lifts an outer ban with them.</summary>
        public IReadOnlyList<RuleTarget> AllowedTargets { get; }

        /// <summary>Where the rule applies, within its file's folder.</summary>
        public RuleScope Scope { get; }

        /// <summary>
        /// True when the rule leaves a way out ("unless explicitly asked", "where possible"): it is then
        /// enforced as a warning, since the code may be the exception the rule allows.
        /// </summary>
        public bool HasEscapeClause { get; }

        /// <summary>The severity an annotation set, or <see cref="RuleSeverity.Default"/>.</summary>
        public RuleSeverity Severity { get; }

        /// <summary>The severity to report at: the annotation's, else warning for an escape clause, else the diagnostic's default.</summary>
        public RuleSeverity EffectiveSeverity => Severity != RuleSeverity.Default ? Severity : HasEscapeClause ? RuleSeverity.Warning : RuleSeverity.Default;

        /// <summary>True when an annotation says <c>ignore</c>: the rule is listed, never enforced.</summary>
        public bool Ignored { get; }

        /// <summary>Why parts of the rule cannot be enforced as written (AG0011, AG0012).</summary>
        public IReadOnlyList<RuleProblem> Problems { get; }

        /// <summary>True when the analyzers enforce something of this rule in code.</summary>
        public bool IsEnforcedInCode => BannedTargets.Count + Constructs.Count + Dependencies.Count + Builtins.Count > 0;

        /// <summary>True when the boundary check enforces something of this rule on paths.</summary>
        public bool IsEnforcedOnPaths => Paths.Count > 0;

        /// <summary>True when the SDK's analyzers enforce a style the rule names (<see cref="Styles"/>).</summary>
        public bool IsEnforcedByStyle => Styles.Count > 0;

        /// <summary>True when nothing of the rule is machine-checked: it stays guidance.</summary>
        public bool IsGuidance => !IsEnforcedInCode && !IsEnforcedOnPaths && !IsEnforcedByStyle;

        /// <inheritdoc />
        public override string ToString() => "line " + Line + ": " + Text;

        private static IReadOnlyList<T> Frozen<T>(bool ignored, List<T> items) => ignored ? Array.Empty<T>() : items.ToArray();
    }

    /// <summary>What the interpreter collects for a rule before it is frozen.</summary>
    internal sealed class RuleParts
    {
        public List<RuleTarget> Symbols { get; } = new List<RuleTarget>();

        public List<BannedConstruct> Constructs { get; } = new List<BannedConstruct>();

        public List<PathRule> Paths { get; } = new List<PathRule>();

        public List<DependencyRule> Dependencies { get; } = new List<DependencyRule>();

        public List<string> Builtins { get; } = new List<string>();

        public List<StyleMapping> Styles { get; } = new List<StyleMapping>();

        public List<string> BuiltinSubjects { get; } = new List<string>();

        public List<RuleTarget> Allowed { get; } = new List<RuleTarget>();

        public List<string> ScopePaths { get; } = new List<string>();

        public List<RuleProblem> Problems { get; } = new List<RuleProblem>();

        public TestScope Tests { get; set; }

        public bool HasEscapeClause { get; set; }

        public RuleSeverity Severity { get; set; }

        public bool Ignored { get; set; }

        /// <summary>True when the rule is limited to a place or purpose the analyzers cannot see: enforced as a warning.</summary>
        public bool Restricted { get; set; }

        /// <summary>Why a target the rule names was not enforced, when one was passed over.</summary>
        public string? GuidanceReason { get; set; }

        public void AddSymbol(RuleTarget target)
        {
            if (!Symbols.Exists(existing => existing.Text == target.Text))
            {
                Symbols.Add(target);
            }
        }

        public void AddConstruct(BannedConstruct construct)
        {
            if (!Constructs.Contains(construct))
            {
                Constructs.Add(construct);
            }
        }

        public void AddBuiltin(string id)
        {
            if (!Builtins.Contains(id))
            {
                Builtins.Add(id);
            }
        }

        /// <summary>An annotation that says what to enforce replaces the prose's reading; severity, scope and ignore add to it.</summary>
        public void Apply(RuleAnnotation annotation)
        {
            if (annotation.DefinesEnforcement)
            {
                Symbols.Clear();
                Constructs.Clear();
                Paths.Clear();
                Dependencies.Clear();
                Builtins.Clear();
                Styles.Clear();
                Problems.RemoveAll(problem => problem.Kind == RuleProblemKind.Imprecise);
                annotation.Bans.ForEach(AddSymbol);
                annotation.Constructs.ForEach(AddConstruct);
                Paths.AddRange(annotation.Paths);
                Dependencies.AddRange(annotation.Dependencies);
                annotation.Builtins.ForEach(AddBuiltin);
            }

            if (annotation.Severity != RuleSeverity.Default)
            {
                Severity = annotation.Severity;
            }

            ScopePaths.AddRange(annotation.ScopePaths);
            if (annotation.Tests is { } tests)
            {
                Tests = tests;
            }

            Ignored |= annotation.Ignore;
            Problems.AddRange(annotation.Problems);
        }
    }
}
