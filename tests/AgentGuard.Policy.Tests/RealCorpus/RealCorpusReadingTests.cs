using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Xunit.Abstractions;

namespace AgentGuard.Policy.Tests.RealCorpus;

/// <summary>
/// The reader on every real rule file of shared/rule-corpus, against our labels (RealCorpus/labels.tsv: C checkable
/// in code, P checkable on the change set, N not checkable, with the enforcement each C/P rule means).
/// Precision: every rule the reader enforces is labelled C or P and enforces nothing its label does not mean: one case
/// per file, so a regression names the file. Recall of C and P: measured, printed, and held at a floor that only rises.
/// </summary>
public class RealCorpusReadingTests
{
    /// <summary>Recall of C+P rules measured when the floor was last raised; a change that reads fewer fails.</summary>
    public const double RecallFloor = 0.325;

    private readonly ITestOutputHelper _output;

    public RealCorpusReadingTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string, string> Files() => RealCorpusScopeTests.Files();

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_rule_read_from_a_real_file_is_enforced_as_its_label_means(string repo, string path)
    {
        if (RealCorpusFiles.Folder == null)
        {
            _output.WriteLine(path);
            return;
        }

        var row = RealCorpusFiles.Rows().Single(row => row.Repo == repo && row.Path == path);
        var wrong = Misreads(repo, path, row.Text, Labels.Value).ToList();

        Assert.True(wrong.Count == 0, $"{repo} {path}: {wrong.Count} rules enforced against their labels:" + Environment.NewLine + string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void Recall_of_checkable_rules_is_printed_and_held_at_its_floor()
    {
        if (RealCorpusFiles.Folder == null)
        {
            _output.WriteLine(RealCorpusFiles.Absent);
            return;
        }

        var measured = Measure();
        var report = measured.Report();
        _output.WriteLine(report);
        Record(report, measured.Missed);

        Assert.Equal(0, measured.Misread);
        Assert.True(measured.Recall >= RecallFloor, $"Recall of C+P fell to {measured.Recall:P1}, below the floor of {RecallFloor:P1}." + Environment.NewLine + report);
    }

    private static readonly Lazy<Dictionary<(string Repo, string Path, int Line), Label>> Labels = new(() =>
        RealCorpusFiles.LabelLines("labels.tsv").ToDictionary(label => (label.Repo, label.Path, label.Line)));

    /// <summary>The rules of one file the reader enforces against their labels, one line each.</summary>
    private static IEnumerable<string> Misreads(string repo, string path, string text, Dictionary<(string, string, int), Label> labels)
    {
        foreach (var (rule, items) in Enforced(path, text))
        {
            if (!labels.TryGetValue((repo, path, rule.Line), out var label))
            {
                yield return $"  line {rule.Line}: {string.Join(";", items)} from a line that is not normative";
            }
            else if (label.Kind == 'N')
            {
                yield return $"  line {rule.Line}: {string.Join(";", items)} from a rule labelled N ({label.Note})";
            }
            else if (items.Except(label.Expected).ToList() is { Count: > 0 } extra)
            {
                yield return $"  line {rule.Line}: {string.Join(";", extra)} is not what the rule means ({string.Join(";", label.Expected)}; {label.Note})";
            }
        }
    }

    /// <summary>
    /// The rules of a file that something enforces, with what: read at the file's real path, so a file applied only on
    /// request enforces nothing, and one scoped to other languages' files (<c>**/*.ps1</c>) nothing in C# code.
    /// </summary>
    private static IEnumerable<(GoldenRule Rule, IReadOnlyList<string> Items)> Enforced(string path, string text)
    {
        var file = RuleFileReader.Read(text);
        var kind = RuleFileKinds.Classify("/repo/" + path)!.Value.Kind;
        var scope = RuleFileScope.Of(kind, file.FrontMatter);
        foreach (var rule in file.Rules.Where(rule => !rule.IsGuidance))
        {
            var items = Enforcements.Of(rule).Where(item => scope.MayCoverCSharp || Enforcements.IsOnPaths(item)).ToList();
            if (scope.Application != RuleFileApplication.OnRequest && items.Count > 0)
            {
                yield return (rule, items);
            }
        }
    }

    /// <summary>What a checkable rule is, by the items its label names: the reader's own vocabulary, paths, style rules, or no kind.</summary>
    private static string Share(Label label) =>
        label.Expected.Any(item => item.StartsWith("style:", StringComparison.Ordinal)) ? "style rules an SDK analyzer checks"
        : label.Expected.Any(Enforcements.IsOnPaths) ? "paths, approval, generated files, tests"
        : label.Expected.All(item => item.StartsWith("code:", StringComparison.Ordinal)) ? "checkable by no kind AgentGuard has"
        : "symbols, constructs, dependencies, built-in checks";

    private static Measurement Measure()
    {
        var measurement = new Measurement();
        foreach (var row in RealCorpusFiles.Rows())
        {
            var read = Enforced(row.Path, row.Text).ToDictionary(rule => rule.Rule.Line, rule => rule.Items);
            var all = RuleFileReader.Read(row.Text).Rules.GroupBy(rule => rule.Line).ToDictionary(group => group.Key, group => group.First());
            measurement.Misread += Misreads(row.Repo, row.Path, row.Text, Labels.Value).Count();
            foreach (var label in Labels.Value.Values.Where(label => label.Repo == row.Repo && label.Path == row.Path && label.Kind != 'N'))
            {
                var enforced = read.TryGetValue(label.Line, out var items) && items.Intersect(label.Expected).Any();
                measurement.Add(label.Kind.ToString(CultureInfo.InvariantCulture), row.Kind, Share(label), enforced);
                if (!enforced)
                {
                    var reason = all.TryGetValue(label.Line, out var rule) ? rule.GuidanceReason ?? "enforced as " + string.Join(";", Enforcements.Of(rule)) : "not read as a rule";
                    measurement.Missed.Add($"{label.Repo}\t{label.Path}\t{label.Line}\t{string.Join(";", label.Expected)}\t{reason}\t{(rule?.Text ?? string.Empty)}");
                }
            }
        }

        return measurement;
    }

    /// <summary>
    /// The figures go to artifacts/fidelity.txt too, which CI prints; the checkable rules left unenforced, with the reader's
    /// reason, to artifacts/fidelity-missed.tsv (not committed: it quotes the corpus).
    /// </summary>
    private static void Record(string report, IEnumerable<string> missed)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder != null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "AgentGuard.Analyzers.sln")))
            {
                Directory.CreateDirectory(Path.Combine(folder.FullName, "artifacts"));
                File.WriteAllText(Path.Combine(folder.FullName, "artifacts", "fidelity.txt"), report);
                File.WriteAllLines(Path.Combine(folder.FullName, "artifacts", "fidelity-missed.tsv"), missed);
                return;
            }
        }
    }

    private sealed class Measurement
    {
        private readonly SortedDictionary<string, (int Enforced, int Total)> _byLabel = new(StringComparer.Ordinal);
        private readonly SortedDictionary<string, (int Enforced, int Total)> _byKind = new(StringComparer.Ordinal);
        private readonly SortedDictionary<string, (int Enforced, int Total)> _byShare = new(StringComparer.Ordinal);

        public int Misread { get; set; }

        /// <summary>The checkable rules left unenforced, with what their labels expect and why the reader left them.</summary>
        public List<string> Missed { get; } = new();

        public double Recall => _byLabel.Values.Sum(v => v.Total) == 0 ? 1 : (double)_byLabel.Values.Sum(v => v.Enforced) / _byLabel.Values.Sum(v => v.Total);

        public void Add(string label, string kind, string share, bool enforced)
        {
            Count(_byLabel, label, enforced);
            Count(_byKind, kind, enforced);
            Count(_byShare, share, enforced);
        }

        public string Report()
        {
            var report = new StringBuilder();
            var total = _byLabel.Values.Sum(v => v.Total);
            report.AppendLine(CultureInfo.InvariantCulture, $"rule reading on the real corpus: {Misread} misread (precision {(Misread == 0 ? "100%" : "below 100%")}), recall of C+P {Recall:P1} ({_byLabel.Values.Sum(v => v.Enforced)} of {total})");
            foreach (var (label, (enforced, count)) in _byLabel)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"  {label}: {enforced} of {count} enforced ({(count == 0 ? 0 : (double)enforced / count):P1})");
            }

            foreach (var (kind, (enforced, count)) in _byKind)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"  {kind} files: {enforced} of {count} enforced ({(count == 0 ? 0 : (double)enforced / count):P1})");
            }

            foreach (var (share, (enforced, count)) in _byShare)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"  {share}: {enforced} of {count} enforced");
            }

            return report.ToString();
        }

        private static void Count(SortedDictionary<string, (int Enforced, int Total)> counts, string key, bool enforced)
        {
            var (e, t) = counts.TryGetValue(key, out var found) ? found : (0, 0);
            counts[key] = (e + (enforced ? 1 : 0), t + 1);
        }
    }
}

/// <summary>One row of labels.tsv: a normative line of a real rule file and what it means.</summary>
public sealed record Label(string Repo, string Path, int Line, char Kind, IReadOnlyList<string> Expected, string Note);
