using System;
using System.Diagnostics;
using System.IO;
using Xunit;

namespace AgentGuard.Testing;

/// <summary>
/// Runs the fuzzer (<c>tests/AgentGuard.Fuzzing</c>) in a child process: an unbounded recursion ends a process with a
/// stack overflow that no catch sees, so the test process must not be the one that reads the inputs. The fuzzer saves
/// each input before reading it; when the child dies, the test names the input that killed it. The seed is fixed
/// (1) unless <c>AGENTGUARD_FUZZ_SEED</c> says otherwise (a number, or <c>random</c>).
/// </summary>
public static class FuzzProcess
{
    public static string Run(string target, int inputs, Action<string> output)
    {
        var fuzzer = Path.Combine(AppContext.BaseDirectory, "AgentGuard.Fuzzing.dll");
        var figures = FiguresFolder();
        var work = Path.Combine(figures, target);
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }

        var seed = Environment.GetEnvironmentVariable("AGENTGUARD_FUZZ_SEED") is { Length: > 0 } chosen ? chosen : "1";
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "exec", fuzzer, "--target", target, "--inputs", inputs.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", seed, "--work", work,
                 })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var log = text + error.Result;
        output(log);
        var current = Path.Combine(work, "current-input.txt");
        Assert.True(
            process.ExitCode == 0,
            $"The fuzzer exited with {process.ExitCode}."
            + (File.Exists(current) ? $" It died reading the input kept at {current} (its first line says which one)." : string.Empty)
            + Environment.NewLine + log);
        File.WriteAllText(Path.Combine(figures, target + ".txt"), log);
        return log;
    }

    /// <summary>artifacts/fuzz/ in the checkout: the figures, which CI prints after the test run, and the kept inputs.</summary>
    private static string FiguresFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder != null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "AgentGuard.Analyzers.sln")))
            {
                var figures = Path.Combine(folder.FullName, "artifacts", "fuzz");
                Directory.CreateDirectory(figures);
                return figures;
            }
        }

        return Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "agentguard-fuzz")).FullName;
    }
}
