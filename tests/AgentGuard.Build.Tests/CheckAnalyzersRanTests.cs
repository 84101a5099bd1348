using System.Collections.Generic;
using System.IO;
using System.Linq;
using AgentGuard.Testing;
using Xunit;

namespace AgentGuard.Build.Tests;

/// <summary>AG2008: in CI mode with a manifest, a compilation whose error log lacks AgentGuard's mark (AG0014) fails.</summary>
public sealed class CheckAnalyzersRanTests
{
    private const string Marked = """{"version":"2.1.0","runs":[{"results":[{"ruleId":"CS8019","level":"note","message":{"text":"Unnecessary using"}},{"ruleId":"AG0014","level":"note","message":{"text":"AgentGuard's analyzers ran in this compilation"}}]}]}""";
    private const string Unmarked = """{"version":"2.1.0","runs":[{"results":[{"ruleId":"CS8019","level":"note","message":{"text":"Unnecessary using"}}]}]}""";
    private const string SuppressedMark = """{"version":"2.1.0","runs":[{"results":[{"ruleId":"AG0014","level":"note","message":{"text":"AgentGuard's analyzers ran in this compilation"},"suppressions":[{"kind":"inSource"}]}]}]}""";
    private const string SarifOne = """{"version":"1.0.0","runs":[{"results":[{"ruleId":"AG0014","level":"note","message":"AgentGuard's analyzers ran in this compilation"}]}]}""";

    private static (bool Succeeded, RecordingBuildEngine Engine) Run(GitRepository repository, string? errorLog, IDictionary<string, string>? environment = null, bool analyzersOff = false, bool markerExpected = true)
    {
        string? path = null;
        if (errorLog != null)
        {
            path = repository.PathOf("src/Shop/obj/agentguard-compile.sarif");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, errorLog);
        }

        var engine = new RecordingBuildEngine();
        var task = new CheckAnalyzersRan
        {
            BuildEngine = engine,
            Manifest = repository.PathOf("agentguard.json"),
            ProjectName = "Shop",
            Mode = "local",
            ProjectDirectory = repository.PathOf("src/Shop"),
            ErrorLog = path == null ? string.Empty : path + ",version=2.1",
            AnalyzersOffByProject = analyzersOff,
            MarkerExpected = markerExpected,
            TrustedSource = BoundaryTasks.Environment((IReadOnlyDictionary<string, string>?)(environment as Dictionary<string, string>) ?? new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true" }),
        };
        return (task.Execute(), engine);
    }

    [Theory]
    [InlineData(Marked)]
    [InlineData(SarifOne)]
    public void A_compilation_with_the_mark_passes(string errorLog)
    {
        using var repository = BoundaryTasks.Create();

        var (succeeded, engine) = Run(repository, errorLog);

        Assert.True(succeeded);
        Assert.Empty(engine.Errors);
    }

    [Fact]
    public void A_compilation_without_the_mark_is_AG2008_saying_what_to_look_for()
    {
        using var repository = BoundaryTasks.Create();

        var (succeeded, engine) = Run(repository, Unmarked);

        Assert.False(succeeded);
        var message = engine.ErrorText("AG2008");
        Assert.Contains("did not run in the compilation of 'Shop'", message);
        Assert.Contains("@(Analyzer)", message);
        Assert.Contains("AgentGuardApprove=AG2008", message);
    }

    [Fact]
    public void A_mark_suppressed_in_code_and_a_missing_error_log_count_as_no_mark()
    {
        using var repository = BoundaryTasks.Create();

        Assert.Contains("has no AG0014", Run(repository, SuppressedMark).Engine.ErrorText("AG2008"));
        Assert.Contains("wrote no error log", Run(repository, null).Engine.ErrorText("AG2008"));
    }

    [Fact]
    public void The_ci_configuration_approves_it()
    {
        using var repository = BoundaryTasks.Create();

        var approved = Run(repository, Unmarked, new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["AgentGuardApprove"] = "AG2008" });

        Assert.True(approved.Succeeded);
        Assert.Contains(approved.Engine.HighMessages(), message => message.Contains("AG2008 on 'Shop' approved by AgentGuardApprove"));
    }

    [Fact]
    public void Local_builds_repositories_without_a_manifest_and_projects_that_switch_analyzers_off_are_not_checked()
    {
        using var repository = BoundaryTasks.Create();
        using var bare = GitRepository.Create(new Dictionary<string, string> { ["src/Shop/Order.cs"] = "class Order { }\n" }).Branch();

        Assert.True(Run(repository, Unmarked, new Dictionary<string, string>()).Succeeded);
        Assert.True(Run(repository, Unmarked, analyzersOff: true).Succeeded);
        Assert.True(Run(repository, Unmarked, markerExpected: false).Succeeded);
        Assert.True(Run(repository, Unmarked, new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["AgentGuardBoundaryCheck"] = "false" }).Succeeded);
        Assert.True(Run(bare, Unmarked).Succeeded);
    }
}
