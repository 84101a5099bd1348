using System.Collections.Immutable;
using AgentGuard.Policy;
using Microsoft.CodeAnalysis;

namespace AgentGuard.Analyzers
{
    /// <summary>Every diagnostic AgentGuard's analyzers report, each with its documentation page.</summary>
    internal static class Descriptors
    {
        private const string GoldenRules = "AgentGuard.GoldenRules";
        private const string Builtins = "AgentGuard.Builtins";

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

        // {1} is empty, or " (forbidden by a golden rule: FILE line N: "...")" when a rule escalates the check.
        public static readonly DiagnosticDescriptor TodoMarker = new DiagnosticDescriptor(
            DiagnosticIds.TodoMarker,
            title: "TODO marker left in code",
            messageFormat: "'{0}' marker left in a comment{1}",
            category: Builtins,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A TODO, FIXME, HACK, XXX or PROTOTYPE marker says the change is not finished. Finish it, or track it in an issue (and allow issue references in .editorconfig).",
            helpLinkUri: DiagnosticIds.HelpUri(DiagnosticIds.TodoMarker));

        public static readonly DiagnosticDescriptor PlaceholderContent = new DiagnosticDescriptor(
            DiagnosticIds.PlaceholderContent,
            title: "Placeholder content",
            messageFormat: "Placeholder content left in the code: {0}{1}",
            category: Builtins,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Lorem ipsum, documentation hosts (example.com), placeholder hosts and placeholder keys in production strings are unfinished work that ships.",
            helpLinkUri: DiagnosticIds.HelpUri(DiagnosticIds.PlaceholderContent));

        public static readonly DiagnosticDescriptor StubBody = new DiagnosticDescriptor(
            DiagnosticIds.StubBody,
            title: "Stub body",
            messageFormat: "'{0}' only throws NotImplementedException{1}",
            category: Builtins,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A member whose whole body is 'throw new NotImplementedException()' looks finished to callers and fails at run time. NotSupportedException, a design decision, is not reported.",
            helpLinkUri: DiagnosticIds.HelpUri(DiagnosticIds.StubBody));

        public static readonly DiagnosticDescriptor SkippedTest = new DiagnosticDescriptor(
            DiagnosticIds.SkippedTest,
            title: "Skipped or disabled test",
            messageFormat: "{0}{1}",
            category: Builtins,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A test skipped (xUnit Skip =), ignored ([Ignore]), made explicit without a reason ([Explicit]) or disabled by commenting out its attribute no longer protects anything, and is the quickest way to a green build.",
            helpLinkUri: DiagnosticIds.HelpUri(DiagnosticIds.SkippedTest));

        public static readonly DiagnosticDescriptor TestWithoutAssertion = new DiagnosticDescriptor(
            DiagnosticIds.TestWithoutAssertion,
            title: "Test without an assertion",
            messageFormat: "Test '{0}' asserts nothing{1}",
            category: Builtins,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A test that asserts nothing passes whatever the code does. Assertions count from the test frameworks, FluentAssertions, Shouldly, mock verification, snapshot verification, an expected-exception attribute, a throw, and helpers that assert.",
            helpLinkUri: DiagnosticIds.HelpUri(DiagnosticIds.TestWithoutAssertion));

        public static readonly DiagnosticDescriptor SwallowedException = new DiagnosticDescriptor(
            DiagnosticIds.SwallowedException,
            title: "Swallowed exception",
            messageFormat: "{0}{1}",
            category: Builtins,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "An empty catch, or a catch of every exception that neither rethrows, throws, logs nor records the exception, turns a failure into silent success. Fail closed: let it propagate, or handle it visibly.",
            helpLinkUri: DiagnosticIds.HelpUri(DiagnosticIds.SwallowedException));

