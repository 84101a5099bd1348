using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using AgentGuard.Build.Git;
using AgentGuard.Testing;
using Xunit;

namespace AgentGuard.Build.Tests;

public sealed class GitCommandTests
{
    [Theory]
    [InlineData(new[] { "diff", "--raw", "-z" }, "diff --raw -z")]
    [InlineData(new[] { "show", "abc:src/My File.cs" }, "show \"abc:src/My File.cs\"")]
    [InlineData(new[] { "show", "abc:say \"hi\".txt" }, "show \"abc:say \\\"hi\\\".txt\"")]
    [InlineData(new[] { "rev-parse", "" }, "rev-parse \"\"")]
    [InlineData(new[] { "x", "C:\\path with space\\" }, "x \"C:\\path with space\\\\\"")]
    [InlineData(new[] { "x", "a\\\\\"b" }, "x \"a\\\\\\\\\\\"b\"")]
    [InlineData(new[] { "x", "semi;colon&pipe|<>" }, "x semi;colon&pipe|<>")]
    public void Arguments_are_quoted_so_the_process_reads_back_the_same_list(string[] arguments, string expected)
    {
        Assert.Equal(expected, GitCommand.JoinArguments(arguments));
    }

    [Fact]
    public void A_call_that_does_not_finish_in_time_is_killed_and_named()
    {
        using var git = HangingGit.Create();
        var clock = Stopwatch.StartNew();

        var timeout = Assert.Throws<GitTimeoutException>(() => new GitCommand(git.Folder, git.Executable, TimeSpan.FromMilliseconds(300)).Run("diff", "--raw"));

        Assert.Contains("diff --raw' did not finish within 0.3 s", timeout.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public void A_cancelled_build_stops_the_running_call()
    {
        using var git = HangingGit.Create();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        Assert.ThrowsAny<OperationCanceledException>(() => new GitCommand(git.Folder, git.Executable, cancellation: cancel.Token).In(git.Folder).Run("log"));
    }

    [Fact]
    public void A_change_set_whose_git_hangs_fails_closed_with_the_command_and_what_to_do()
    {
        using var git = HangingGit.Create();

        var result = ChangeSetReader.Read(git.Folder, new[] { "origin/main" }, new GitCommand(git.Folder, git.Executable, TimeSpan.FromMilliseconds(300)));

        Assert.Equal(ChangeSetFailure.GitFailed, result.Failure);
        Assert.Contains("did not finish within 0.3 s", result.Problem);
        Assert.Contains("AgentGuardBoundaryCheck=false", result.Problem);
    }

    [Fact]
    public void The_boundary_task_whose_git_hangs_fails_closed_with_AG2000_naming_the_command()
    {
        using var git = HangingGit.Create();
        File.WriteAllText(Path.Combine(git.Folder, "agentguard.json"), "{}\n");
        var engine = new RecordingBuildEngine();
        var task = new CheckBoundaries
        {
            BuildEngine = engine,
            Manifest = Path.Combine(git.Folder, "agentguard.json"),
            ProjectName = "Shop",
            Mode = "local",
            TrustedSource = BoundaryTasks.Environment(),
            GitExecutable = git.Executable,
            GitTimeout = TimeSpan.FromMilliseconds(300),
        };
        var clock = Stopwatch.StartNew();

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("AG2000", error.Code);
        Assert.Contains("did not finish within 0.3 s", error.Message);
        Assert.Contains("AgentGuardBoundaryCheck=false", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Fact]
    public void A_cancelled_boundary_task_stops_at_its_running_git_call_and_fails()
    {
        using var git = HangingGit.Create();
        File.WriteAllText(Path.Combine(git.Folder, "agentguard.json"), "{}\n");
        var task = new CheckBoundaries
        {
            BuildEngine = new RecordingBuildEngine(),
            Manifest = Path.Combine(git.Folder, "agentguard.json"),
            ProjectName = "Shop",
            Mode = "local",
            TrustedSource = BoundaryTasks.Environment(),
            GitExecutable = git.Executable,
        };
        var clock = Stopwatch.StartNew();
        using var cancel = new Timer(_ => task.Cancel(), null, 300, Timeout.Infinite);

        Assert.False(task.Execute());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    /// <summary>A stand-in for git that never answers: a script that sleeps far longer than any test waits.</summary>
    private sealed class HangingGit : IDisposable
    {
        private HangingGit(string folder, string executable)
        {
            Folder = folder;
            Executable = executable;
        }

        public string Folder { get; }

        public string Executable { get; }

        public static HangingGit Create()
        {
            var folder = Path.Combine(Path.GetTempPath(), "agentguard-hanging-git-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            string script;
            if (OperatingSystem.IsWindows())
            {
                script = Path.Combine(folder, "git.cmd");
                File.WriteAllText(script, "@ping -n 60 127.0.0.1 >nul\r\n");
            }
            else
            {
                script = Path.Combine(folder, "git");
                File.WriteAllText(script, "#!/bin/sh\nsleep 60\n");
                File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            return new HangingGit(folder, script);
        }

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }
}
