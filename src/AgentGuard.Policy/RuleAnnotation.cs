using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace AgentGuard.Policy
{
    /// <summary>
    /// An explicit <c>&lt;!-- agentguard: ... --&gt;</c> annotation on a bullet: what prose cannot say precisely.
    /// Directives are separated by <c>;</c>: <c>ban</c>, <c>construct</c>, <c>forbid-dependency</c>,
    /// <c>forbid-path</c>, <c>require-approval</c>, <c>builtin</c>, <c>severity</c>, <c>scope</c>, <c>ignore</c>.
    /// </summary>
    public sealed class RuleAnnotation
    {
        private static readonly TieredRegex Comment = new TieredRegex(@"^<!--\s*agentguard\s*:(?<body>.*?)-->$", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        private static readonly TieredRegex Dependency = new TieredRegex(@"^(?<from>\S+)\s*(?:->|-/->|=>)\s*(?<to>\S+)$", RegexOptions.CultureInvariant);

        /// <summary>The directive names, for messages.</summary>
        public const string DirectiveList = "ban, construct, forbid-dependency, forbid-path, require-approval, builtin, severity, scope, ignore";

        /// <summary>Symbols to ban, exactly.</summary>
        public List<RuleTarget> Bans { get; } = new List<RuleTarget>();

        /// <summary>Constructs to ban.</summary>
        public List<BannedConstruct> Constructs { get; } = new List<BannedConstruct>();

        /// <summary>Dependencies to forbid.</summary>
        public List<DependencyRule> Dependencies { get; } = new List<DependencyRule>();

        /// <summary>Paths to protect.</summary>
        public List<PathRule> Paths { get; } = new List<PathRule>();

        /// <summary>Built-in checks to escalate.</summary>
        public List<string> Builtins { get; } = new List<string>();

        /// <summary>Path globs the rule is limited to.</summary>
        public List<string> ScopePaths { get; } = new List<string>();

        /// <summary>Test or production code only, when set.</summary>
        public TestScope? Tests { get; private set; }

        /// <summary>The severity the annotation sets.</summary>
        public RuleSeverity Severity { get; private set; }

        /// <summary>True when the rule is not to be enforced at all.</summary>
        public bool Ignore { get; private set; }

        /// <summary>What did not parse.</summary>
        public List<RuleProblem> Problems { get; } = new List<RuleProblem>();

        /// <summary>True when the annotation says what to enforce, replacing the prose's interpretation.</summary>
        public bool DefinesEnforcement => Bans.Count + Constructs.Count + Dependencies.Count + Paths.Count + Builtins.Count > 0;

        /// <summary>True for an HTML comment that is meant as an annotation (<c>&lt;!-- agentguard: ...</c>).</summary>
        public static bool IsAnnotation(string html) => Comment.IsMatch(html.Trim());

        /// <summary>Adds the directives of one comment to <paramref name="annotation"/> (created when null).</summary>
        public static RuleAnnotation Parse(string html, RuleAnnotation? annotation = null)
        {
            annotation ??= new RuleAnnotation();
            var match = Comment.Match(html.Trim());
            if (!match.Success)
            {
                return annotation;
            }

            var body = match.Groups["body"].Value.Trim();
            if (body.Length == 0)
            {
                annotation.Problem(html.Trim(), "the annotation is empty; write one of: " + DirectiveList);
            }

            foreach (var part in body.Split(';'))
            {
                var directive = part.Trim();
                if (directive.Length > 0)
                {
                    annotation.Apply(directive);
                }
            }

            return annotation;
        }

        private void Apply(string directive)
        {
            var space = directive.IndexOfAny(new[] { ' ', '\t' });
            var name = (space < 0 ? directive : directive.Substring(0, space)).ToLowerInvariant();
            var argument = space < 0 ? string.Empty : directive.Substring(space + 1).Trim();
            switch (name)
            {
                case "ban":
                    foreach (var item in List(directive, argument))
                    {
                        var target = RuleTarget.Parse(item);
                        if (target.Kind == RuleTargetKind.Other)
                        {
                            Problem(directive, $"'{item}' is neither a C# name nor a documentation ID; write e.g. 'ban M:System.GC.Collect' or 'ban System.GC.Collect'");
                        }
                        else
                        {
                            Bans.Add(target);
                        }
                    }

                    break;
                case "construct":
                    foreach (var item in List(directive, argument))
                    {
                        if (ConstructTable.TryParseName(item, out var construct))
                        {
                            Constructs.Add(construct);
                        }
                        else
                        {
                            Problem(directive, $"'{item}' is not a construct AgentGuard knows; write one of: {string.Join(", ", Enum.GetNames(typeof(BannedConstruct)))}");
                        }
                    }

                    break;
                case "forbid-dependency":
                    var dependency = Dependency.Match(argument);
                    if (dependency.Success)
                    {
                        Dependencies.Add(new DependencyRule(dependency.Groups["from"].Value, dependency.Groups["to"].Value));
                    }
                    else
                    {
                        Problem(directive, "write 'forbid-dependency <from> -> <to>', e.g. 'forbid-dependency Shop.Domain -> Shop.Infrastructure'");
                    }

                    break;
                case "forbid-path":
                case "require-approval":
                    foreach (var item in List(directive, argument))
                    {
                        if (PathGlob.Problem(item) is { } problem)
                        {
                            Problem(directive, problem);
                        }
                        else
                        {
                            Paths.Add(new PathRule(item, name == "forbid-path" ? PathRuleKind.Forbidden : PathRuleKind.Approval));
                        }
                    }

                    break;
                case "builtin":
                    foreach (var item in List(directive, argument))
                    {
                        if (BuiltinTable.IsBuiltinId(item.ToUpperInvariant()))
                        {
                            Builtins.Add(item.ToUpperInvariant());
                        }
                        else
                        {
                            Problem(directive, $"'{item}' is not a built-in check; write one of AG1001 to AG1009");
                        }
                    }

                    break;
                case "severity":
                    switch (argument.ToLowerInvariant())
                    {
                        case "error":
                            Severity = RuleSeverity.Error;
                            break;
                        case "warning":
                            Severity = RuleSeverity.Warning;
                            break;
                        case "info":
                        case "suggestion":
                            Severity = RuleSeverity.Info;
                            break;
                        default:
                            Problem(directive, $"'{argument}' is not a severity; write 'severity error', 'severity warning' or 'severity info'");
                            break;
                    }

                    break;
                case "scope":
                    foreach (var item in List(directive, argument))
                    {
                        switch (item.ToLowerInvariant())
                        {
                            case "tests":
                                Tests = TestScope.TestsOnly;
                                break;
                            case "production":
                                Tests = TestScope.ProductionOnly;
                                break;
                            default:
                                if (PathGlob.Problem(item) is { } problem)
                                {
                                    Problem(directive, problem);
                                }
                                else
                                {
                                    ScopePaths.Add(item);
                                }

                                break;
                        }
                    }

                    break;
                case "ignore":
                    if (argument.Length > 0)
                    {
                        Problem(directive, "'ignore' takes no argument");
                    }

                    Ignore = true;
                    break;
                default:
                    Problem(directive, $"'{name}' is not an annotation directive; write one of: {DirectiveList}");
                    break;
            }
        }

        private IEnumerable<string> List(string directive, string argument)
        {
            var items = new List<string>();
            foreach (var item in argument.Split(','))
            {
                if (item.Trim().Length > 0)
                {
                    items.Add(item.Trim());
                }
            }

            if (items.Count == 0)
            {
                Problem(directive, $"'{directive}' needs an argument");
            }

            return items;
        }

        private void Problem(string subject, string message) =>
            Problems.Add(new RuleProblem(RuleProblemKind.MalformedAnnotation, subject, message));
    }
}
