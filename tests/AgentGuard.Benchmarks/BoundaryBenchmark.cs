using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using AgentGuard.Build;
using AgentGuard.Build.Git;
using AgentGuard.Testing;

namespace AgentGuard.Benchmarks;

/// <summary>
/// The boundary task on a generated repository of 20,000 tracked files with 2,000 changed ones, against the git commands
/// that list the same changes (measured in the same run), and on a build where nothing changed.
/// </summary>
internal static class BoundaryBenchmark
{
    private const string Manifest = """
        {
          "forbidden": [ "deploy/**", { "path": "**/*.pfx", "reason": "Certificates live in the vault" } ],
          "approval":  [ { "path": "src/*/Migrations/**", "reason": "Schema changes need a DBA" } ],
          "generated": [ "src/*/Generated/**" ],
          "tests":     [ { "source": "src/**/*.cs", "tests": "tests/**/*.cs", "match": "any" } ],
          "dependencies": "approval"
        }
        """;

    public static void Run(int runs, Func<int, Action, (TimeSpan Median, long Allocated)> measure)
    {
        // AGENTGUARD_BENCH_REPO keeps the generated repository at that path, to look into.
        var keep = Environment.GetEnvironmentVariable("AGENTGUARD_BENCH_REPO");
        var root = keep ?? Path.Combine(Path.GetTempPath(), "agentguard-bench-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var watch = Stopwatch.StartNew();
            var git = Generate(root, 20_000);
            Console.WriteLine($"Boundary repository: 20,000 tracked files generated and committed in {watch.Elapsed.TotalSeconds:F0} s");

            var unchanged = measure(runs, () => Check(root));
            var diffOnly = measure(runs, () => Baseline(git, "main"));
            Report("Boundary check, nothing changed", unchanged.Median, "git diff + git status of the same tree", diffOnly.Median);

            var changed = Change(root, git);
            Console.WriteLine($"Changed files: {changed}");
            var baseline = measure(runs, () => Baseline(git, git.Run("merge-base", "HEAD", "main").Text));
            var task = measure(runs, () => Check(root));
            var findings = Check(root);
            var gitPart = measure(runs, () => ChangeSetReader.Read(root, new[] { "origin/main", "main" }));
            Console.WriteLine($"  of which computing the change set with git: {gitPart.Median.TotalMilliseconds:F1} ms");
            Report($"Boundary check, {changed} changed files ({findings} findings)", task.Median, "git diff --name-status -z <base> + git status --porcelain -z", baseline.Median);
            Console.WriteLine($"  allocated per check: {task.Allocated / 1024.0 / 1024.0:F1} MB");
        }
        finally
        {
            try
            {
                if (keep == null)
                {
                    Directory.Delete(root, recursive: true);
                }
            }
            catch (IOException)
            {
            }
        }
    }

    private static void Report(string what, TimeSpan measured, string baselineName, TimeSpan baseline) =>
        Console.WriteLine($"{what}: {measured.TotalMilliseconds:F1} ms; {measured.TotalMilliseconds / baseline.TotalMilliseconds:F2}x the {baselineName} ({baseline.TotalMilliseconds:F1} ms)");

    private static void Baseline(GitCommand git, string mergeBase)
    {
        git.Run("diff", "--name-status", "-z", mergeBase);
        git.Run("status", "--porcelain", "-z");
    }

    // One build's check, as the first project of a build runs it: a fresh engine, so nothing is cached.
    private static int Check(string root)
    {
        var engine = new RecordingBuildEngine();
        new CheckBoundaries { BuildEngine = engine, Manifest = Path.Combine(root, "agentguard.json"), ProjectName = "Bench", CacheFolder = Path.Combine(root, "obj", "agentguard"), TrustedSource = _ => null }.Execute();
        return engine.Errors.Count;
    }

    private static GitCommand Generate(string root, int files)
    {
        Directory.CreateDirectory(root);
        var git = new GitCommand(root);
        Run(git, "init", "--quiet", "--initial-branch=main");
        Run(git, "config", "user.email", "bench@example.com");
        Run(git, "config", "user.name", "Bench");
        Run(git, "config", "commit.gpgsign", "false");
        File.WriteAllText(Path.Combine(root, "agentguard.json"), Manifest);
        File.WriteAllText(Path.Combine(root, ".gitignore"), "bin/\nobj/\n");
        Directory.CreateDirectory(Path.Combine(root, "deploy"));
        File.WriteAllText(Path.Combine(root, "deploy", "prod.yaml"), "replicas: 3\n");
        File.WriteAllText(Path.Combine(root, "dev.pfx"), "x\n");
        for (var i = 0; i < files - 4; i++)
        {
            // 100 projects of 100 source files plus tests; every project has a Generated and a Migrations folder.
            var project = i % 100;
            var path = (i / 100 % 2) switch
            {
                0 when i % 7 == 0 => $"src/Project{project}/Generated/Client{i}.cs",
                0 when i % 11 == 0 => $"src/Project{project}/Migrations/M{i}.cs",
                0 => $"src/Project{project}/Feature{i % 13}/Type{i}.cs",
                _ => $"tests/Project{project}.Tests/Type{i - 100}Tests.cs",
            };
            var full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, $"namespace Project{project};\n\npublic sealed class Type{i}\n{{\n}}\n");
        }

        Run(git, "add", "-A");
        Run(git, "commit", "--quiet", "-m", "main");
        Run(git, "checkout", "--quiet", "-b", "agent");
        return git;
    }

    // 2,000 changed files: committed and unstaged edits, new untracked files, renames and deletions.
    private static int Change(string root, GitCommand git)
    {
        var all = NulFields.Split(git.Run("ls-files", "-z").StandardOutput);
        var tracked = all.Where(path => path.StartsWith("src/", StringComparison.Ordinal)).ToList();
        var tests = all.Where(path => path.StartsWith("tests/", StringComparison.Ordinal)).ToList();
        var changed = 0;
        for (var i = 0; i < 1000; i++, changed++)
        {
            File.AppendAllText(Path.Combine(root, tracked[i * 7 % tracked.Count]), "// committed edit\n");
        }

        Run(git, "add", "-A");
        Run(git, "commit", "--quiet", "-m", "agent");
        for (var i = 0; i < 400; i++, changed++)
        {
            File.AppendAllText(Path.Combine(root, tracked[(i * 7 + 3) % tracked.Count]), "// unstaged edit\n");
        }

        for (var i = 0; i < 200; i++, changed++)
        {
            File.AppendAllText(Path.Combine(root, tests[i * 13 % tests.Count]), "// test edit\n");
        }

        for (var i = 0; i < 200; i++, changed++)
        {
            var path = Path.Combine(root, "src", "Project" + i % 100, "New", $"Added{i}.cs");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, $"class Added{i} {{ }}\n");
        }

        for (var i = 0; i < 100; i++, changed++)
        {
            var from = tracked[(i * 7 + 5) % tracked.Count];
            Run(git, "mv", from, from.Replace(".cs", "Renamed.cs"));
        }

        for (var i = 0; i < 100; i++, changed++)
        {
            Run(git, "rm", "--quiet", tracked[(i * 7 + 6) % tracked.Count]);
        }

        return changed;
    }

    private static void Run(GitCommand git, params string[] arguments)
    {
        var output = git.Run(arguments);
        if (!output.Succeeded)
        {
            throw new InvalidOperationException($"git {string.Join(" ", arguments)}: {output.StandardError}");
        }
    }
}
