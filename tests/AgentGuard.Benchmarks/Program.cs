using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AgentGuard.Analyzers.GoldenRules;
using AgentGuard.Benchmarks;
using AgentGuard.Policy;
using AgentGuard.Testing;
using Markdig;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

// Each figure is a median of several runs after a warm-up, next to a baseline measured in the same run, and reported
// as a ratio to it: absolute times depend on the machine, ratios much less.
var quick = args.Contains("--quick");
var runs = quick ? 3 : 9;

// Hostile rule files: the slowest of a fuzz run with nesting up to 50,000 levels, next to Markdig's parse of that same
// input; --fuzz runs this part alone.
if (args.Contains("--fuzz"))
{
    var fuzzSeeds = AgentGuard.Fuzzing.FuzzSeeds.Load(null, out var seedNote);
    Console.WriteLine(seedNote);
    var report = new AgentGuard.Fuzzing.FuzzRun(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "agentguard-bench-fuzz"), Console.Out)
        .Run("rules", quick ? 500 : 3_000, seed: 7, fuzzSeeds, maxDepth: 50_000);
    Console.WriteLine(report);
    Console.WriteLine($"Slowest input: {report.SlowestMs / report.SlowestMarkdigMs:F2}x Markdig's parse of the same text");
    return;
}

// The first read in a new process (cold), optionally against an older reader: --reading-cold [<AgentGuard.Policy.dll>].
if (Array.IndexOf(args, "--first-read") is var firstRead and >= 0)
{
    ReadingCold.FirstRead(firstRead + 1 < args.Length ? args[firstRead + 1] : null);
    return;
}

if (Array.IndexOf(args, "--reading-cold") is var cold and >= 0)
{
    ReadingCold.Run(cold + 1 < args.Length && !args[cold + 1].StartsWith("--", StringComparison.Ordinal) ? args[cold + 1] : null, runs: quick ? 3 : 7);
    return;
}

// Reading against an older build of the reader, alternating in one process: --reading-against <AgentGuard.Policy.dll>.
if (Array.IndexOf(args, "--reading-against") is var against and >= 0 && against + 1 < args.Length)
{
    ReadingAgainst.Run(args[against + 1], pairs: quick ? 3 : 9, reads: 40);
    return;
}

// The same bans as golden rules and as BannedApiAnalyzers' BannedSymbols.txt, in one compilation; --banned-api runs it alone.
if (args.Contains("--banned-api"))
{
    BannedApiBenchmark.Run(quick ? 3 : 7, files: 2_000);
    return;
}

// Style rules through the SDK's analyzers, in real dotnet build runs of the 500-file project; --style runs this part alone.
if (args.Contains("--style"))
{
    StyleBenchmark.Run(quick ? 3 : 5);
    return;
}

// The built-in checks' share of the compiler's time in real dotnet build runs; --builtins runs this part alone.
if (args.Contains("--builtins"))
{
    BuiltinBenchmark.Run(quick ? 3 : 5, sequential: args.Contains("--sequential"), server: args.Contains("--server"));
    return;
}

// The boundary task on a generated 20,000-file repository; --boundaries runs this part alone, --reading skips it.
if (!args.Contains("--reading"))
{
    BoundaryBenchmark.Run(runs, (count, action) => { var m = Measure(count, action); return (m.Median, m.Allocated); });
    if (args.Contains("--boundaries"))
    {
        return;
    }
}

var ruleText = Workload.RuleFile(35 * 1024);
Console.WriteLine($"Rule file: {ruleText.Length / 1024.0:F1} KB, {ruleText.Split('\n').Length} lines");

// Warm: each measured run reads the file 20 times, after 150 reads that let the runtime compile both to optimized code
// and the reader compile the patterns it runs on every few list items (TieredRegex).
for (var warm = 0; warm < 150; warm++)
{
    Markdown.Parse(ruleText);
    RuleFileReader.Read(ruleText);
}

var markdigOnly = Measure(runs, () => { for (var read = 0; read < 20; read++) { Markdown.Parse(ruleText); } }).PerCall(20);
var reading = Measure(runs, () => { for (var read = 0; read < 20; read++) { RuleFileReader.Read(ruleText); } }).PerCall(20);
var readRules = RuleFileReader.Read(ruleText).Rules;
Console.WriteLine($"Read {readRules.Count} rules, {readRules.Count(r => r.IsEnforcedInCode)} enforced in code, {readRules.Count(r => r.IsEnforcedOnPaths)} on paths");
Report("Reading and compiling the rule file", reading, "Markdig parse of the same text", markdigOnly);
if (args.Contains("--reading"))
{
    return;
}

