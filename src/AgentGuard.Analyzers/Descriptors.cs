using AgentGuard.Policy;
using Microsoft.CodeAnalysis;

namespace AgentGuard.Analyzers
{
    /// <summary>Every diagnostic AgentGuard's analyzers report, each with its documentation page.</summary>
    internal static class Descriptors
    {
        private const string GoldenRules = "AgentGuard.GoldenRules";

        public static readonly DiagnosticDescriptor BannedSymbol = new DiagnosticDescriptor(
            DiagnosticIds.BannedSymbol,
            title: "Symbol banned by a golden rule",
            messageFormat: "'{0}' is banned by a golden rule ({1} line {2}: \"{3}\")",
            category: GoldenRules,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "A rule in CLAUDE.md or AGENTS.md forbids this API. The message quotes the rule and names the file and line it comes from.",
            helpLinkUri: DiagnosticIds.HelpUri(DiagnosticIds.BannedSymbol));

        public static readonly DiagnosticDescriptor BannedConstruct = new DiagnosticDescriptor(
            DiagnosticIds.BannedConstruct,
            title: "Construct banned by a golden rule",
            messageFormat: "'{0}' is banned by a golden rule ({1} line {2}: \"{3}\")",
            category: GoldenRules,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "A rule in CLAUDE.md or AGENTS.md forbids this C# construct (async void, dynamic, goto, #region, the null-forgiving operator, blocking on a task, ...).",
            helpLinkUri: DiagnosticIds.HelpUri(DiagnosticIds.BannedConstruct));

        public static readonly DiagnosticDescriptor ForbiddenDependency = new DiagnosticDescriptor(
            DiagnosticIds.ForbiddenDependency,
            title: "Dependency forbidden by a golden rule",
            messageFormat: "'{0}' is in {1}, which {2} must not depend on ({3} line {4}: \"{5}\")",
            category: GoldenRules,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "A rule such as \"`Shop.Domain` must not depend on `Shop.Infrastructure`\" forbids code in one namespace or assembly to use anything from another; this is such a use, or a using directive of it.",
            helpLinkUri: DiagnosticIds.HelpUri(DiagnosticIds.ForbiddenDependency));

        public static readonly DiagnosticDescriptor RuleExplanation = new DiagnosticDescriptor(
            DiagnosticIds.RuleExplanation,
            title: "How a golden rule is enforced",
            messageFormat: "{0}",
            category: GoldenRules,
            defaultSeverity: DiagnosticSeverity.Info,
            isEnabledByDefault: true,
            description: "Reported for every golden rule by 'dotnet build -t:AgentGuardExplain': what the rule enforces (symbols it resolved to, constructs, dependencies, paths, built-in checks, severity, scope) or why it is guidance only. The message is JSON the explain target turns into obj/agentguard/rules.json.",
            helpLinkUri: DiagnosticIds.HelpUri(DiagnosticIds.RuleExplanation));

        public static readonly DiagnosticDescriptor UnresolvableRuleTarget = new DiagnosticDescriptor(
            DiagnosticIds.UnresolvableRuleTarget,
            title: "Golden rule cannot be enforced as written",
            messageFormat: "Golden rule not enforced: {0}",
            category: GoldenRules,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A rule names something AgentGuard cannot pin down (a name that fits several symbols, a member without its type, a documentation ID that does not parse) or its file cannot be read. Nothing is guessed; the message says what to write instead.",
            helpLinkUri: DiagnosticIds.HelpUri(DiagnosticIds.UnresolvableRuleTarget));

        public static readonly DiagnosticDescriptor MalformedAnnotation = new DiagnosticDescriptor(
            DiagnosticIds.MalformedAnnotation,
            title: "Malformed agentguard annotation",
            messageFormat: "Malformed agentguard annotation: {0}",
            category: GoldenRules,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "An <!-- agentguard: ... --> annotation on a golden rule does not parse. Annotations are exact by design, so a broken one fails the build instead of being ignored.",
            helpLinkUri: DiagnosticIds.HelpUri(DiagnosticIds.MalformedAnnotation));
    }
}
