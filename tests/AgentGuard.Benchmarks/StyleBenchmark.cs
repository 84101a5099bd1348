using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using AgentGuard.Policy;

namespace AgentGuard.Benchmarks;

/// <summary>
/// What style rules cost a build: the 500-file project built with <c>dotnet build</c> (the SDK's own compiler and
/// analyzers) with the global config AgentGuard writes for ten style rules and the code-style analyzers the package adds,
/// against the same build without them, alternating, as a ratio of the medians. The analyzers' time comes from the
/// compiler's telemetry (<c>ReportAnalyzer</c>).
/// </summary>
public static class StyleBenchmark
{
    /// <summary>Ten style rules as teams write them, each mapped by the table; "prefer" keeps them warnings.</summary>
    public static readonly string[] Rules =
    {
        "- Prefer file-scoped namespaces.",
        "- Prefer braces, even for single-line bodies",
        "- Prefer explicit types instead of `var`.",
        "- Prefer `is null` / `is not null` over `ReferenceEquals(x, null)`",
        "- **Readonly fields** where possible",
        "- Prefer `ArgumentNullException.ThrowIfNull` for argument checks",
        "- Async methods should end with `Async`.",
        "- Prefer collection expressions (`[1, 2]`) over `new List<T> { }`.",
        "- Prefer target-typed `new()` expressions",
        "- Prefer `nameof` over string literals for parameter names.",
    };

    private static readonly Regex AnalyzerTotal = new(@"Total analyzer execution time:\s*([\d.,]+)\s*seconds", RegexOptions.CultureInvariant);

    public static void Run(int runs)
    {
        var folder = Path.Combine(Path.GetTempPath(), "agentguard-bench-style");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        var plain = Path.Combine(folder, "plain");
        var styled = Path.Combine(folder, "styled");
        var rules = RuleFileReader.Read(string.Join("\n", Rules) + "\n").Rules;
        var mapped = rules.Count(rule => rule.Styles.Count > 0);
        var sources = Workload.Project(500).ToList();
        foreach (var project in new[] { plain, styled })
        {
            Directory.CreateDirectory(Path.Combine(project, "src"));
            foreach (var (path, text) in sources)
            {
                File.WriteAllText(Path.Combine(project, "src", Path.GetFileName(path)), text);
            }
        }

        var files = sources.Select(source => Path.Combine(styled, "src", Path.GetFileName(source.Path)).Replace('\\', '/')).ToList();
        var config = StyleConfig.Write(rules.SelectMany(rule => rule.Styles.Select(style => new StyleSource(style, "AGENTS.md", rule, 0, null))).ToList(), files)!;
        File.WriteAllText(Path.Combine(styled, "agentguard.globalconfig"), config);
        File.WriteAllText(Path.Combine(plain, "Bench.csproj"), Project(string.Empty));
        File.WriteAllText(Path.Combine(styled, "Bench.csproj"), Project("<EnforceCodeStyleInBuild>true</EnforceCodeStyleInBuild>", "<GlobalAnalyzerConfigFiles Include=\"agentguard.globalconfig\" />"));

        foreach (var project in new[] { plain, styled })
        {
            Dotnet(project, "restore", "-nologo", "-v:q");
            Build(project);
        }

        var plainTimes = new List<(double Build, double Analyzers)>();
        var styledTimes = new List<(double Build, double Analyzers)>();
        var findings = 0;
        for (var i = 0; i < runs; i++)
        {
            plainTimes.Add(Build(plain).Times);
            var styledRun = Build(styled);
            styledTimes.Add(styledRun.Times);
            findings = styledRun.Findings;
        }

        double Median(IEnumerable<double> values) => values.OrderBy(v => v).ElementAt(runs / 2);
        var plainBuild = Median(plainTimes.Select(t => t.Build));
        var styledBuild = Median(styledTimes.Select(t => t.Build));
        Console.WriteLine($"Style rules: {mapped} of {Rules.Length} rules mapped, {sources.Count} files, {findings} findings, {runs} alternating rebuilds each");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  dotnet build with the style rules: {styledBuild:F2} s; without: {plainBuild:F2} s; {styledBuild / plainBuild:F2}x"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  analyzer time in the compiler (ReportAnalyzer): {Median(styledTimes.Select(t => t.Analyzers)):F2} s with, {Median(plainTimes.Select(t => t.Analyzers)):F2} s without"));
    }

    private static string Project(string property, string item = "") => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>disable</ImplicitUsings>
            <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
            {property}
          </PropertyGroup>
          <ItemGroup>{item}</ItemGroup>
        </Project>
        """;

    private static ((double Build, double Analyzers) Times, int Findings) Build(string project)
    {
        var watch = Stopwatch.StartNew();
        var output = Dotnet(project, "build", "--no-restore", "--no-incremental", "-nologo", "-nodeReuse:false", "-p:ReportAnalyzer=true", "-v:d");
        watch.Stop();
        var analyzers = AnalyzerTotal.Matches(output).Select(m => double.Parse(m.Groups[1].Value.Replace(',', '.'), CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Sum();
        var findings = Regex.Matches(output, @"warning (?:IDE|CA)\d{4}").Count / 2;
        return ((watch.Elapsed.TotalSeconds, analyzers), findings);
    }

    /// <summary>Runs <c>dotnet</c> in <paramref name="folder"/> and returns what it printed.</summary>
    internal static string Dotnet(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output + error.Result;
    }
}