var sources = Workload.Project(500).ToList();
var trees = sources.Select(s => CSharpSyntaxTree.ParseText(SourceText.From(s.Text), new CSharpParseOptions(LanguageVersion.Latest), s.Path)).ToImmutableArray();
var ruleLines = Environment.GetEnvironmentVariable("AGENTGUARD_BENCH_RULES") is { } only ? only.Split('|') : Workload.Rules;
var rulesFile = new InMemoryAdditionalText("/bench/CLAUDE.md", SourceText.From(string.Join("\n", ruleLines) + "\n"));
var options = new AnalyzerOptions(
    ImmutableArray.Create<AdditionalText>(rulesFile),
    new DictionaryOptionsProvider(new Dictionary<string, string>(), new Dictionary<string, Dictionary<string, string>>()));
// Every analyzer the package ships, golden rules and built-in checks, as a build runs them.
ImmutableArray<DiagnosticAnalyzer> analyzers = typeof(BannedSymbolAnalyzer).Assembly.GetTypes()
    .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type))
    .OrderBy(type => type.Name, StringComparer.Ordinal)
    .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
    .ToImmutableArray();

CSharpCompilation NewCompilation() => CSharpCompilation.Create(
    "Bench", trees, FrameworkReferences.Net.Value, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, concurrentBuild: false));

// Baseline: the compiler's own full semantic analysis of the project (binding every method body).
var compile = Measure(runs, () => NewCompilation().GetDiagnostics());
var findings = 0;
TimeSpan analyzerTime = default;
List<(string, TimeSpan)> perAnalyzer = new();
var analyze = Measure(runs, () =>
{
    var withAnalyzers = NewCompilation().WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(options, null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
    var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
    findings = diagnostics.Length;
    perAnalyzer = analyzers.Select(analyzer => (analyzer.GetType().Name, withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime)).ToList();
    analyzerTime = perAnalyzer.Aggregate(TimeSpan.Zero, (sum, entry) => sum + entry.Item2);
});

// Setup alone: the same rules against a one-file compilation (resolving every rule target once).
var setup = Measure(runs, () =>
{
    var single = CSharpCompilation.Create("Setup", new[] { trees[0] }, FrameworkReferences.Net.Value, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    single.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
});
var singleCompile = Measure(runs, () => CSharpCompilation.Create("Setup", new[] { trees[0] }, FrameworkReferences.Net.Value, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)).GetDiagnostics());
Report("Rule setup per compilation (one-file project with analyzers)", setup, "same compilation without analyzers", singleCompile);
// Baseline for the analyzer driver: the same compilation with one analyzer that asks for every file's semantic model
// and does nothing, so the ratio below is what AgentGuard's analyzers add, not what running any analyzer costs.
var driver = Measure(runs, () =>
    NewCompilation().WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new IdleAnalyzer()), options).GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult());

Console.WriteLine($"Project: {sources.Count} files, {ruleLines.Length} rules, {findings} findings");
Report("Analyzing with AgentGuard (compile + analyzers)", analyze, "compile alone (GetDiagnostics)", compile);
Report("Analyzing with AgentGuard (compile + analyzers)", analyze, "compile with an idle analyzer", driver);
Console.WriteLine($"  AgentGuard analyzers' own execution time (Roslyn telemetry, last run): {analyzerTime.TotalMilliseconds:F0} ms, "
    + $"{100 * analyzerTime.TotalMilliseconds / (compile.Median.TotalMilliseconds + analyzerTime.TotalMilliseconds):F1}% of compile + analyzer time");
foreach (var (name, time) in perAnalyzer)
{
    Console.WriteLine($"    {name}: {time.TotalMilliseconds:F0} ms");
}

static Measurement Measure(int runs, Action action)
{
    action();
    var times = new List<TimeSpan>();
    long allocated = 0;
    for (var i = 0; i < runs; i++)
    {
        // Each run starts with a clean heap: a collection owed by an earlier run is not charged to this one.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        action();
        watch.Stop();
        allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        times.Add(watch.Elapsed);
    }

    times.Sort();
    return new Measurement(times[times.Count / 2], allocated);
}

static void Report(string what, Measurement measured, string baselineName, Measurement baseline) =>
    Console.WriteLine($"{what}: {measured.Median.TotalMilliseconds:F1} ms, {measured.Allocated / 1024.0 / 1024.0:F1} MB allocated; "
        + $"{measured.Median.TotalMilliseconds / baseline.Median.TotalMilliseconds:F2}x the {baselineName} ({baseline.Median.TotalMilliseconds:F1} ms)");

internal readonly record struct Measurement(TimeSpan Median, long Allocated)
{
    /// <summary>The figures of one call, for a run that made <paramref name="calls"/>.</summary>
    public Measurement PerCall(int calls) => new(TimeSpan.FromTicks(Median.Ticks / calls), Allocated / calls);
}

[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class IdleAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Idle = new("IDLE0001", "Idle", "Idle", "Bench", DiagnosticSeverity.Warning, true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Idle);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        // Asks for every file's semantic model and does nothing with it: the work any semantic analyzer causes.
        context.RegisterSemanticModelAction(_ => { });
    }
}
