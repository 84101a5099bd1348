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
            ProjectFile = repository.PathOf("src/Shop/Shop.csproj"),
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

    /// <summary>An error log whose mark names <paramref name="lowered"/> (as the analyzer writes it), in SARIF 2.1 or 1.0.</summary>
    private static string MarkedLowering(string lowered, bool sarifOne = false) =>
        sarifOne
            ? "{\"version\":\"1.0.0\",\"runs\":[{\"results\":[{\"ruleId\":\"AG0014\",\"level\":\"note\",\"message\":\"AgentGuard's analyzers ran in this compilation; severities lowered: " + lowered + "\"}]}]}"
            : "{\"version\":\"2.1.0\",\"runs\":[{\"results\":[{\"ruleId\":\"AG0014\",\"level\":\"note\",\"message\":{\"text\":\"AgentGuard's analyzers ran in this compilation; severities lowered: " + lowered + "\"}}]}]}";

    private const string AddsPackage = "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n    <PackageReference Include=\"Serilog\" Version=\"3.0.0\" />\n    <PackageReference Include=\"Contoso.BuildDefaults\" Version=\"1.2.0\" />\n  </ItemGroup>\n</Project>\n";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_severity_no_file_of_the_repository_lowers_is_a_loosening_when_the_change_brings_a_dependency(bool sarifOne)
    {
        using var repository = BoundaryTasks.Create();
        repository.Write("src/Shop/Shop.csproj", AddsPackage);
        var log = MarkedLowering("AG0001=none (analyzer config), AG1001=suggestion (analyzer config)", sarifOne);

        var (succeeded, engine) = Run(repository, log);

        Assert.False(succeeded);
        var message = engine.ErrorText("AG2007");
        Assert.Contains("The compilation of 'Shop' lowers what AgentGuard enforces (AG0001=none (analyzer config), AG1001=suggestion (analyzer config))", message);
        Assert.Contains("src/Shop/Shop.csproj: added Contoso.BuildDefaults 1.2.0", message);
        Assert.Equal(repository.PathOf("src/Shop/Shop.csproj"), engine.Errors.Single().File);

        // The CI configuration approves it; local builds do not look.
        Assert.True(Run(repository, log, new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["AgentGuardApprove"] = "AG2007" }).Succeeded);
        Assert.True(Run(repository, log, new Dictionary<string, string>()).Succeeded);
    }

    [Theory]
    [InlineData(".editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.AG0001.severity = none\n", "AG0001=none (analyzer config)")]
    [InlineData("src/Shop/Directory.Build.props", "<Project>\n  <PropertyGroup>\n    <NoWarn>$(NoWarn);ag0001</NoWarn>\n  </PropertyGroup>\n</Project>\n", "AG0001=none (compiler options)")]
    [InlineData("eng/quiet.globalconfig", "is_global = true\ndotnet_analyzer_diagnostic.category-AgentGuard.GoldenRules.severity = none\n", "AG0001=none (analyzer config by category)")]
    [InlineData("src/.editorconfig", "[*.cs]\ndotnet_diagnostic.ag1006.severity = silent\n", "AG1006=silent (analyzer config)")]
    [InlineData("src/Shop/Directory.Build.props", "<Project>\n  <PropertyGroup>\n    <NoWarn>$(NoWarn);1591</NoWarn>\n  </PropertyGroup>\n</Project>\n", "CS1591=none (compiler options)")]
    public void A_severity_a_file_of_the_repository_lowers_is_left_to_the_boundary_check(string file, string text, string lowered)
    {
        using var repository = BoundaryTasks.Create(extra: new Dictionary<string, string> { [file] = text });
        repository.Write("src/Shop/Shop.csproj", AddsPackage);

        var (succeeded, engine) = Run(repository, MarkedLowering(lowered));

        Assert.True(succeeded, string.Join("\n", engine.Errors.Select(error => error.Message)));
        Assert.Empty(engine.Errors);
    }

    [Theory]
    [InlineData("src/Shop/Order.cs", "class Order { int Lines; }\n")]
    [InlineData("src/Shop/Shop.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <LangVersion>latest</LangVersion>\n    <AssemblyVersion>2.0.0</AssemblyVersion>\n  </PropertyGroup>\n  <ItemGroup>\n    <PackageReference Include=\"Serilog\" Version=\"3.0.0\" />\n  </ItemGroup>\n</Project>\n")]
    public void A_severity_lowered_from_outside_in_a_change_that_brings_no_package_was_there_before_the_change(string file, string text)
    {
        using var repository = BoundaryTasks.Create();
        repository.Write(file, text);

        var (succeeded, engine) = Run(repository, MarkedLowering("AG0001=none (compiler options)"));

        Assert.True(succeeded);
        Assert.Empty(engine.Errors);
        Assert.Contains(engine.HighMessages(), message => message.Contains("lowers AG0001=none (compiler options) by a setting no file of the repository shows") && message.Contains("the change brings no dependency"));
    }
}
