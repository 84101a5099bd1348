using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using AgentGuard.Build.Boundaries;
using AgentGuard.Policy;
using Markdig;

namespace AgentGuard.Fuzzing;

/// <summary>What one target's run found.</summary>
internal sealed record FuzzReport(string Target, int Inputs, int Seed, int Exceptions, int LostNeighbours, int Reported, double SlowestMs, string SlowestKind, int SlowestLength, double SlowestMarkdigMs, TimeSpan Total)
{
    public bool Passed => Exceptions == 0 && LostNeighbours == 0;

    public override string ToString() =>
        $"{Target}: {Inputs:N0} inputs (seed {Seed}), {Exceptions} exceptions, {LostNeighbours} lost neighbour rules, {Reported:N0} reported as unreadable; "
        + $"slowest {SlowestMs:F1} ms ({SlowestKind}, {SlowestLength:N0} characters"
        + (SlowestMarkdigMs >= 0 ? $", Markdig's parse of it {SlowestMarkdigMs:F1} ms" : string.Empty)
        + $"); total {Total.TotalSeconds:F1} s";
}

/// <summary>
/// Reads generated inputs one after another on a thread with a 256 KB stack, saving each to disk before reading it, so
/// that an input that ends the process (a stack overflow cannot be caught) is still there to reproduce.
/// </summary>
internal sealed class FuzzRun
{
    public const int StackSize = 256 * 1024;

    private readonly string _workFolder;
    private readonly TextWriter _log;

    public FuzzRun(string workFolder, TextWriter log)
    {
        _workFolder = workFolder;
        _log = log;
        Directory.CreateDirectory(workFolder);
    }

