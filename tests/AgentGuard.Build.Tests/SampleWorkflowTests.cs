using System.IO;
using System.Text.RegularExpressions;
using AgentGuard.Testing;

namespace AgentGuard.Build.Tests;

/// <summary>The sample's workflow and docs/ci.md run the out-of-project check with the tool this repository packs.</summary>
public class SampleWorkflowTests
{
    private static readonly string Version = Regex.Match(File.ReadAllText(SourceTree.PathOf("build/Version.props")), @"<AgentGuardVersion[^>]*>([^<]+)<").Groups[1].Value;

    [Theory]
    [InlineData("samples/Storefront/.github/workflows/agentguard.yml")]
    [InlineData("docs/ci.md")]
    public void The_workflow_installs_the_packed_tool_at_the_package_version_and_runs_the_check(string path)
    {
        var workflow = File.ReadAllText(SourceTree.PathOf(path));

        Assert.Contains($"dotnet tool install AgentGuard.Tool --version {Version} ", workflow);
        Assert.Matches(@"/agentguard"" check --sarif ", workflow);

        // One error log for every project would be overwritten by each compilation and switch off the mark (AG2008).
        Assert.DoesNotContain("-p:ErrorLog=", workflow);
    }

    [Fact]
    public void The_tool_packs_as_agentguard()
    {
        var project = File.ReadAllText(SourceTree.PathOf("src/AgentGuard.Tool/AgentGuard.Tool.csproj"));

        Assert.Contains("<PackAsTool>true</PackAsTool>", project);
        Assert.Contains("<ToolCommandName>agentguard</ToolCommandName>", project);
        Assert.Contains("<PackageId>AgentGuard.Tool</PackageId>", project);
    }
}
