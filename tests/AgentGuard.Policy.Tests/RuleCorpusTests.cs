using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using AgentGuard.Testing;
using Xunit.Abstractions;

namespace AgentGuard.Policy.Tests;

/// <summary>
/// Measures the rule reader on a corpus of rule files written in the styles real repositories use. Every candidate
/// line carries its expected reading as <c>&lt;!-- expect: ... --&gt;</c>: <c>none</c> (not a rule), <c>guidance</c>
/// (a rule nothing can check), or what it enforces (<c>ban</c>, <c>construct</c>, <c>path</c>, <c>builtin</c>,
/// <c>dependency</c>), optionally with <c>scope</c> and <c>warning</c>.
/// </summary>
public class RuleCorpusTests
{
    private static readonly Regex Expectation = new(@"<!--\s*expect:(?<body>.*?)-->", RegexOptions.CultureInvariant);

    private readonly ITestOutputHelper _output;

    public RuleCorpusTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Corpus_is_read_with_full_precision_and_at_least_90_percent_recall()
    {
        var labelled = 0;
        var checkable = 0;
        var recalled = 0;
        var precisionFailures = new List<string>();
        var misses = new List<string>();
        foreach (var file in CorpusFiles())
        {
            var text = File.ReadAllText(file);
            var rules = RuleFileReader.Read(text).Rules.ToDictionary(rule => rule.Line);
            var lines = text.Split('\n');
            var labelledLines = new HashSet<int>();
            for (var i = 0; i < lines.Length; i++)
            {
                var match = Expectation.Match(lines[i]);
                if (!match.Success)
                {
                    continue;
                }

                labelled++;
                labelledLines.Add(i + 1);
                var expected = Reading.Parse(match.Groups["body"].Value);
                var actual = rules.TryGetValue(i + 1, out var rule) ? Reading.Of(rule) : Reading.NotARule;
                var where = $"{Path.GetFileName(file)}:{i + 1}";
                if (!expected.IsCheckable)
                {
                    if (actual.IsCheckable)
                    {
                        precisionFailures.Add($"{where} labelled {expected} but enforced as {actual}");
                    }

                    continue;
                }

                checkable++;
                if (!actual.Enforcement.IsSubsetOf(expected.Enforcement))
                {
                    precisionFailures.Add($"{where} expected {expected} but enforced {actual}");
                }
                else if (actual.Equals(expected))
                {
                    recalled++;
                }
                else
                {
                    misses.Add($"{where} expected {expected} but got {actual}");
                }
            }

            // A rule nobody labelled must not be enforced either.
            precisionFailures.AddRange(rules.Values
                .Where(rule => !labelledLines.Contains(rule.Line) && !Reading.Of(rule).Enforcement.SetEquals(Array.Empty<string>()))
                .Select(rule => $"{Path.GetFileName(file)}:{rule.Line} is unlabelled but enforced as {Reading.Of(rule)}"));
        }

        var recall = checkable == 0 ? 0 : 100.0 * recalled / checkable;
        _output.WriteLine($"corpus: {labelled} labelled lines, {checkable} checkable");
        _output.WriteLine($"precision: {precisionFailures.Count} wrong enforcements");
        _output.WriteLine($"recall: {recalled}/{checkable} = {recall:F1}%");
        misses.ForEach(_output.WriteLine);

        Assert.True(labelled >= 150, $"the corpus has {labelled} labelled lines; it needs at least 150");
        Assert.True(precisionFailures.Count == 0, "Precision below 100%:\n" + string.Join("\n", precisionFailures));
        Assert.True(recall >= 90, $"Recall {recall:F1}% is below 90%:\n" + string.Join("\n", misses));
    }

    private static IEnumerable<string> CorpusFiles() =>
        Directory.EnumerateFiles(Path.Combine(SourceTree.Root, "tests", "AgentGuard.Policy.Tests", "Corpus"), "*.md").OrderBy(f => f, StringComparer.Ordinal);

    /// <summary>A rule's reading as a set of comparable facts: "ban X", "construct Y", "scope tests", "warning".</summary>
    private sealed record Reading(HashSet<string> Enforcement, HashSet<string> Qualifiers)
    {
        public static readonly Reading NotARule = new(new HashSet<string>(), new HashSet<string>());

        public bool IsCheckable => Enforcement.Count > 0;

        public static Reading Parse(string body)
        {
            var enforcement = new HashSet<string>();
            var qualifiers = new HashSet<string>();
            foreach (var part in body.Split(';').Select(p => p.Trim()).Where(p => p.Length > 0))
            {
                var space = part.IndexOf(' ');
                var kind = space < 0 ? part : part[..space];
                var argument = space < 0 ? string.Empty : part[(space + 1)..];
                switch (kind)
                {
                    case "none":
                    case "guidance":
                        break;
                    case "warning":
                        qualifiers.Add("warning");
                        break;
                    case "scope":
                        qualifiers.Add("scope " + argument.Trim());
                        break;
                    case "path":
                        enforcement.Add("path " + argument.Trim());
                        break;
                    case "dependency":
                        enforcement.Add("dependency " + argument.Replace(" ", string.Empty));
                        break;
                    default:
                        foreach (var item in argument.Split(',').Select(a => a.Trim()))
                        {
                            enforcement.Add(kind + " " + item);
                        }

                        break;
                }
            }

            return new Reading(enforcement, qualifiers);
        }

        public static Reading Of(GoldenRule rule)
        {
            var enforcement = new HashSet<string>();
            enforcement.UnionWith(rule.BannedTargets.Select(t => "ban " + t.Text));
            enforcement.UnionWith(rule.Constructs.Select(c => "construct " + c));
            enforcement.UnionWith(rule.Paths.Select(p => $"path {p.Kind} {p.Glob}"));
            enforcement.UnionWith(rule.Builtins.Select(b => "builtin " + b));
            enforcement.UnionWith(rule.Dependencies.Select(d => $"dependency {d.From}->{d.To}"));
            var qualifiers = new HashSet<string>();
            if (rule.EffectiveSeverity == RuleSeverity.Warning)
            {
                qualifiers.Add("warning");
            }

            if (rule.Scope.Tests != TestScope.All)
            {
                qualifiers.Add(rule.Scope.Tests == TestScope.TestsOnly ? "scope tests" : "scope production");
            }

            qualifiers.UnionWith(rule.Scope.Paths.Select(p => "scope " + p));
            return new Reading(enforcement, qualifiers);
        }

        public bool Equals(Reading? other) =>
            other != null && Enforcement.SetEquals(other.Enforcement) && Qualifiers.SetEquals(other.Qualifiers);

        public override int GetHashCode() => Enforcement.Count;

        public override string ToString()
        {
            var parts = Enforcement.OrderBy(e => e, StringComparer.Ordinal).Concat(Qualifiers.OrderBy(q => q, StringComparer.Ordinal)).ToList();
            return parts.Count == 0 ? "nothing" : string.Join("; ", parts);
        }
    }
}
