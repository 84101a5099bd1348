using System.Collections.Generic;

namespace AgentGuard.Policy.Explain
{
    /// <summary>
    /// Where a JSON form of an explain record goes: the compact text the explain analyzer reports as AG0010
    /// (<see cref="JsonText"/>), or <c>rules.json</c>, which the explain task writes. One record writes itself the same way
    /// into both.
    /// </summary>
    public interface IExplainJsonWriter
    {
        /// <summary>Opens an object, named when it is a property.</summary>
        void BeginObject(string? name = null);

        /// <summary>Closes the innermost object.</summary>
        void EndObject();

        /// <summary>Opens an array, named when it is a property.</summary>
        void BeginArray(string? name = null);

        /// <summary>Closes the innermost array.</summary>
        void EndArray();

        /// <summary>A string property; null is written as <c>null</c>.</summary>
        void Property(string name, string? value);

        /// <summary>A number property.</summary>
        void Property(string name, int value);

        /// <summary>An array of strings.</summary>
        void Strings(string name, IEnumerable<string> values);
    }

    /// <summary>The keys of the explain records, for the analyzer that writes them and the task that reads them.</summary>
    public static class ExplainKeys
    {
#pragma warning disable CS1591 // Each key is its own name.
        public const string Record = "record";
        public const string File = "file";
        public const string Kind = "kind";
        public const string Scope = "scope";
        public const string Folder = "folder";
        public const string NotApplied = "notApplied";
        public const string Line = "line";
        public const string Text = "text";
        public const string Enforcement = "enforcement";
        public const string Severity = "severity";
        public const string Tests = "tests";
        public const string Paths = "paths";
        public const string Symbols = "symbols";
        public const string Target = "target";
        public const string Construction = "construction";
        public const string Status = "status";
        public const string ResolvedTo = "resolvedTo";
        public const string Constructs = "constructs";
        public const string Dependencies = "dependencies";
        public const string From = "from";
        public const string To = "to";
        public const string Glob = "glob";
        public const string Styles = "styles";
        public const string Name = "name";
        public const string Ids = "ids";
        public const string Mapping = "mapping";
        public const string Options = "options";
        public const string Key = "key";
        public const string Value = "value";
        public const string Overridden = "overridden";
        public const string Builtins = "builtins";
        public const string Problems = "problems";
        public const string Guidance = "guidance";
#pragma warning restore CS1591

        /// <summary>The <see cref="Record"/> of a rule file.</summary>
        public const string FileRecord = "file";

        /// <summary>The <see cref="Record"/> of a list item that is no rule.</summary>
        public const string ItemRecord = "item";

        /// <summary>The <see cref="Record"/> of a rule.</summary>
        public const string RuleRecord = "rule";

        /// <summary>The enforcement of a rule that is guidance only.</summary>
        public const string GuidanceOnly = "guidance";

        /// <summary>The status of a symbol that is enforced.</summary>
        public const string Enforced = "enforced";

        /// <summary>The kind of a path rule that pairs source with tests (AG2004).</summary>
        public const string TestsKind = "tests";
    }

    /// <summary>One explain record: a rule file, a list item that is no rule, or a rule, as AG0010 reports it.</summary>
    public abstract class ExplainRecord
    {
        private protected ExplainRecord(string file) => File = file;

        /// <summary>The rule file's path as the build shows it.</summary>
        public string File { get; }

        /// <summary>The record's compact JSON, as the analyzer reports it.</summary>
        public string ToJson()
        {
            var json = new JsonText();
            WriteTo(json);
            return json.ToString();
        }

        /// <summary>Writes the record as one JSON object.</summary>
        public abstract void WriteTo(IExplainJsonWriter writer);
    }

    /// <summary>A rule file: its kind and where it applies, or why it does not apply to the project.</summary>
    public sealed class ExplainFileRecord : ExplainRecord
    {
        /// <summary>Creates the record.</summary>
        public ExplainFileRecord(string file, string? kind, string? scope, string? folder, string? notApplied)
            : base(file)
        {
            Kind = kind;
            Scope = scope;
            Folder = folder;
            NotApplied = notApplied;
        }

#pragma warning disable CS1591 // The properties are the record's keys, documented in docs/explain.md.
        public string? Kind { get; }

        public string? Scope { get; }

        public string? Folder { get; }

        public string? NotApplied { get; }
#pragma warning restore CS1591

        /// <inheritdoc />
        public override void WriteTo(IExplainJsonWriter writer)
        {
            writer.BeginObject();
            writer.Property(ExplainKeys.Record, ExplainKeys.FileRecord);
            writer.Property(ExplainKeys.File, File);
            writer.Property(ExplainKeys.Kind, Kind);
            writer.Property(ExplainKeys.Scope, Scope);
            writer.Property(ExplainKeys.Folder, Folder);
            writer.Property(ExplainKeys.NotApplied, NotApplied);
            writer.EndObject();
        }
    }

