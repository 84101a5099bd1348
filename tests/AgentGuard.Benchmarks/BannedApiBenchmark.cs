using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using AgentGuard.Analyzers.GoldenRules;
using AgentGuard.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AgentGuard.Benchmarks;

/// <summary>
/// The same ten bans as golden rules (AG0001) and as BannedApiAnalyzers' <c>BannedSymbols.txt</c> (RS0030), over the
/// same generated project in one compilation, each analyzer's time from Roslyn's telemetry: BannedApiAnalyzers is the
/// anchor measured in the same run. Its version 3.3.4 is the newest that loads beside Roslyn 4.8 in process.
/// </summary>
public static class BannedApiBenchmark
{
    // Each ban in both forms: the golden rule's wording, the documentation ID, and a use in code of exactly that symbol.
    private static readonly (string Rule, string DocumentationId, string Use)[] Bans =
    {
        ("- Never use `DateTime.Now`", "P:System.DateTime.Now", "var a = System.DateTime.Now;"),
        ("- Never use `DateTime.UtcNow`", "P:System.DateTime.UtcNow", "var b = System.DateTime.UtcNow;"),
        ("- Never use `Guid.NewGuid`", "M:System.Guid.NewGuid", "var c = System.Guid.NewGuid();"),
        ("- Never use `Stopwatch.StartNew`", "M:System.Diagnostics.Stopwatch.StartNew", "var d = System.Diagnostics.Stopwatch.StartNew();"),
        ("- Never use `Environment.TickCount`", "P:System.Environment.TickCount", "var e = System.Environment.TickCount;"),
        ("- Never use `Environment.MachineName`", "P:System.Environment.MachineName", "var f = System.Environment.MachineName;"),
        ("- Never use `Environment.ProcessId`", "P:System.Environment.ProcessId", "var g = System.Environment.ProcessId;"),
        ("- Never use `Environment.CurrentManagedThreadId`", "P:System.Environment.CurrentManagedThreadId", "var h = System.Environment.CurrentManagedThreadId;"),
        ("- Never use `GC.Collect`", "M:System.GC.Collect", "System.GC.Collect();"),
        ("- Never use `Random.Shared`", "P:System.Random.Shared", "var i = System.Random.Shared;"),
    };

    public static void Run(int runs, int files)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "bannedapi");
        var analyzers = Directory.GetFiles(folder, "*.dll")
            .Select(Assembly.LoadFrom)
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && type.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)))
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToList();
        var bannedApi = analyzers.Single(analyzer => analyzer.SupportedDiagnostics.Any(d => d.Id == "RS0030"));
        var agentGuard = new BannedSymbolAnalyzer();

        var trees = Enumerable.Range(0, files)
            .Select(i => CSharpSyntaxTree.ParseText(SourceText.From(Source(i)), new CSharpParseOptions(LanguageVersion.Latest), $"/bench/src/Uses{i}.cs"))
            .ToImmutableArray();
        var options = new AnalyzerOptions(
            ImmutableArray.Create<AdditionalText>(
                new InMemoryAdditionalText("/bench/CLAUDE.md", SourceText.From(string.Join("\n", Bans.Select(b => b.Rule)) + "\n")),
                new InMemoryAdditionalText("/bench/BannedSymbols.txt", SourceText.From(string.Join("\n", Bans.Select(b => b.DocumentationId + ";banned")) + "\n"))),
            new DictionaryOptionsProvider(new Dictionary<string, string>(), new Dictionary<string, Dictionary<string, string>>()));

        Console.WriteLine($"Banned APIs: {Bans.Length} bans as golden rules and as BannedSymbols.txt, {files} files, {runs} runs; analyzer time from Roslyn's telemetry");
        var ratios = new List<double>();
        var added = new List<double>();
        for (var run = 0; run <= runs; run++)
        {
            var compilation = CSharpCompilation.Create("Bench", trees, FrameworkReferences.Net.Value, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(agentGuard, bannedApi), new CompilationWithAnalyzersOptions(options, null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
            var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
            var ours = withAnalyzers.GetAnalyzerTelemetryInfoAsync(agentGuard, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime;
            var theirs = withAnalyzers.GetAnalyzerTelemetryInfoAsync(bannedApi, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime;
            var ag0001 = diagnostics.Count(d => d.Id == "AG0001");
            var rs0030 = diagnostics.Count(d => d.Id == "RS0030");
            if (run == 0)
            {
                // The first run pays for loading and compiling both analyzers: a warm-up, not a measurement.
                Console.WriteLine($"  warm-up: AG0001 {ag0001} findings, RS0030 {rs0030} findings");
                if (ag0001 != rs0030)
                {
                    Console.WriteLine("  the two analyzers do not find the same uses: the comparison is off");
                }

                continue;
            }

            ratios.Add(ours.TotalMilliseconds / theirs.TotalMilliseconds);

            // Telemetry times only the analyzer's own callbacks: the binding an operation action needs is done by the driver
            // before the call and charged to no one, the binding a semantic-model query causes is charged to the analyzer.
            // So also what each adds to the whole analysis, each alone next to a compilation with an idle analyzer.
            var idle = Time(trees, options, new IdleAnalyzer());
            var withOurs = Time(trees, options, agentGuard);
            var withTheirs = Time(trees, options, bannedApi);
            added.Add(Math.Max(1, withOurs - idle) / Math.Max(1, withTheirs - idle));
            Console.WriteLine($"  run {run}: telemetry: BannedSymbolAnalyzer {ours.TotalMilliseconds:F0} ms, RS0030's analyzer {theirs.TotalMilliseconds:F0} ms, {ratios[^1]:F2}x; "
                + $"whole analysis: idle {idle:F0} ms, with AG0001 {withOurs:F0} ms, with RS0030 {withTheirs:F0} ms, added {added[^1]:F2}x");
        }

        ratios.Sort();
        added.Sort();
        Console.WriteLine($"AG0001 against RS0030 for the same bans, analyzer telemetry: median {ratios[ratios.Count / 2]:F2}x (range {ratios[0]:F2}-{ratios[^1]:F2}x over {runs} runs)");
        Console.WriteLine($"AG0001 against RS0030 for the same bans, time added to the analysis: median {added[added.Count / 2]:F2}x (range {added[0]:F2}-{added[^1]:F2}x)");
    }

    private static double Time(ImmutableArray<SyntaxTree> trees, AnalyzerOptions options, DiagnosticAnalyzer analyzer)
    {
        var compilation = CSharpCompilation.Create("Bench", trees, FrameworkReferences.Net.Value, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        compilation.WithAnalyzers(ImmutableArray.Create(analyzer), new CompilationWithAnalyzersOptions(options, null, concurrentAnalysis: false, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static string Source(int i)
    {
        var text = new StringBuilder($"namespace Bench.Uses;\n\npublic sealed class Uses{i}\n{{\n");
        // About three uses a file, as in a codebase that adopted the bans late: 6,000 findings in 2,000 files.
        for (var method = 0; method < 3; method++)
        {
            text.Append($"    public void Step{method}()\n    {{\n");
            text.Append("        ").Append(Bans[(i + method) % Bans.Length].Use).Append('\n');

            text.Append("        var total = 0;\n        for (var n = 0; n < 10; n++) { total += n * 2; }\n        System.Console.Error.Flush();\n    }\n\n");
        }

        return text.Append("}\n").ToString();
    }
}
