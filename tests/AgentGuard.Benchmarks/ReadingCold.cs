using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using AgentGuard.Policy;
using Markdig;

namespace AgentGuard.Benchmarks;

/// <summary>
/// The first read of the 35 KB rule file in a new process, as a command-line build without the compiler server reads
/// it: nothing compiled to machine code yet, no pattern run before. Each run is a new process that parses the text with
/// Markdig once (its first parse, the baseline) and then reads it once. With an older reader's
/// <c>AgentGuard.Policy.dll</c>, the older reader's processes alternate with this one's.
/// </summary>
public static class ReadingCold
{
    public static void Run(string? olderPolicyDll, int runs)
    {
        var self = Assembly.GetEntryAssembly()!.Location;
        var readers = olderPolicyDll == null ? new[] { (string?)null } : new[] { olderPolicyDll, null };
        var results = readers.ToDictionary(reader => reader ?? "this", _ => new List<(double Markdig, double Read)>());
        for (var run = 0; run < runs; run++)
        {
            foreach (var reader in readers)
            {
                var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
                start.ArgumentList.Add(self);
                start.ArgumentList.Add("--first-read");
                if (reader != null)
                {
                    start.ArgumentList.Add(Path.GetFullPath(reader));
                }

                using var process = Process.Start(start)!;
                var output = process.StandardOutput.ReadToEnd().Trim().Split(' ');
                process.WaitForExit();
                results[reader ?? "this"].Add((double.Parse(output[0], CultureInfo.InvariantCulture), double.Parse(output[1], CultureInfo.InvariantCulture)));
            }
        }

        static double Median(IEnumerable<double> values) => values.OrderBy(v => v).ElementAt(values.Count() / 2);
        foreach (var (reader, times) in results)
        {
            Console.WriteLine($"First read in a new process, {reader} reader: {string.Join(" ", times.Select(t => t.Read.ToString("F0", CultureInfo.InvariantCulture)))} ms, median {Median(times.Select(t => t.Read)):F0} ms; "
                + $"Markdig's first parse {Median(times.Select(t => t.Markdig)):F0} ms; {Median(times.Select(t => t.Read / t.Markdig)):F1}x");
        }

        if (olderPolicyDll != null)
        {
            Console.WriteLine($"First read: {Median(results["this"].Select(t => t.Read)) / Median(results[olderPolicyDll].Select(t => t.Read)):F2}x the older reader ({runs} processes each)");
        }
    }

    /// <summary>The child: prints Markdig's first parse and the reader's first read, in milliseconds.</summary>
    public static void FirstRead(string? policyDll)
    {
        var text = Workload.RuleFile(35 * 1024);
        var read = ReadingAgainst.ReadMethod(policyDll == null ? typeof(RuleFileReader).Assembly : ReadingAgainst.LoadOlder(policyDll));
        var watch = Stopwatch.StartNew();
        Markdown.Parse(text);
        var markdig = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        read.Invoke(null, new object[] { text });
        var reading = watch.Elapsed.TotalMilliseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{markdig:F2} {reading:F2}"));
    }
}
