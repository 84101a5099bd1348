using System.Collections.Generic;
using AgentGuard.Policy;

namespace AgentGuard.Build.Boundaries
{
    /// <summary>A glob entry of the manifest (<c>forbidden</c>, <c>approval</c>, <c>generated</c>) and where it is written.</summary>
    internal sealed class ManifestEntry
    {
        public ManifestEntry(string section, string glob, string? reason, int line, int column)
        {
            Section = section;
            Text = glob;
            Glob = PathGlob.Parse(glob);
            Reason = reason;
            Line = line;
            Column = column;
        }

        public string Section { get; }

        /// <summary>The glob as written.</summary>
        public string Text { get; }

        public PathGlob Glob { get; }

        public string? Reason { get; }

        public int Line { get; }

        public int Column { get; }
    }

    /// <summary>How a changed source file's tests are recognised.</summary>
    internal enum TestMatch
    {
        /// <summary>Any changed file under the rule's tests glob.</summary>
        Any,

        /// <summary>A changed test file whose name contains the source file's name.</summary>
        Name,
    }

    /// <summary>A <c>tests</c> entry: changes to <see cref="Source"/> need changes to <see cref="Tests"/>.</summary>
    internal sealed class TestRequirement
    {
        public TestRequirement(string source, string tests, TestMatch match, string? reason, int line, int column)
        {
            SourceText = source;
            TestsText = tests;
            Source = PathGlob.Parse(source);
            Tests = PathGlob.Parse(tests);
            Match = match;
            Reason = reason;
            Line = line;
            Column = column;
        }

        public string SourceText { get; }

        public string TestsText { get; }

        public PathGlob Source { get; }

        public PathGlob Tests { get; }

        public TestMatch Match { get; }

        public string? Reason { get; }

        public int Line { get; }

        public int Column { get; }
    }

    /// <summary><c>agentguard.json</c> version 1: the paths a change may not touch, needs approval for, or must review.</summary>
    internal sealed class BoundaryManifest
    {
        public BoundaryManifest(
            string? baseRef,
            IReadOnlyList<ManifestEntry> forbidden,
            IReadOnlyList<ManifestEntry> approval,
            IReadOnlyList<ManifestEntry> generated,
            IReadOnlyList<TestRequirement> tests,
            bool dependenciesNeedApproval,
            int dependenciesLine)
        {
            BaseRef = baseRef;
            Forbidden = forbidden;
            Approval = approval;
            Generated = generated;
            Tests = tests;
            DependenciesNeedApproval = dependenciesNeedApproval;
            DependenciesLine = dependenciesLine;
        }

        public string? BaseRef { get; }

        public IReadOnlyList<ManifestEntry> Forbidden { get; }

        public IReadOnlyList<ManifestEntry> Approval { get; }

        public IReadOnlyList<ManifestEntry> Generated { get; }

        public IReadOnlyList<TestRequirement> Tests { get; }

        /// <summary>True unless <c>"dependencies": "off"</c>.</summary>
        public bool DependenciesNeedApproval { get; }

        /// <summary>The line of the <c>dependencies</c> key, or 0 when the default applies.</summary>
        public int DependenciesLine { get; }
    }

    /// <summary>A problem in the manifest, at its line and column (1-based).</summary>
    internal sealed class ManifestProblem
    {
        public ManifestProblem(int line, int column, string message)
        {
            Line = line;
            Column = column;
            Message = message;
        }

        public int Line { get; }

        public int Column { get; }

        public string Message { get; }

        public override string ToString() => $"({Line},{Column}): {Message}";
    }
}