    /// <summary>A list item that is no rule: listed with its line, so nothing of a file disappears.</summary>
    public sealed class ExplainItemRecord : ExplainRecord
    {
        /// <summary>Creates the record.</summary>
        public ExplainItemRecord(string file, int line, string? text)
            : base(file)
        {
            Line = line;
            Text = text;
        }

#pragma warning disable CS1591 // The properties are the record's keys, documented in docs/explain.md.
        public int Line { get; }

        public string? Text { get; }
#pragma warning restore CS1591

        /// <inheritdoc />
        public override void WriteTo(IExplainJsonWriter writer)
        {
            writer.BeginObject();
            writer.Property(ExplainKeys.Record, ExplainKeys.ItemRecord);
            writer.Property(ExplainKeys.File, File);
            writer.Property(ExplainKeys.Line, Line);
            writer.Property(ExplainKeys.Text, Text);
            writer.EndObject();
        }
    }

    /// <summary>A rule: how it is enforced in the project, or why it is guidance.</summary>
    public sealed class ExplainRuleRecord : ExplainRecord
    {
        /// <summary>Creates the record; the lists are filled after.</summary>
        public ExplainRuleRecord(string file, int line, string? text, string? enforcement, string? severity, ExplainScope scope, string? guidance)
            : base(file)
        {
            Line = line;
            Text = text;
            Enforcement = enforcement;
            Severity = severity;
            Scope = scope;
            Guidance = guidance;
        }

#pragma warning disable CS1591 // The properties are the record's keys, documented in docs/explain.md.
        public int Line { get; }

        public string? Text { get; }

        /// <summary>"code", "paths", "code and paths" or "guidance".</summary>
        public string? Enforcement { get; }

        public string? Severity { get; }

        public ExplainScope Scope { get; }

        public List<ExplainSymbol> Symbols { get; } = new List<ExplainSymbol>();

        public List<string> Constructs { get; } = new List<string>();

        public List<ExplainDependency> Dependencies { get; } = new List<ExplainDependency>();

        public List<ExplainPath> Paths { get; } = new List<ExplainPath>();

        public List<ExplainStyle> Styles { get; } = new List<ExplainStyle>();

        public List<string> Builtins { get; } = new List<string>();

        public List<string> Problems { get; } = new List<string>();

        /// <summary>Why the rule is guidance, or null when it is enforced.</summary>
        public string? Guidance { get; }
#pragma warning restore CS1591

        /// <summary>True when the rule is enforced in code.</summary>
        public bool IsEnforcedInCode => Enforcement != null && Enforcement.Contains("code");

        /// <summary>True when the rule is enforced on the change's paths.</summary>
        public bool IsEnforcedOnPaths => Enforcement != null && Enforcement.Contains("paths");

        /// <summary>True when the rule is guidance only.</summary>
        public bool IsGuidance => Enforcement == null || Enforcement == ExplainKeys.GuidanceOnly;

        /// <inheritdoc />
        public override void WriteTo(IExplainJsonWriter writer)
        {
            writer.BeginObject();
            writer.Property(ExplainKeys.Record, ExplainKeys.RuleRecord);
            writer.Property(ExplainKeys.File, File);
            writer.Property(ExplainKeys.Line, Line);
            writer.Property(ExplainKeys.Text, Text);
            writer.Property(ExplainKeys.Enforcement, Enforcement);
            writer.Property(ExplainKeys.Severity, Severity);
            writer.BeginObject(ExplainKeys.Scope);
            writer.Property(ExplainKeys.Tests, Scope.Tests);
            writer.Strings(ExplainKeys.Paths, Scope.Paths);
            writer.Property(ExplainKeys.Folder, Scope.Folder);
            writer.EndObject();
            writer.BeginArray(ExplainKeys.Symbols);
            foreach (var symbol in Symbols)
            {
                writer.BeginObject();
                writer.Property(ExplainKeys.Target, symbol.Target);
                writer.Property(ExplainKeys.Construction, symbol.ConstructionOnly ? "only" : null);
                writer.Property(ExplainKeys.Status, symbol.Status);
                writer.Strings(ExplainKeys.ResolvedTo, symbol.ResolvedTo);
                writer.EndObject();
            }

            writer.EndArray();
            writer.Strings(ExplainKeys.Constructs, Constructs);
            writer.BeginArray(ExplainKeys.Dependencies);
            foreach (var dependency in Dependencies)
            {
                writer.BeginObject();
                writer.Property(ExplainKeys.From, dependency.From);
                writer.Property(ExplainKeys.To, dependency.To);
                writer.EndObject();
            }

            writer.EndArray();
            writer.BeginArray(ExplainKeys.Paths);
            foreach (var path in Paths)
            {
                writer.BeginObject();
                writer.Property(ExplainKeys.Glob, path.Glob);
                writer.Property(ExplainKeys.Kind, path.Kind);
                writer.Property(ExplainKeys.Tests, path.Tests);
                writer.EndObject();
            }

            writer.EndArray();
            writer.BeginArray(ExplainKeys.Styles);
            foreach (var style in Styles)
            {
                writer.BeginObject();
                writer.Property(ExplainKeys.Name, style.Name);
                writer.Strings(ExplainKeys.Ids, style.Ids);
                writer.Property(ExplainKeys.Severity, style.Severity);
                writer.Property(ExplainKeys.Mapping, style.Mapping);
                writer.BeginArray(ExplainKeys.Options);
                foreach (var option in style.Options)
                {
                    writer.BeginObject();
                    writer.Property(ExplainKeys.Key, option.Key);
                    writer.Property(ExplainKeys.Value, option.Value);
                    writer.EndObject();
                }

                writer.EndArray();
                if (style.Overridden is { } overridden)
                {
                    writer.BeginObject(ExplainKeys.Overridden);
                    writer.Property(ExplainKeys.Key, overridden.Key);
                    writer.Property(ExplainKeys.Value, overridden.Value);
                    writer.EndObject();
                }

                writer.EndObject();
            }

            writer.EndArray();
            writer.Strings(ExplainKeys.Builtins, Builtins);
            writer.Strings(ExplainKeys.Problems, Problems);
            writer.Property(ExplainKeys.Guidance, Guidance);
            writer.EndObject();
        }
    }

