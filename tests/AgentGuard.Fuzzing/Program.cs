using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace AgentGuard.Fuzzing;

/// <summary>
/// <c>dotnet AgentGuard.Fuzzing.dll [--target rules|manifest|ledger|packages|all] [--inputs N] [--seed N|random]
/// [--max-depth N] [--corpus DIR] [--work DIR]</c>. Generated nesting goes up to --max-depth levels (2,000 by default;
/// the unit and end-to-end tests pin 20,000 and 200,000). Prints one line of figures per target; exits 1 when an input threw or lost rules.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var options = Options.Parse(args);
        var seeds = FuzzSeeds.Load(options.Corpus, out var corpusNote);
        Console.WriteLine(corpusNote);
        var run = new FuzzRun(options.Work, Console.Out);
        var passed = true;
        foreach (var target in options.Targets)
        {
            var report = run.Run(target, options.Inputs, options.Seed, seeds, options.MaxDepth);
            Console.WriteLine(report);
            passed &= report.Passed;
        }

        return passed ? 0 : 1;
    }

    private sealed record Options(IReadOnlyList<string> Targets, int Inputs, int Seed, int MaxDepth, string? Corpus, string Work)
    {
        public static Options Parse(string[] args)
        {
            var targets = new[] { "rules", "manifest", "ledger", "packages", "baseline" };
            var inputs = 10_000;
            var seed = 1;
            var maxDepth = 2_000;
            string? corpus = null;
            var work = Path.Combine(Path.GetTempPath(), "agentguard-fuzz");
            for (var i = 0; i + 1 < args.Length; i += 2)
            {
                var value = args[i + 1];
                switch (args[i])
                {
                    case "--target":
                        targets = value == "all" ? targets : value.Split(',');
                        break;
                    case "--inputs":
                        inputs = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                        break;
                    case "--seed":
                        seed = value == "random" ? Environment.TickCount & int.MaxValue : int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                        break;
                    case "--max-depth":
                        maxDepth = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                        break;
                    case "--corpus":
                        corpus = value;
                        break;
                    case "--work":
                        work = value;
                        break;
                    default:
                        throw new ArgumentException($"unknown option '{args[i]}'");
                }
            }

            return new Options(targets, inputs, seed, maxDepth, corpus, work);
        }
    }
}
