using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using AgentGuard.Build.Reporting;

namespace AgentGuard.Build.Explain
{
    /// <summary>
    /// Turns the explanations the analyzer reported (AG0010 results in the compiler's SARIF error log, each a JSON
    /// object) into the explain output: <c>rules.json</c> and the lines printed to the build log. No MSBuild types.
    /// </summary>
    internal sealed class ExplainReport
    {
        private readonly List<JsonElement> _rules;
        private readonly List<JsonElement> _files;
        private readonly List<JsonElement> _items;
        private Func<string, string?>? _locate;

        private ExplainReport(string project, List<JsonElement> rules, List<JsonElement> files, List<JsonElement> items)
        {
            Project = project;
            _rules = rules;
            _files = files;
            _items = items;
        }

        public string Project { get; }

        /// <summary>The baseline the build reads, with its path for display; null without one.</summary>
        public (string Path, Policy.Baseline Baseline)? Baseline { get; set; }

        /// <summary>"the baseline (.agentguard/baseline.txt) keeps 31 findings: 13 AG0001, 13 AG1001, 5 AG1008".</summary>
        private string? BaselineLine =>
            Baseline is { } kept
                ? $"AgentGuard: the baseline ({kept.Path}) keeps {kept.Baseline.Entries.Sum(entry => (long)entry.Count)} findings"
                    + (kept.Baseline.Entries.Count == 0 ? string.Empty : ": " + string.Join(", ", kept.Baseline.Entries.GroupBy(entry => entry.Id).OrderBy(group => group.Key, StringComparer.Ordinal).Select(group => $"{group.Sum(entry => (long)entry.Count)} {group.Key}")))
                    + "; they are reported as AG0013 (info)"
                : null;

        public int EnforcedInCode => _rules.Count(rule => Enforcement(rule).Contains("code"));

        public int EnforcedOnPaths => _rules.Count(rule => Enforcement(rule).Contains("paths"));

        public int Guidance => _rules.Count(rule => Enforcement(rule) == "guidance");

        /// <summary>Reads the AG0010 results of a SARIF 2.1 (or 1.0) error log.</summary>
        public static ExplainReport FromErrorLog(string project, string sarifText) => FromErrorLog(project, sarifText, null);

        /// <summary>
        /// As <see cref="FromErrorLog(string, string)"/>; <paramref name="locate"/> names the file and line that set an
        /// analyzer config key the analyzer found overriding a style rule ("src/.editorconfig line 4").
        /// </summary>
        public static ExplainReport FromErrorLog(string project, string sarifText, Func<string, string?>? locate)
        {
            using var sarif = JsonDocument.Parse(sarifText);
            var rules = new List<JsonElement>();
            var files = new List<JsonElement>();
            var items = new List<JsonElement>();
            foreach (var run in JsonElements.Items(sarif.RootElement, "runs"))
            {
                foreach (var result in JsonElements.Items(run, "results"))
                {
                    if (JsonElements.Text(result, "ruleId") != "AG0010")
                    {
                        continue;
                    }

                    // SARIF 2.1 nests the text in message.text; 1.0 has message as a string.
                    var message = result.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.Object ? JsonElements.Text(m, "text") : JsonElements.Text(result, "message");
                    if (message != null)
                    {
                        using var record = JsonDocument.Parse(message);
                        var kind = JsonElements.Text(record.RootElement, "record");
                        (kind == "file" ? files : kind == "item" ? items : rules).Add(record.RootElement.Clone());
                    }
                }
            }

            rules.Sort((a, b) => string.CompareOrdinal(JsonElements.Text(a, "file"), JsonElements.Text(b, "file")) is var byFile && byFile != 0 ? byFile : Line(a).CompareTo(Line(b)));
            files.Sort((a, b) => string.CompareOrdinal(JsonElements.Text(a, "file"), JsonElements.Text(b, "file")));
            items.Sort((a, b) => Line(a).CompareTo(Line(b)));
            return new ExplainReport(project, rules, files, items) { _locate = locate };
        }

