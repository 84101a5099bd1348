using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using AgentGuard.Build.Reporting;
using AgentGuard.Policy.Explain;

namespace AgentGuard.Build.Explain
{
    /// <summary>
    /// Turns the explanations the analyzer reported (AG0010 results in the compiler's SARIF error log, each an
    /// <see cref="ExplainRecord"/> as JSON) into the explain output: <c>rules.json</c> and the lines printed to the build
    /// log. No MSBuild types.
    /// </summary>
    internal sealed class ExplainReport
    {
        private readonly List<ExplainRuleRecord> _rules;
        private readonly List<ExplainFileRecord> _files;
        private readonly List<ExplainItemRecord> _items;
        private Func<string, string?>? _locate;

        private ExplainReport(string project, List<ExplainRuleRecord> rules, List<ExplainFileRecord> files, List<ExplainItemRecord> items)
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

        public int EnforcedInCode => _rules.Count(rule => rule.IsEnforcedInCode);

        public int EnforcedOnPaths => _rules.Count(rule => rule.IsEnforcedOnPaths);

        public int Guidance => _rules.Count(rule => rule.IsGuidance);

        /// <summary>Reads the AG0010 results of a SARIF 2.1 (or 1.0) error log.</summary>
        public static ExplainReport FromErrorLog(string project, string sarifText) => FromErrorLog(project, sarifText, null);

        /// <summary>
        /// As <see cref="FromErrorLog(string, string)"/>; <paramref name="locate"/> names the file and line that set an
        /// analyzer config key the analyzer found overriding a style rule ("src/.editorconfig line 4").
        /// </summary>
        public static ExplainReport FromErrorLog(string project, string sarifText, Func<string, string?>? locate)
        {
            using var sarif = JsonDocument.Parse(sarifText);
            var rules = new List<ExplainRuleRecord>();
            var files = new List<ExplainFileRecord>();
            var items = new List<ExplainItemRecord>();
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
                    switch (message == null ? null : ExplainRecordReader.Read(message))
                    {
                        case ExplainFileRecord file:
                            files.Add(file);
                            break;
                        case ExplainItemRecord item:
                            items.Add(item);
                            break;
                        case ExplainRuleRecord rule:
                            rules.Add(rule);
                            break;
                    }
                }
            }

            rules.Sort((a, b) => string.CompareOrdinal(a.File, b.File) is var byFile && byFile != 0 ? byFile : a.Line.CompareTo(b.Line));
            files.Sort((a, b) => string.CompareOrdinal(a.File, b.File));
            items.Sort((a, b) => a.Line.CompareTo(b.Line));
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
                foreach (var rule in _rules.Where(rule => rule.File == name))
                {
                    yield return $"  line {rule.Line,-4} {rule.Enforcement ?? ExplainKeys.GuidanceOnly,-14} {rule.Text}";
                    foreach (var detail in Details(rule))
                    {
                        yield return "                             " + detail;
                    }
                }

                var others = _items.Count(item => item.File == name);
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
            _files.Select(file => file.File).Concat(_rules.Select(rule => rule.File)).Concat(_items.Select(item => item.File)).Where(name => name.Length > 0).Distinct().OrderBy(name => name, StringComparer.Ordinal);

        /// <summary>" (Cursor rule, files matching **/*.cs)": the file's kind and where it applies.</summary>
        private string FileNote(string name)
        {
            var file = _files.FirstOrDefault(f => f.File == name);
            if (file == null)
            {
                return string.Empty;
            }

            var folder = file.Folder is { } under ? $" under {under}" : string.Empty;
            var notApplied = file.NotApplied is { } reason ? ": not applied, " + reason : string.Empty;
            return $" ({file.Kind}, {file.Scope}{folder}{notApplied})";
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
                    var file = _files.FirstOrDefault(f => f.File == name);
                    foreach (var (key, value) in new[] { (ExplainKeys.Kind, file?.Kind), (ExplainKeys.Scope, file?.Scope), (ExplainKeys.Folder, file?.Folder), (ExplainKeys.NotApplied, file?.NotApplied) })
                    {
                        if (value != null)
                        {
                            writer.WriteString(key, value);
                        }
                    }

                    writer.WriteStartArray("rules");
                    var records = new Utf8ExplainWriter(writer);
                    foreach (var rule in _rules.Where(rule => rule.File == name))
                    {
                        rule.WriteTo(records);
                    }

                    writer.WriteEndArray();
                    writer.WriteStartArray("otherItems");
                    foreach (var item in _items.Where(item => item.File == name))
                    {
                        writer.WriteStartObject();
                        writer.WriteNumber(ExplainKeys.Line, item.Line);
                        writer.WriteString(ExplainKeys.Text, item.Text);
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

        private IEnumerable<string> Details(ExplainRuleRecord rule)
        {
            var severity = rule.Severity;
            foreach (var symbol in rule.Symbols)
            {
                var only = symbol.ConstructionOnly ? " (construction only)" : string.Empty;
                yield return symbol.Status == ExplainKeys.Enforced
                    ? $"AG0001 {symbol.Target}{only} -> {string.Join(", ", symbol.ResolvedTo)} ({severity})"
                    : $"AG0001 {symbol.Target}: {symbol.Status}";
            }

            foreach (var construct in rule.Constructs)
            {
                yield return $"AG0002 {construct} ({severity})";
            }

            foreach (var dependency in rule.Dependencies)
            {
                yield return $"AG0003 {dependency.From} must not depend on {dependency.To} ({severity})";
            }

            foreach (var builtin in rule.Builtins)
            {
                yield return $"{builtin} escalated to error";
            }

            foreach (var style in rule.Styles)
            {
                yield return "-> " + style.Mapping;
                if (style.Overridden is { } overridden)
                {
                    var where = _locate?.Invoke(overridden.Key) is { } place ? place : "the project's analyzer config";
                    yield return $"   overridden: {where} sets {overridden.Key} = {overridden.Value}, which wins over the rule";
                }
            }

            foreach (var path in rule.Paths)
            {
                yield return path.Kind == ExplainKeys.TestsKind
                    ? $"boundary: a change to {path.Glob} needs a change to {path.Tests} (AG2004)"
                    : $"boundary: {path.Kind} path {path.Glob}";
            }

            if (rule.Scope.Limits)
            {
                var tests = rule.Scope.Tests;
                var paths = string.Join(", ", rule.Scope.Paths);
                var folder = rule.Scope.Folder;
                yield return "scope: " + string.Join("; ", new[] { tests != null && tests != "all" ? tests + " only" : null, paths.Length > 0 ? paths : null, folder != null ? "under " + folder : null }.Where(p => p != null));
            }

            foreach (var problem in rule.Problems)
            {
                yield return "problem: " + problem;
            }

            if (rule.Guidance is { } reason)
            {
                yield return "guidance: " + reason;
            }
        }
    }
}
