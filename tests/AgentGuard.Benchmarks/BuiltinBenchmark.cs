using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace AgentGuard.Benchmarks;

/// <summary>
/// What the built-in checks cost a real build: a 500-file library and a test project of 300 test methods, each built
/// with <c>dotnet build</c> and AgentGuard's analyzers (no rule file), several times. Each check's time comes from the
/// compiler's analyzer telemetry (<c>ReportAnalyzer</c>); the anchor is the <c>Csc</c> task's own time in the same build.
/// </summary>
public static class BuiltinBenchmark
{
    // The test project's libraries, in versions the package feed serves.
    private const string Packages = """
        <PackageReference Include="xunit" Version="2.9.3" />
        <PackageReference Include="Shouldly" Version="4.3.0" />
        <PackageReference Include="FluentAssertions" Version="7.2.2" />
        <PackageReference Include="NSubstitute" Version="6.1.0" />
        """;

    private static readonly Regex AnalyzerLine = new(@"^\s*(?<below><)?([\d.,]+)\s+(?:<)?\d+\s+(AgentGuard\.Analyzers\.[\w.]+)", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    private static readonly Regex CscLine = new(@"^\s*(\d+) ms\s+Csc\s+\d+ calls", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    /// <summary>
    /// Builds the projects <paramref name="runs"/> times each. <paramref name="sequential"/> compiles with <c>/parallel-</c>
    /// (through a compiler response file): the compiler and the analyzers then run on one thread, so an analyzer's
    /// telemetry is the time it worked, not also the time its thread waited while other threads of the same build ran.
    /// <paramref name="server"/> compiles in the compiler server (<c>UseSharedCompilation=true</c>, the SDK's default, which
    /// a machine can turn off): the compiler and the analyzers are then loaded and compiled to machine code once, not once
    /// per build.
    /// </summary>
    public static void Run(int runs, bool sequential = false, bool server = false)
    {
        var folder = Path.Combine(Path.GetTempPath(), "agentguard-bench-builtins");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        var responseFile = Path.Combine(folder, "sequential.rsp");
        File.WriteAllText(responseFile, "/parallel-\n");
        var extra = (sequential ? new[] { "-p:CompilerResponseFile=" + responseFile } : Array.Empty<string>())
            .Concat(server ? new[] { "-p:UseSharedCompilation=true" } : new[] { "-p:UseSharedCompilation=false" }).ToArray();

        var analyzers = new[] { "AgentGuard.Analyzers.dll", "AgentGuard.Policy.dll", "Markdig.dll", "Microsoft.Extensions.FileSystemGlobbing.dll" }
            .Select(name => Path.Combine(AppContext.BaseDirectory, name))
            .ToList();
        var items = string.Concat(analyzers.Select(path => $"<Analyzer Include=\"{path}\" />"));

        var library = Path.Combine(folder, "Library");
        Directory.CreateDirectory(library);
        var sources = Workload.Project(500).ToList();
        foreach (var (path, text) in sources)
        {
            File.WriteAllText(Path.Combine(library, Path.GetFileName(path)), text);
        }

        File.WriteAllText(Path.Combine(library, "Library.csproj"), Project(items));

        var tests = Path.Combine(folder, "Tests");
        Directory.CreateDirectory(tests);
        var methods = 0;
        for (var file = 0; file < 30; file++)
        {
            File.WriteAllText(Path.Combine(tests, $"Spec{file}.cs"), TestFile(file, ref methods));
        }

        File.WriteAllText(Path.Combine(tests, "Tests.csproj"), Project(items + Packages));

        Console.WriteLine($"Built-in checks in real builds: a {sources.Count}-file library and a test project of {methods} test methods, {runs} rebuilds each; check time from ReportAnalyzer, anchor the Csc task's time{(sequential ? "; compiled with /parallel-" : string.Empty)}{(server ? "; in the compiler server" : "; a new compiler process per build")}");
        foreach (var (name, project) in new[] { ("library", library), ("test project", tests) })
        {
            StyleBenchmark.Dotnet(project, "restore", "-nologo", "-v:q");
            Build(project, extra);
            var csc = new List<double>();
            var perRun = new List<Dictionary<string, double>>();
            for (var run = 0; run < runs; run++)
            {
                var (cscSeconds, checks) = Build(project, extra);
                csc.Add(cscSeconds);
                perRun.Add(checks.ToDictionary(entry => entry.Check, entry => entry.Seconds, StringComparer.Ordinal));
            }

            // A check too cheap to be listed in a run took less than the report's resolution: counted as zero there.
            double Median(IEnumerable<double> values) => values.OrderBy(v => v).ElementAt(runs / 2);
            double Of(Dictionary<string, double> run, string check) => run.TryGetValue(check, out var seconds) ? seconds : 0;
            var cscMedian = Median(csc);
            var perCheck = perRun.SelectMany(run => run.Keys).Distinct(StringComparer.Ordinal)
                .ToDictionary(check => check, check => perRun.Select(run => Of(run, check)).ToList(), StringComparer.Ordinal);
            var totals = perRun.Select(run => run.Where(entry => entry.Key.Contains(".Builtins.", StringComparison.Ordinal)).Sum(entry => entry.Value)).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: Csc {cscMedian:F2} s (median); built-in checks together {Median(totals):F3} s, {100 * Median(totals) / cscMedian:F2}% of Csc"));
            foreach (var (check, values) in perCheck.OrderByDescending(entry => Median(entry.Value)))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {check.Substring(check.LastIndexOf('.') + 1)}: {Median(values):F3} s, {100 * Median(values) / cscMedian:F2}% of Csc"));
            }
        }
    }

    /// <summary>Ten test methods in the styles the assertion check knows, one skipped, one that asserts nothing.</summary>
    private static string TestFile(int file, ref int methods)
    {
        var text = new StringBuilder($$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using FluentAssertions;
            using NSubstitute;
            using Shouldly;
            using Xunit;

            namespace Bench.Tests;

            public interface IClock{{file}} { DateTime Now { get; } void Tick(); }

            public sealed class Cart{{file}}
            {
                private readonly List<decimal> _lines = new();
                public void Add(decimal price) { if (price < 0) { throw new ArgumentOutOfRangeException(nameof(price)); } _lines.Add(price); }
                public decimal Total => _lines.Sum();
                public int Count => _lines.Count;
                public Task<decimal> TotalAsync() => Task.FromResult(Total);
            }

            public class Spec{{file}}
            {
                private readonly Cart{{file}} _cart = new();

            """);
        for (var i = 0; i < 10; i++, methods++)
        {
            var name = $"Case{file}_{i}";
            text.Append(i switch
            {
                0 => $"    [Fact] public void {name}() {{ _cart.Add(2m); Assert.Equal(2m, _cart.Total); }}\n",
                1 => $"    [Theory, InlineData(1), InlineData(2)] public void {name}(int n) {{ _cart.Add(n); _cart.Count.ShouldBe(1); }}\n",
                2 => $"    [Fact] public void {name}() {{ Should.Throw<ArgumentOutOfRangeException>(() => _cart.Add(-1m)); }}\n",
                3 => $"    [Fact] public async Task {name}() {{ _cart.Add(3m); (await _cart.TotalAsync()).Should().Be(3m); }}\n",
                4 => $"    [Fact] public void {name}() {{ var clock = Substitute.For<IClock{file}>(); clock.Tick(); clock.Received(1).Tick(); }}\n",
                5 => $"    [Fact] public void {name}() {{ var e = Record.Exception(() => _cart.Add(-1m)); Assert.NotNull(e); }}\n",
                6 => $"    [Fact] public void {name}() => TotalIs(5m, 5m);\n",
                7 => $"    [Fact] public void {name}() {{ var lines = new[] {{ 1m, 2m }}; foreach (var l in lines) {{ _cart.Add(l); }} _cart.Total.ShouldBeGreaterThan(2m); }}\n",
                8 => $"    [Fact(Skip = \"waits for the tax service\")] public void {name}() {{ _cart.Add(1m); Assert.True(_cart.Total > 0); }}\n",
                _ => $"    [Fact] public void {name}() {{ _cart.Add(1m); }}\n",
            });
        }

        return text.Append("    private void TotalIs(decimal added, decimal expected) { _cart.Add(added); Assert.Equal(expected, _cart.Total); }\n}\n").ToString();
    }

    private static string Project(string items) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>disable</ImplicitUsings>
            <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
            <NuGetAudit>false</NuGetAudit>
          </PropertyGroup>
          <ItemGroup>{items}</ItemGroup>
        </Project>
        """;

    private static (double Csc, List<(string Check, double Seconds)> Checks) Build(string project, string[] extra)
    {
        var output = StyleBenchmark.Dotnet(project, new[] { "build", "--no-restore", "--no-incremental", "-nologo", "-nodeReuse:false", "-p:ReportAnalyzer=true", "-v:d", "-clp:PerformanceSummary" }.Concat(extra).ToArray());
        var csc = CscLine.Matches(output).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) / 1000).DefaultIfEmpty(0).Max();
        var checks = AnalyzerLine.Matches(output)
            .Select(m => (m.Groups[2].Value, m.Groups["below"].Success ? 0.0005 : double.Parse(m.Groups[1].Value.Replace(',', '.'), CultureInfo.InvariantCulture)))
            .GroupBy(entry => entry.Item1, StringComparer.Ordinal)
            .Select(group => (group.Key, group.First().Item2))
            .ToList();
        return (csc, checks);
    }
}