        /// <summary>The count line explain ends with.</summary>
        public string Summary => $"AgentGuard: {_rules.Count} rules in {FileNames.Count()} files: {EnforcedInCode} enforced in code, {EnforcedOnPaths} enforced on paths, {Guidance} guidance only";

        /// <summary>One block per rule file, one or two lines per rule, for the build log.</summary>
        public IEnumerable<string> Lines()
        {
            yield return $"AgentGuard rules for {Project}";
            foreach (var name in FileNames)
            {
                yield return name + FileNote(name);
                foreach (var rule in _rules.Where(rule => JsonElements.Text(rule, "file") == name))
                {
                    yield return $"  line {Line(rule),-4} {Enforcement(rule),-14} {JsonElements.Text(rule, "text")}";
                    foreach (var detail in Details(rule))
                    {
                        yield return "                             " + detail;
                    }
                }

                var others = _items.Count(item => JsonElements.Text(item, "file") == name);
                if (others > 0)
                {
                    yield return $"  and {others} list items whose wording says neither what to do nor what not to: no rules (rules.json lists them under otherItems)";
                }
            }

            yield return Summary;
            if (BaselineLine is { } kept)
            {
                yield return kept;
            }
        }

        /// <summary>Every rule file, with or without rules, in order.</summary>
        private IEnumerable<string> FileNames =>
            _files.Select(file => JsonElements.Text(file, "file")).Concat(_rules.Select(rule => JsonElements.Text(rule, "file"))).Concat(_items.Select(item => JsonElements.Text(item, "file"))).Where(name => name != null).Select(name => name!).Distinct().OrderBy(name => name, StringComparer.Ordinal);

        /// <summary>" (Cursor rule, files matching **/*.cs)": the file's kind and where it applies.</summary>
        private string FileNote(string name)
        {
            var file = _files.FirstOrDefault(f => JsonElements.Text(f, "file") == name);
            if (file.ValueKind != JsonValueKind.Object)
            {
                return string.Empty;
            }

            var folder = JsonElements.Text(file, "folder") is { } under ? $" under {under}" : string.Empty;
            var notApplied = JsonElements.Text(file, "notApplied") is { } reason ? ": not applied, " + reason : string.Empty;
            return $" ({JsonElements.Text(file, "kind")}, {JsonElements.Text(file, "scope")}{folder}{notApplied})";
        }

