using System.Collections.Generic;
using System.IO;
using System.Linq;
using AgentGuard.EndToEnd.Tests.Infrastructure;

namespace AgentGuard.EndToEnd.Tests;

/// <summary>
/// The out-of-project check: AgentGuard.Tool packed and installed as a CI step installs it, run on a repository whose
/// change no project build would catch, each case beside what the local mode does.
/// </summary>
[Collection(PackedPackageCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class OutOfProjectCheckTests
{
    private const string Project = "src/Shop/Shop.csproj";

    private static readonly Dictionary<string, string?> Ci = new() { ["GITHUB_ACTIONS"] = "true" };

    private static readonly Dictionary<string, string?> Local = new() { ["AgentGuardMode"] = "local" };

    private readonly PackedPackage _package;

    public OutOfProjectCheckTests(PackedPackage package) => _package = package;

    private ConsumerRepository CreateMain(string name)
    {
        var repository = ConsumerRepository.Create(_package, name);
        repository
            .Write("agentguard.json", """
                {
                  "forbidden": [ { "path": "deploy/**", "reason": "Deploys go through the release pipeline" } ],
                  "tests":     [ { "source": "src/**/*.cs", "tests": "tests/**/*.cs" } ]
                }
                """)
            .Write("CLAUDE.md", "## Never\n- Never use `DateTime.Now`.\n")
            .Write("deploy/prod.yaml", "replicas: 3\n")
            .Write(".github/workflows/ci.yml", "on: pull_request\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: dotnet build\n      - run: agentguard check\n")
            .WriteProject(Project)
            .Write("src/Shop/Order.cs", "namespace Shop;\n\npublic sealed class Order\n{\n}\n")
            .Write("tests/Shop.Tests/OrderTests.cs", "// Order tests live here.\n")
            .Commit("main");
        return repository.Git("checkout", "-q", "-b", "agent");
    }

    private static string ProjectWithout(string reference) =>
        "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n  </PropertyGroup>\n"
        + (reference.Length == 0 ? string.Empty : "  <ItemGroup>\n    " + reference + "\n  </ItemGroup>\n")
        + "</Project>\n";

    [Fact]
    public void A_change_that_drops_the_package_from_the_only_project_passes_the_build_and_fails_the_tool_in_ci()
    {
        using var repository = CreateMain("tool-removed");
        repository
            .Write(Project, ProjectWithout(string.Empty))
            .Write("src/Shop/Order.cs", "namespace Shop;\n\npublic sealed class Order\n{\n    public System.DateTime Placed { get; } = System.DateTime.Now;\n}\n")
            .Write("tests/Shop.Tests/OrderTests.cs", "// Placed is set.\n")
            .Commit("agent: DateTime.Now, and AgentGuard gone");

        // Nothing of AgentGuard runs in the build any more: it passes, in CI mode too.
        var build = repository.BuildWithEnvironment(Project, Ci);
        Assert.True(build.Succeeded, build.Output);
        Assert.Empty(build.AgentGuardFindings);

        var ci = repository.RunTool(Ci, "check");
        Assert.Equal(1, ci.ExitCode);
        Assert.Equal(new[] { "AG2005 src/Shop/Shop.csproj:0", "AG2007 src/Shop/Shop.csproj:0" }, ci.AgentGuardFindings);
        Assert.Contains(ci.Diagnostics, d => d.Id == "AG2007" && d.Message.Contains("removes the AgentGuard.Analyzers package reference"));

        // Locally a project file is the developer's to change: no loosening, only the dependency change.
        var local = repository.RunTool(Local, "check");
        Assert.Equal(new[] { "AG2005 src/Shop/Shop.csproj:0" }, local.AgentGuardFindings);
        Assert.Equal(0, repository.RunTool(Local, "check", "--approve", "AG2005").ExitCode);

        // A reviewer's approval comes from CI's configuration: the tool's command line or the environment.
        Assert.Equal(0, repository.RunTool(Ci, "check", "--approve", "AG2005;AG2007").ExitCode);
        Assert.Equal(0, repository.RunTool(new Dictionary<string, string?>(Ci) { ["AgentGuardApprove"] = "AG2005,AG2007" }, "check").ExitCode);
    }

    [Fact]
    public void A_condition_on_the_package_reference_is_a_loosening_in_ci_and_a_dependency_change_everywhere()
    {
        using var repository = CreateMain("tool-conditional");
        repository
            .Write(Project, ProjectWithout($"<PackageReference Include=\"AgentGuard.Analyzers\" Version=\"{_package.Version}\" PrivateAssets=\"all\" Condition=\"'$(UseAgentGuard)' == 'true'\" />"))
            .Commit("agent: AgentGuard only on request");

        var ci = repository.RunTool(Ci, "check");
        Assert.Equal(1, ci.ExitCode);
        Assert.Equal(new[] { "AG2005 src/Shop/Shop.csproj:0", "AG2007 src/Shop/Shop.csproj:0" }, ci.AgentGuardFindings);
        Assert.Contains("changes the AgentGuard.Analyzers package reference", Assert.Single(ci.Diagnostics, d => d.Id == "AG2007").Message);

        var local = repository.RunTool(Local, "check");
        Assert.Equal(1, local.ExitCode);
        Assert.Equal(new[] { "AG2005 src/Shop/Shop.csproj:0" }, local.AgentGuardFindings);

        // Approving the dependency change is not approving the loosening.
        Assert.Equal(new[] { "AG2007 src/Shop/Shop.csproj:0" }, repository.RunTool(Ci, "check", "--approve", "AG2005").AgentGuardFindings);
    }

    [Fact]
    public void Forbidden_paths_and_workflow_edits_are_reported_with_the_builds_sarif_and_summary()
    {
        using var repository = CreateMain("tool-reports");
        repository
            .Write("deploy/prod.yaml", "replicas: 30\n")
            .Write(".github/workflows/ci.yml", "on: pull_request\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: dotnet build\n")
            .Commit("agent: scale up, and one step less");
        var sarif = Path.Combine(Path.GetTempPath(), "agentguard-tool-" + System.Guid.NewGuid().ToString("N") + ".sarif");
        var summary = Path.ChangeExtension(sarif, ".md");
        try
        {
            var ci = repository.RunTool(Ci, "check", "--sarif", sarif, "--summary", summary);

            Assert.Equal(1, ci.ExitCode);
            Assert.Equal(new[] { "AG2001 deploy/prod.yaml:0", "AG2006 .github/workflows/ci.yml:0" }, ci.AgentGuardFindings);
            var log = File.ReadAllText(sarif);
            Assert.Contains("\"ruleId\": \"AG2001\"", log);
            Assert.Contains("\"ruleId\": \"AG2006\"", log);
            Assert.Contains("deploy/prod.yaml", File.ReadAllText(summary));

            // Locally the workflow is the developer's; the forbidden path is forbidden everywhere.
            var local = repository.RunTool(Local, "check");
            Assert.Equal(new[] { "AG2001 deploy/prod.yaml:0" }, local.AgentGuardFindings);
        }
        finally
        {
            File.Delete(sarif);
            File.Delete(summary);
        }
    }

    [Fact]
    public void Source_edits_and_a_new_compile_item_are_no_finding_and_a_wrong_command_line_is_said()
    {
        using var repository = CreateMain("tool-clean");
        repository
            .Write("src/Shop/Order.cs", "namespace Shop;\n\npublic sealed class Order\n{\n    public decimal Total { get; init; }\n}\n")
            .Write("src/Shop/Shared/Money.txt", "EUR\n")
            .WriteProject(Project, string.Empty, "<ItemGroup>\n    <Compile Include=\"Shared/**/*.cs\" />\n  </ItemGroup>")
            .Write("tests/Shop.Tests/OrderTests.cs", "// Total is kept.\n")
            .Commit("agent: a total");

        var ci = repository.RunTool(Ci, "check");
        Assert.True(ci.ExitCode == 0, ci.Output);
        Assert.Empty(ci.AgentGuardFindings);
        Assert.Contains("agentguard: no finding.", ci.Output);

        // A repository whose base branch has no manifest yet: nothing to enforce, and the output says so.
        using (var unguarded = ConsumerRepository.Create(_package, "tool-unguarded"))
        {
            unguarded.WriteProject(Project).Write("src/Shop/Order.cs", "namespace Shop;\n").Commit("main").Git("checkout", "-q", "-b", "agent");
            unguarded.Write("src/Shop/Order.cs", "namespace Shop;\n\npublic sealed class Order\n{\n}\n").Commit("agent: an order");
            var none = unguarded.RunTool(Ci, "check");
            Assert.True(none.ExitCode == 0, none.Output);
            Assert.Contains("no boundary manifest", none.Output);
        }

        var wrong = repository.RunTool(Ci, "check", "--sarif");
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("--sarif needs a value", wrong.Output);
        Assert.Equal(2, repository.RunTool(Ci, "chek").ExitCode);
    }
}
