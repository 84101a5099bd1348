using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using AgentGuard.Policy;

namespace AgentGuard.Benchmarks;

/// <summary>
/// The reader of another build (an older commit's <c>AgentGuard.Policy.dll</c>; Markdig is this build's unless one lies beside it) against this
/// one, on the same 35 KB rule file in one process: the two alternate, pair after pair, so that what the shared machine
/// does in between moves both alike. Build the older reader with
/// <c>git worktree add /tmp/old &lt;commit&gt; &amp;&amp; dotnet build -c Release /tmp/old/src/AgentGuard.Policy</c>.
/// </summary>
public static class ReadingAgainst
{
    public static void Run(string olderPolicyDll, int pairs, int reads)
    {
        var read = ReadMethod(LoadOlder(olderPolicyDll));
        var text = Workload.RuleFile(35 * 1024);
        Action olderRead = () => read.Invoke(null, new object[] { text });
        Action newerRead = () => RuleFileReader.Read(text);
        // Warm, as --reading measures: long enough for the runtime to optimize both readers and for the patterns a reader
        // compiles after many runs to be compiled.
        for (var i = 0; i < 60; i++)
        {
            olderRead();
            newerRead();
        }

        var before = new List<double>();
        var now = new List<double>();
        for (var pair = 0; pair < pairs; pair++)
        {
            before.Add(Time(olderRead, reads));
            now.Add(Time(newerRead, reads));
        }

        double Median(List<double> values) => values.OrderBy(v => v).ElementAt(values.Count / 2);
        Console.WriteLine($"Older reader ({olderPolicyDll}): {string.Join(" ", before.Select(v => v.ToString("F1")))} ms, median {Median(before):F1} ms");
        Console.WriteLine($"This reader: {string.Join(" ", now.Select(v => v.ToString("F1")))} ms, median {Median(now):F1} ms");
        Console.WriteLine($"Reading the 35 KB file: {Median(now) / Median(before):F2}x the older reader ({pairs} alternating pairs of {reads} reads)");
    }

    /// <summary>An older build of the reader, in a load context of its own; what it needs is taken from beside it first.</summary>
    public static Assembly LoadOlder(string policyDll)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(policyDll))!;
        var context = new AssemblyLoadContext("older reader", isCollectible: false);
        context.Resolving += (ctx, name) =>
        {
            var candidate = Path.Combine(folder, name.Name + ".dll");
            return File.Exists(candidate) ? ctx.LoadFromAssemblyPath(candidate) : null;
        };
        return context.LoadFromAssemblyPath(Path.GetFullPath(policyDll));
    }

    /// <summary><c>RuleFileReader.Read(string)</c> of a build of the reader.</summary>
    public static MethodInfo ReadMethod(Assembly policy) =>
        policy.GetType("AgentGuard.Policy.RuleFileReader", throwOnError: true)!.GetMethod("Read", BindingFlags.Public | BindingFlags.Static, new[] { typeof(string) })!;

    private static double Time(Action action, int reads)
    {
        GC.Collect();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < reads; i++)
        {
            action();
        }

        return watch.Elapsed.TotalMilliseconds / reads;
    }
}