    public FuzzReport Run(string target, int inputs, int seed, IReadOnlyList<string> seeds, int maxDepth)
    {
        FuzzReport? report = null;
        Exception? crash = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    report = RunOnThisThread(target, inputs, seed, seeds, maxDepth);
                }
                catch (Exception exception)
                {
                    crash = exception;
                }
            },
            StackSize);
        thread.Start();
        thread.Join();
        if (crash != null)
        {
            throw new InvalidOperationException("the fuzz run itself failed", crash);
        }

        return report!;
    }

    private FuzzReport RunOnThisThread(string target, int inputs, int seed, IReadOnlyList<string> seeds, int maxDepth)
    {
        var random = new Random(seed);
        var rules = new RuleFileInputs(random, seeds, maxDepth);
        var boundaries = new BoundaryInputs(random);
        var current = Path.Combine(_workFolder, "current-input.txt");
        var exceptions = 0;
        var lost = 0;
        var reported = 0;
        var slowest = (Ms: -1.0, Kind: string.Empty, Text: string.Empty);
        var byKind = new SortedDictionary<string, (int Count, double Ms)>(StringComparer.Ordinal);
        var total = Stopwatch.StartNew();
        for (var i = 0; i < inputs; i++)
        {
            string name;
            FuzzInput input;
            switch (target)
            {
                case "rules":
                    (name, input) = ("CLAUDE.md", rules.Next());
                    break;
                case "manifest":
                    (name, input) = ("agentguard.json", boundaries.NextManifest());
                    break;
                case "ledger":
                    (name, input) = ("reviewed.txt", boundaries.NextLedger());
                    break;
                case "packages":
                    (name, input) = boundaries.NextPackageFile();
                    break;
                case "baseline":
                    (name, input) = ("baseline.txt", boundaries.NextBaseline());
                    break;
                default:
                    throw new ArgumentException($"unknown target '{target}'; use rules, manifest, ledger, packages or baseline");
            }

            // Written before it is read: if reading it ends the process, this file is the input that did.
            File.WriteAllText(current, $"{target} #{i} seed {seed} {input.Kind} {name}\n{input.Text}", new UTF8Encoding(false));
            var watch = Stopwatch.StartNew();
            try
            {
                var outcome = Read(target, name, input);
                watch.Stop();
                reported += outcome.Reported;
                if (outcome.Invalid is { } invalid)
                {
                    lost++;
                    Keep("lost", i, seed, input, invalid);
                }
            }
            catch (Exception exception)
            {
                watch.Stop();
                exceptions++;
                Keep("exception", i, seed, input, exception.ToString());
            }

            if (watch.Elapsed.TotalSeconds > 2)
            {
                Keep("slow", i, seed, input, $"took {watch.Elapsed.TotalSeconds:F1} s");
            }

            var kind = input.Kind;
            byKind[kind] = byKind.TryGetValue(kind, out var sum) ? (sum.Count + 1, sum.Ms + watch.Elapsed.TotalMilliseconds) : (1, watch.Elapsed.TotalMilliseconds);
            if (watch.Elapsed.TotalMilliseconds > slowest.Ms)
            {
                slowest = (watch.Elapsed.TotalMilliseconds, input.Kind, input.Text);
            }
        }

        total.Stop();
        File.Delete(current);
        _log.WriteLine($"{target}: time by kind of input: " + string.Join(", ", byKind.Select(entry => $"{entry.Key} {entry.Value.Count} in {entry.Value.Ms / 1000:F1} s")));
        var markdig = target == "rules" ? TimeMarkdig(slowest.Text) : -1;
        return new FuzzReport(target, inputs, seed, exceptions, lost, reported, slowest.Ms, slowest.Kind, slowest.Text.Length, markdig, total.Elapsed);
    }

    private static (int Reported, string? Invalid) Read(string target, string name, FuzzInput input)
    {
        switch (target)
        {
            case "rules":
                return ReadRules(input);
            case "manifest":
                var manifest = ManifestReader.Read(input.Text);
                if (manifest.Manifest == null && manifest.Problems.Count == 0)
                {
                    return (0, "the manifest was neither read nor reported");
                }

                return (manifest.Problems.Count, manifest.Problems.FirstOrDefault(problem => problem.Line < 1 || problem.Column < 1) is { } misplaced ? $"a problem without a position: {misplaced}" : null);
            case "ledger":
                ReviewLedger.Parse(input.Text);
                return (0, null);
            case "baseline":
                return ReadBaseline(input);
            default:
                return (PackageSet.Read(name, Encoding.UTF8.GetBytes(input.Text)).IsUnreadable ? 1 : 0, null);
        }
    }

    /// <summary>Every line is an entry or a problem with its line number, and what is read writes back to the same entries.</summary>
    private static (int Reported, string? Invalid) ReadBaseline(FuzzInput input)
    {
        var baseline = Baseline.Parse(input.Text);
        var lines = LineCount(input.Text);
        foreach (var problem in baseline.Problems)
        {
            var number = int.Parse(problem.Substring(5, problem.IndexOf(':') - 5), System.Globalization.CultureInfo.InvariantCulture);
            if (number < 1 || number > lines)
            {
                return (baseline.Problems.Count, $"a problem on line {number}, outside the file's {lines} lines");
            }
        }

        var again = Baseline.Parse(baseline.Write());
        return again.Problems.Count > 0 || !again.Entries.Select(entry => entry.ToString()).SequenceEqual(baseline.Entries.Select(entry => entry.ToString()))
            ? (baseline.Problems.Count, "the baseline did not read back as it was written")
            : (baseline.Problems.Count, null);
    }

    private static (int Reported, string? Invalid) ReadRules(FuzzInput input)
    {
        var file = RuleFileReader.Read(input.Text);
        var lines = LineCount(input.Text);
        if (file.Rules.FirstOrDefault(rule => rule.Line < 1 || rule.Line > lines) is { } outside)
        {
            return (0, $"a rule on line {outside.Line}, outside the file's {lines} lines");
        }

        if (file.Problems.FirstOrDefault(problem => problem.Line < 1 || problem.EndLine < problem.Line) is { } misplaced)
        {
            return (0, $"a problem on {misplaced.Lines}");
        }

        var reported = file.Problems.Count + (file.ReadError == null ? 0 : 1);
        if (input.KeepsNeighbours)
        {
            var banned = file.Rules.SelectMany(rule => rule.BannedTargets).Select(target => target.Text).ToList();
            if (!banned.Contains("DateTime.Now") || !banned.Contains("Environment.Exit"))
            {
                return (reported, "the plain bans around the generated part were not both read: " + string.Join(", ", banned) + "; problems: " + string.Join("; ", file.Problems));
            }
        }

        return (reported, null);
    }

    /// <summary>Lines as Markdown counts them: \n, \r\n and a lone \r each end one.</summary>
    private static int LineCount(string text) => text.Replace("\r\n", "\n").Split('\n', '\r').Length;

    private static double TimeMarkdig(string text)
    {
        if (text.Length == 0)
        {
            return -1;
        }

        var pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();
        var watch = Stopwatch.StartNew();
        try
        {
            Markdown.Parse(text, pipeline);
        }
        catch (ArgumentException)
        {
            // Refused: the time to refuse is the baseline.
        }

        return watch.Elapsed.TotalMilliseconds;
    }

    private void Keep(string what, int index, int seed, FuzzInput input, string detail)
    {
        var path = Path.Combine(_workFolder, $"{what}-seed{seed}-{index}.txt");
        File.WriteAllText(path, input.Text, new UTF8Encoding(false));
        _log.WriteLine($"{what}: input #{index} ({input.Kind}, {input.Text.Length:N0} characters) kept at {path}: {detail}");
    }
}