    /// <summary>Where a rule applies: test code, production code or all; its own paths; the folder of its file.</summary>
    public sealed class ExplainScope
    {
        /// <summary>Creates the scope.</summary>
        public ExplainScope(string? tests, IReadOnlyList<string> paths, string? folder)
        {
            Tests = tests;
            Paths = paths;
            Folder = folder;
        }

#pragma warning disable CS1591 // The properties are the record's keys, documented in docs/explain.md.
        /// <summary>"tests", "production" or "all".</summary>
        public string? Tests { get; }

        public IReadOnlyList<string> Paths { get; }

        public string? Folder { get; }
#pragma warning restore CS1591

        /// <summary>True when the scope limits the rule: to tests or production code, to paths, or to a folder.</summary>
        public bool Limits => (Tests != null && Tests != "all") || Paths.Count > 0 || Folder != null;
    }

    /// <summary>A banned symbol and what it resolved to in the project (AG0001).</summary>
    public sealed class ExplainSymbol
    {
        /// <summary>Creates the entry.</summary>
        public ExplainSymbol(string? target, bool constructionOnly, string? status, IReadOnlyList<string> resolvedTo)
        {
            Target = target;
            ConstructionOnly = constructionOnly;
            Status = status;
            ResolvedTo = resolvedTo;
        }

#pragma warning disable CS1591 // The properties are the record's keys, documented in docs/explain.md.
        public string? Target { get; }

        public bool ConstructionOnly { get; }

        /// <summary>"enforced", "not present in this project" or "not enforced: ..." with the reason.</summary>
        public string? Status { get; }

        public IReadOnlyList<string> ResolvedTo { get; }
#pragma warning restore CS1591
    }

    /// <summary>A forbidden dependency (AG0003).</summary>
    public sealed class ExplainDependency
    {
        /// <summary>Creates the entry.</summary>
        public ExplainDependency(string? from, string? to)
        {
            From = from;
            To = to;
        }

#pragma warning disable CS1591 // The properties are the record's keys, documented in docs/explain.md.
        public string? From { get; }

        public string? To { get; }
#pragma warning restore CS1591
    }

    /// <summary>A path rule the boundary check enforces: forbidden, approval, generated, or tests with their source.</summary>
    public sealed class ExplainPath
    {
        /// <summary>Creates the entry.</summary>
        public ExplainPath(string? glob, string? kind, string? tests)
        {
            Glob = glob;
            Kind = kind;
            Tests = tests;
        }

#pragma warning disable CS1591 // The properties are the record's keys, documented in docs/explain.md.
        public string? Glob { get; }

        /// <summary>"forbidden", "approval", "generated" or "tests".</summary>
        public string? Kind { get; }

        /// <summary>For "tests": the glob of the tests that must change with <see cref="Glob"/>.</summary>
        public string? Tests { get; }
#pragma warning restore CS1591
    }

    /// <summary>A style rule switched on through the SDK's analyzers, and an analyzer config that overrides it.</summary>
    public sealed class ExplainStyle
    {
        /// <summary>Creates the entry.</summary>
        public ExplainStyle(string? name, IReadOnlyList<string> ids, string? severity, string? mapping, IReadOnlyList<KeyValuePair<string, string?>> options, KeyValuePair<string, string?>? overridden)
        {
            Name = name;
            Ids = ids;
            Severity = severity;
            Mapping = mapping;
            Options = options;
            Overridden = overridden;
        }

#pragma warning disable CS1591 // The properties are the record's keys, documented in docs/explain.md.
        public string? Name { get; }

        public IReadOnlyList<string> Ids { get; }

        public string? Severity { get; }

        public string? Mapping { get; }

        public IReadOnlyList<KeyValuePair<string, string?>> Options { get; }

        public KeyValuePair<string, string?>? Overridden { get; }
#pragma warning restore CS1591
    }
}