        /// <summary>rules.json: the project, each rule file with its rules as the analyzer described them, and the counts.</summary>
        public string ToJson()
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                writer.WriteStartObject();
                writer.WriteString("schema", "https://github.com/agentguard-dev/agentguard/blob/main/docs/explain.md");
                writer.WriteString("project", Project);
                writer.WriteStartArray("ruleFiles");
                foreach (var name in FileNames)
                {
                    writer.WriteStartObject();
                    writer.WriteString("path", name);
                    var file = _files.FirstOrDefault(f => JsonElements.Text(f, "file") == name);
                    foreach (var key in new[] { "kind", "scope", "folder", "notApplied" })
                    {
                        if (file.ValueKind == JsonValueKind.Object && JsonElements.Text(file, key) is { } value)
                        {
                            writer.WriteString(key, value);
                        }
                    }

                    writer.WriteStartArray("rules");
                    foreach (var rule in _rules.Where(rule => JsonElements.Text(rule, "file") == name))
                    {
                        rule.WriteTo(writer);
                    }

                    writer.WriteEndArray();
                    writer.WriteStartArray("otherItems");
                    foreach (var item in _items.Where(item => JsonElements.Text(item, "file") == name))
                    {
                        writer.WriteStartObject();
                        writer.WriteNumber("line", Line(item));
                        writer.WriteString("text", JsonElements.Text(item, "text"));
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteStartObject("summary");
                writer.WriteNumber("enforcedInCode", EnforcedInCode);
                writer.WriteNumber("enforcedOnPaths", EnforcedOnPaths);
                writer.WriteNumber("guidance", Guidance);
                writer.WriteEndObject();
                if (Baseline is { } kept)
                {
                    writer.WriteStartObject("baseline");
                    writer.WriteString("path", kept.Path);
                    writer.WriteNumber("findings", kept.Baseline.Entries.Sum(entry => (long)entry.Count));
                    writer.WriteStartObject("byId");
                    foreach (var group in kept.Baseline.Entries.GroupBy(entry => entry.Id).OrderBy(group => group.Key, StringComparer.Ordinal))
                    {
                        writer.WriteNumber(group.Key, group.Sum(entry => (long)entry.Count));
                    }

                    writer.WriteEndObject();
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            return Encoding.UTF8.GetString(stream.ToArray());
        }

        private IEnumerable<string> Details(JsonElement rule)
        {
            var severity = JsonElements.Text(rule, "severity");
            foreach (var symbol in JsonElements.Items(rule, "symbols"))
            {
                var resolved = string.Join(", ", JsonElements.Items(symbol, "resolvedTo").Select(s => s.GetString()));
                var only = JsonElements.Text(symbol, "construction") == "only" ? " (construction only)" : string.Empty;
                yield return JsonElements.Text(symbol, "status") == "enforced"
                    ? $"AG0001 {JsonElements.Text(symbol, "target")}{only} -> {resolved} ({severity})"
                    : $"AG0001 {JsonElements.Text(symbol, "target")}: {JsonElements.Text(symbol, "status")}";
            }

            foreach (var construct in JsonElements.Items(rule, "constructs"))
            {
                yield return $"AG0002 {construct.GetString()} ({severity})";
            }

            foreach (var dependency in JsonElements.Items(rule, "dependencies"))
            {
                yield return $"AG0003 {JsonElements.Text(dependency, "from")} must not depend on {JsonElements.Text(dependency, "to")} ({severity})";
            }

            foreach (var builtin in JsonElements.Items(rule, "builtins"))
            {
                yield return $"{builtin.GetString()} escalated to error";
            }

            foreach (var style in JsonElements.Items(rule, "styles"))
            {
                yield return "-> " + JsonElements.Text(style, "mapping");
                if (style.TryGetProperty("overridden", out var overridden))
                {
                    var where = JsonElements.Text(overridden, "key") is { } key && _locate?.Invoke(key) is { } place ? place : "the project's analyzer config";
                    yield return $"   overridden: {where} sets {JsonElements.Text(overridden, "key")} = {JsonElements.Text(overridden, "value")}, which wins over the rule";
                }
            }

            foreach (var path in JsonElements.Items(rule, "paths"))
            {
                yield return JsonElements.Text(path, "kind") == "tests"
                    ? $"boundary: a change to {JsonElements.Text(path, "glob")} needs a change to {JsonElements.Text(path, "tests")} (AG2004)"
                    : $"boundary: {JsonElements.Text(path, "kind")} path {JsonElements.Text(path, "glob")}";
            }

            if (rule.TryGetProperty("scope", out var scope))
            {
                var tests = JsonElements.Text(scope, "tests");
                var paths = string.Join(", ", JsonElements.Items(scope, "paths").Select(p => p.GetString()));
                var folder = JsonElements.Text(scope, "folder");
                if (tests != "all" || paths.Length > 0 || folder != null)
                {
                    yield return "scope: " + string.Join("; ", new[] { tests != "all" ? tests + " only" : null, paths.Length > 0 ? paths : null, folder != null ? "under " + folder : null }.Where(p => p != null));
                }
            }

            foreach (var problem in JsonElements.Items(rule, "problems"))
            {
                yield return "problem: " + problem.GetString();
            }

            if (JsonElements.Text(rule, "guidance") is { } reason)
            {
                yield return "guidance: " + reason;
            }
        }

        private static string Enforcement(JsonElement rule) => JsonElements.Text(rule, "enforcement") ?? "guidance";

        private static int Line(JsonElement rule) => rule.TryGetProperty("line", out var line) && line.ValueKind == JsonValueKind.Number ? line.GetInt32() : 0;
    }
}
