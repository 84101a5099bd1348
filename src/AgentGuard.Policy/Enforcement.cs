using System;
using System.Collections.Generic;

namespace AgentGuard.Policy
{
    /// <summary>A C# construct a golden rule can ban (AG0002). The table and its docs are in <c>docs/rules/AG0002.md</c>.</summary>
    public enum BannedConstruct
    {
        /// <summary><c>async void</c> methods and local functions; event handlers are exempt.</summary>
        AsyncVoid,

        /// <summary>The <c>dynamic</c> type.</summary>
        Dynamic,

        /// <summary><c>goto</c>, <c>goto case</c>, <c>goto default</c>.</summary>
        Goto,

        /// <summary><c>#region</c> directives.</summary>
        Region,

        /// <summary><c>#nullable disable</c> directives.</summary>
        NullableDisable,

        /// <summary><c>#pragma warning disable</c> directives.</summary>
        PragmaWarningDisable,

        /// <summary>The null-forgiving operator <c>x!</c>.</summary>
        NullForgiving,

        /// <summary><c>null!</c> and <c>default!</c>: the null-forgiving operator on a literal, the usual "initialized later" shortcut.</summary>
        NullLiteralForgiving,

        /// <summary><c>lock (this)</c>.</summary>
        LockThis,

        /// <summary>Blocking on a task through <c>.Result</c>.</summary>
        TaskResult,

        /// <summary>Blocking on a task through <c>.Wait()</c>.</summary>
        TaskWait,

        /// <summary>Blocking on a task through <c>.GetAwaiter().GetResult()</c>.</summary>
        GetAwaiterGetResult,

        /// <summary><c>unsafe</c> code.</summary>
        Unsafe,
    }

    /// <summary>What a path rule asks of a change that touches its paths (enforced by the boundary check).</summary>
    public enum PathRuleKind
    {
        /// <summary>No change may touch the path (AG2001).</summary>
        Forbidden,

        /// <summary>A change needs a human's approval (AG2002).</summary>
        Approval,

        /// <summary>The files are generated: a change needs a reviewed hash in the ledger (AG2003).</summary>
        Generated,

        /// <summary>A change to the files needs a change to <see cref="PathRule.TestsGlob"/> (AG2004).</summary>
        Tests,
    }

    /// <summary>A path or glob a rule protects ("Never edit `eng/common/**`"), relative to the rule file's folder.</summary>
    public sealed class PathRule
    {
        /// <summary>
        /// The tests glob of a rule that asks tests for every change and names no folder: any changed file whose path
        /// names a test (a folder or file name holding "test" or "spec", in any case) counts.
        /// </summary>
        public const string AnyTests = "**/*test*/**";

        /// <summary>True when <paramref name="path"/> names a test: a segment holding "test" or "spec", in any case.</summary>
        public static bool NamesTest(string path) =>
            path.IndexOf("test", StringComparison.OrdinalIgnoreCase) >= 0 || path.IndexOf("spec", StringComparison.OrdinalIgnoreCase) >= 0;

        /// <summary>Creates a path rule.</summary>
        public PathRule(string glob, PathRuleKind kind, string? testsGlob = null)
        {
            Glob = glob;
            Kind = kind;
            TestsGlob = testsGlob;
        }

        /// <summary>The glob as written; for <see cref="PathRuleKind.Tests"/> the source files.</summary>
        public string Glob { get; }

        /// <summary>For <see cref="PathRuleKind.Tests"/>: the test files that must change with the source.</summary>
        public string? TestsGlob { get; }

        /// <summary>Whether the path is forbidden or needs approval.</summary>
        public PathRuleKind Kind { get; }

        /// <inheritdoc />
        public override string ToString() => Kind + " " + Glob + (TestsGlob != null ? " => " + TestsGlob : string.Empty);
    }

    /// <summary>"`A` must not depend on `B`": code in <see cref="From"/> may not use anything from <see cref="To"/> (AG0003).</summary>
    public sealed class DependencyRule
    {
        /// <summary>Creates a dependency rule.</summary>
        public DependencyRule(string from, string to)
        {
            From = from;
            To = to;
        }

        /// <summary>The namespace or assembly that may not depend on <see cref="To"/>.</summary>
        public string From { get; }

        /// <summary>The namespace or assembly it may not use.</summary>
        public string To { get; }

        /// <inheritdoc />
        public override string ToString() => From + " -/-> " + To;
    }

    /// <summary>Which code a rule applies to, from test projects' point of view.</summary>
    public enum TestScope
    {
        /// <summary>All code.</summary>
        All,

        /// <summary>"in tests": test projects only.</summary>
        TestsOnly,

        /// <summary>"in production code", "except in tests": everything but test projects.</summary>
        ProductionOnly,
    }

    /// <summary>Where a rule applies: paths named by the rule (relative to its file's folder) and test or production code.</summary>
    public sealed class RuleScope
    {
        /// <summary>Everywhere the rule file applies.</summary>
        public static readonly RuleScope All = new RuleScope(Array.Empty<string>(), TestScope.All);

        /// <summary>Creates a scope.</summary>
        public RuleScope(IReadOnlyList<string> paths, TestScope tests)
        {
            Paths = paths;
            Tests = tests;
        }

        /// <summary>Globs the rule is limited to; empty means no limit.</summary>
        public IReadOnlyList<string> Paths { get; }

        /// <summary>Test or production code only, or all.</summary>
        public TestScope Tests { get; }

        /// <summary>True when the rule applies everywhere its file does.</summary>
        public bool IsAll => Paths.Count == 0 && Tests == TestScope.All;

        /// <inheritdoc />
        public override string ToString() => IsAll ? "all" : string.Join(", ", Paths) + (Tests == TestScope.All ? string.Empty : " " + Tests);
    }

    /// <summary>How a problem with a rule is reported on the rule's own line.</summary>
    public enum RuleProblemKind
    {
        /// <summary>The rule names something it cannot name precisely (AG0011).</summary>
        Imprecise,

        /// <summary>An <c>agentguard:</c> annotation does not parse (AG0012).</summary>
        MalformedAnnotation,
    }

    /// <summary>Why a rule cannot be enforced as written, with the text that would make it precise.</summary>
    public sealed class RuleProblem
    {
        /// <summary>Creates a problem.</summary>
        public RuleProblem(RuleProblemKind kind, string subject, string message)
        {
            Kind = kind;
            Subject = subject;
            Message = message;
        }

        /// <summary>Which diagnostic reports it.</summary>
        public RuleProblemKind Kind { get; }

        /// <summary>The text the problem is about (a code span, an annotation).</summary>
        public string Subject { get; }

        /// <summary>What is wrong and how to write it instead.</summary>
        public string Message { get; }

        /// <inheritdoc />
        public override string ToString() => Kind + ": " + Message;
    }

    /// <summary>A rule's severity when it is set by an annotation or softened by an escape clause.</summary>
    public enum RuleSeverity
    {
        /// <summary>The diagnostic's default.</summary>
        Default,

        /// <summary>Fails the build.</summary>
        Error,

        /// <summary>Reported, does not fail the build.</summary>
        Warning,

        /// <summary>Shown in the IDE only.</summary>
        Info,
    }
}
