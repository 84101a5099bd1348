using System.Collections.Generic;

namespace AgentGuard.Policy
{
    /// <summary>How a rule names the thing it bans.</summary>
    public enum RuleTargetKind
    {
        /// <summary>Text that is neither a C# name nor a documentation ID (a path, a construct, prose).</summary>
        Other,

        /// <summary>A C# name: <c>DateTime.Now</c>, <c>System.IO.File</c>, <c>ILogger&lt;T&gt;</c>, <c>Console.WriteLine()</c>.</summary>
        Name,

        /// <summary>A documentation comment ID: <c>M:System.DateTime.get_Now</c>, <c>T:System.Console</c>, <c>N:System.Data.SqlClient</c>.</summary>
        DocumentationId,
    }

    /// <summary>One segment of a dotted C# name: <c>ILogger&lt;T&gt;</c> is <c>ILogger</c> with arity 1.</summary>
    public readonly struct NameSegment
    {
        /// <summary>Creates a segment.</summary>
        public NameSegment(string name, int arity)
        {
            Name = name;
            Arity = arity;
        }

        /// <summary>The identifier.</summary>
        public string Name { get; }

        /// <summary>The number of type arguments written, or -1 when none were written (any arity matches).</summary>
        public int Arity { get; }

        /// <inheritdoc />
        public override string ToString() => Arity > 0 ? Name + "`" + Arity : Name;
    }

    /// <summary>Something a golden rule bans, as written in a code span.</summary>
    public sealed class RuleTarget
    {
        private static readonly IReadOnlyList<IReadOnlyList<string>> NoExemptions = System.Array.Empty<IReadOnlyList<string>>();

        private RuleTarget(string text, RuleTargetKind kind, IReadOnlyList<NameSegment> segments, bool isConstruction = false, IReadOnlyList<IReadOnlyList<string>>? exemptConstructors = null)
        {
            Text = text;
            Kind = kind;
            Segments = segments;
            IsConstruction = isConstruction;
            ExemptConstructors = exemptConstructors ?? NoExemptions;
        }

        /// <summary>
        /// For a construction ban read from "use `Channel(ChannelOptions)`, not the other `Channel` constructors": the
        /// parameter types of each constructor the rule asks for (<c>ChannelOptions</c>), which stay allowed.
        /// </summary>
        public IReadOnlyList<IReadOnlyList<string>> ExemptConstructors { get; }

        /// <summary>The type banned for construction except through the constructors with these parameter types.</summary>
        public RuleTarget AsConstructionExcept(IReadOnlyList<IReadOnlyList<string>> parameterLists)
        {
            var name = Text.TrimEnd('(', ')');
            var allowed = string.Join(", ", System.Linq.Enumerable.Select(parameterLists, list => name + "(" + string.Join(", ", list) + ")"));
            return new RuleTarget("new " + name + "() except " + allowed, Kind, Segments, isConstruction: true, parameterLists);
        }

        /// <summary>True when only constructing the type is banned (<c>new HttpClient()</c>), not every use of it.</summary>
        public bool IsConstruction { get; }

        /// <summary>The same type, banned for construction only; its text reads <c>new T()</c>.</summary>
        public RuleTarget AsConstruction() =>
            IsConstruction || Kind != RuleTargetKind.Name ? this : new RuleTarget("new " + Text.TrimEnd('(', ')') + "()", Kind, Segments, isConstruction: true);

        /// <summary>The code span's text, trimmed.</summary>
        public string Text { get; }

        /// <summary>How <see cref="Text"/> names its target.</summary>
        public RuleTargetKind Kind { get; }

        /// <summary>For <see cref="RuleTargetKind.Name"/>: the dotted segments, without <c>global::</c> and without a call's parentheses.</summary>
        public IReadOnlyList<NameSegment> Segments { get; }

        private static readonly GatedPattern Construction = new GatedPattern(@"^new\s+(?<type>[A-Za-z_][\w.]*(?:<[^()]*>)?)\s*\(.*\)$", System.Text.RegularExpressions.RegexOptions.CultureInvariant, "new");

        /// <summary>Classifies a code span's text.</summary>
        public static RuleTarget Parse(string text)
        {
            text = text.Trim();
            var construction = Construction.Match(text);
            if (construction.Success && CSharpNameParser.TryParse(construction.Groups["type"].Value) is { } typeSegments)
            {
                return new RuleTarget(text, RuleTargetKind.Name, typeSegments, isConstruction: true);
            }

            if (IsDocumentationId(text))
            {
                return new RuleTarget(text, RuleTargetKind.DocumentationId, System.Array.Empty<NameSegment>());
            }

            var segments = CSharpNameParser.TryParse(text);
            return segments == null
                ? new RuleTarget(text, RuleTargetKind.Other, System.Array.Empty<NameSegment>())
                : new RuleTarget(text, RuleTargetKind.Name, segments!);
        }

        private static bool IsDocumentationId(string text) =>
            text.Length > 2
            && text[1] == ':'
            && "TMPFEN".IndexOf(text[0]) >= 0
            && text.IndexOf(' ') < 0;

        /// <inheritdoc />
        public override string ToString() => Text;
    }
}