        public static readonly DiagnosticDescriptor HardCodedSecret = new DiagnosticDescriptor(
            DiagnosticIds.HardCodedSecret,
            title: "Hard-coded secret",
            messageFormat: "This string holds {0}; move it to a secret store and rotate it{1}",
            category: Builtins,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "A credential in a well-known format (cloud access key, repository token, payment live key, chat token, storage account key, private key, signed JWT) or a connection string with a literal password. The message never repeats the secret.",
            helpLinkUri: DiagnosticIds.HelpUri(DiagnosticIds.HardCodedSecret));

        public static readonly DiagnosticDescriptor UnjustifiedSuppression = new DiagnosticDescriptor(
            DiagnosticIds.UnjustifiedSuppression,
            title: "Suppression without justification",
            messageFormat: "{0} suppresses {2} without saying why{1}",
            category: Builtins,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A '#pragma warning disable' without a comment on its line (or the line above), or a [SuppressMessage] without a Justification, hides a warning with no reason a reviewer can check.",
            helpLinkUri: DiagnosticIds.HelpUri(DiagnosticIds.UnjustifiedSuppression));

        public static readonly DiagnosticDescriptor AgentGuardSuppression = new DiagnosticDescriptor(
            DiagnosticIds.AgentGuardSuppression,
            title: "AgentGuard diagnostic suppressed in code",
            messageFormat: "{0} suppresses {1}: AgentGuard's findings are not suppressed in code",
            category: Builtins,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "Suppressing an AgentGuard diagnostic in code is how a change switches off the rules that govern it. Fix the finding, or change the rule where the team reviews rules.",
            helpLinkUri: DiagnosticIds.HelpUri(DiagnosticIds.AgentGuardSuppression));

        public static readonly DiagnosticDescriptor KeptByBaseline = new DiagnosticDescriptor(
            DiagnosticIds.KeptByBaseline,
            title: "Finding kept by the baseline",
            messageFormat: "{0}",
            category: GoldenRules,
            defaultSeverity: DiagnosticSeverity.Info,
            isEnabledByDefault: true,
            description: "A finding that existed when the team wrote its baseline (.agentguard/baseline.txt): it is listed, not failed. Fix it and run -t:AgentGuardBaseline to shrink the baseline.",
            helpLinkUri: DiagnosticIds.HelpUri(DiagnosticIds.KeptByBaseline),
            // The baseline target reads these from the compiler's error log, and the build compares them with the baseline:
            // a severity of none would drop them from the log and make every entry look fixed.
            customTags: WellKnownDiagnosticTags.NotConfigurable);

        public static readonly DiagnosticDescriptor AnalyzersRan = new DiagnosticDescriptor(
            DiagnosticIds.AnalyzersRan,
            title: "AgentGuard's analyzers ran",
            messageFormat: "AgentGuard's analyzers ran in this compilation{0}",
            category: GoldenRules,
            defaultSeverity: DiagnosticSeverity.Info,
            isEnabledByDefault: true,
            description: "In CI mode, one per compilation: the build reads it from the compiler's error log after compiling, and fails with AG2008 where it is missing, because a compilation without it ran without AgentGuard's analyzers. It also names the findings whose severity the compilation lowers, and where from.",
            helpLinkUri: DiagnosticIds.HelpUri(DiagnosticIds.AnalyzersRan),
            // Neither a severity nor NoWarn can remove it: a project that did would fail with AG2008 saying the analyzers did not run.
            customTags: new[] { WellKnownDiagnosticTags.NotConfigurable, WellKnownDiagnosticTags.CompilationEnd });

        /// <summary>The findings in code, each of which a lowered severity would let through (the mark names those).</summary>
        public static readonly ImmutableArray<DiagnosticDescriptor> Findings = ImmutableArray.Create(
            BannedSymbol, BannedConstruct, ForbiddenDependency, TodoMarker, PlaceholderContent, StubBody, SkippedTest,
            TestWithoutAssertion, SwallowedException, HardCodedSecret, UnjustifiedSuppression, AgentGuardSuppression);
    }
}
