using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using AgentGuard.Build.Reporting;
using AgentGuard.Policy.Explain;

namespace AgentGuard.Build.Explain
{
    /// <summary>Reads an explain record back from the JSON the explain analyzer reported, by the record type's own keys.</summary>
    internal static class ExplainRecordReader
    {
        /// <summary>The record, or null when the JSON is not an object.</summary>
        public static ExplainRecord? Read(string json)
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var file = Text(root, ExplainKeys.File) ?? string.Empty;
            switch (Text(root, ExplainKeys.Record))
            {
                case ExplainKeys.FileRecord:
                    return new ExplainFileRecord(file, Text(root, ExplainKeys.Kind), Text(root, ExplainKeys.Scope), Text(root, ExplainKeys.Folder), Text(root, ExplainKeys.NotApplied));
                case ExplainKeys.ItemRecord:
                    return new ExplainItemRecord(file, Number(root, ExplainKeys.Line), Text(root, ExplainKeys.Text));
                default:
                    return ReadRule(root, file);
            }
        }

        private static ExplainRuleRecord ReadRule(JsonElement root, string file)
        {
            var scope = root.TryGetProperty(ExplainKeys.Scope, out var s) && s.ValueKind == JsonValueKind.Object
                ? new ExplainScope(Text(s, ExplainKeys.Tests), Strings(s, ExplainKeys.Paths), Text(s, ExplainKeys.Folder))
                : new ExplainScope("all", new List<string>(), null);
            var rule = new ExplainRuleRecord(
                file,
                Number(root, ExplainKeys.Line),
                Text(root, ExplainKeys.Text),
                Text(root, ExplainKeys.Enforcement),
                Text(root, ExplainKeys.Severity),
                scope,
                Text(root, ExplainKeys.Guidance));
            rule.Symbols.AddRange(JsonElements.Items(root, ExplainKeys.Symbols).Select(symbol => new ExplainSymbol(
                Text(symbol, ExplainKeys.Target),
                Text(symbol, ExplainKeys.Construction) == "only",
                Text(symbol, ExplainKeys.Status),
                Strings(symbol, ExplainKeys.ResolvedTo))));
            rule.Constructs.AddRange(Strings(root, ExplainKeys.Constructs));
            rule.Dependencies.AddRange(JsonElements.Items(root, ExplainKeys.Dependencies).Select(dependency => new ExplainDependency(Text(dependency, ExplainKeys.From), Text(dependency, ExplainKeys.To))));
            rule.Paths.AddRange(JsonElements.Items(root, ExplainKeys.Paths).Select(path => new ExplainPath(Text(path, ExplainKeys.Glob), Text(path, ExplainKeys.Kind), Text(path, ExplainKeys.Tests))));
            foreach (var style in JsonElements.Items(root, ExplainKeys.Styles))
            {
                var options = JsonElements.Items(style, ExplainKeys.Options)
                    .Select(option => new KeyValuePair<string, string?>(Text(option, ExplainKeys.Key) ?? string.Empty, Text(option, ExplainKeys.Value)))
                    .ToList();
                KeyValuePair<string, string?>? overridden = style.TryGetProperty(ExplainKeys.Overridden, out var o) && o.ValueKind == JsonValueKind.Object
                    ? new KeyValuePair<string, string?>(Text(o, ExplainKeys.Key) ?? string.Empty, Text(o, ExplainKeys.Value))
                    : null;
                rule.Styles.Add(new ExplainStyle(Text(style, ExplainKeys.Name), Strings(style, ExplainKeys.Ids), Text(style, ExplainKeys.Severity), Text(style, ExplainKeys.Mapping), options, overridden));
            }

            rule.Builtins.AddRange(Strings(root, ExplainKeys.Builtins));
            rule.Problems.AddRange(Strings(root, ExplainKeys.Problems));
            return rule;
        }

        private static string? Text(JsonElement element, string key) => JsonElements.Text(element, key);

        private static int Number(JsonElement element, string key) =>
            element.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : 0;

        private static List<string> Strings(JsonElement element, string key) =>
            JsonElements.Items(element, key).Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString()!).ToList();
    }

    /// <summary>Writes an explain record into <c>rules.json</c> through System.Text.Json's writer.</summary>
    internal sealed class Utf8ExplainWriter : IExplainJsonWriter
    {
        private readonly Utf8JsonWriter _writer;

        public Utf8ExplainWriter(Utf8JsonWriter writer) => _writer = writer;

        public void BeginObject(string? name = null)
        {
            if (name == null)
            {
                _writer.WriteStartObject();
            }
            else
            {
                _writer.WriteStartObject(name);
            }
        }

        public void EndObject() => _writer.WriteEndObject();

        public void BeginArray(string? name = null)
        {
            if (name == null)
            {
                _writer.WriteStartArray();
            }
            else
            {
                _writer.WriteStartArray(name);
            }
        }

        public void EndArray() => _writer.WriteEndArray();

        public void Property(string name, string? value)
        {
            if (value == null)
            {
                _writer.WriteNull(name);
            }
            else
            {
                _writer.WriteString(name, value);
            }
        }

        public void Property(string name, int value) => _writer.WriteNumber(name, value);

        public void Strings(string name, IEnumerable<string> values)
        {
            _writer.WriteStartArray(name);
            foreach (var value in values)
            {
                _writer.WriteStringValue(value);
            }

            _writer.WriteEndArray();
        }
    }
}
