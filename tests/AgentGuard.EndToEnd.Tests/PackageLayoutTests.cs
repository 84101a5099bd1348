using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using AgentGuard.EndToEnd.Tests.Infrastructure;

namespace AgentGuard.EndToEnd.Tests;

[Collection(PackedPackageCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class PackageLayoutTests
{
    private readonly PackedPackage _package;

    public PackageLayoutTests(PackedPackage package) => _package = package;

    [Fact]
    public void Package_holds_the_analyzer_with_its_dependencies_and_the_build_files_and_is_a_development_dependency()
    {
        using var archive = ZipFile.OpenRead(_package.PackagePath);
        var entries = archive.Entries.Select(e => e.FullName).ToHashSet();

        Assert.Subset(entries, new[]
        {
            "analyzers/dotnet/cs/AgentGuard.Analyzers.dll",
            "analyzers/dotnet/cs/AgentGuard.Policy.dll",
            "analyzers/dotnet/cs/Markdig.dll",
            "analyzers/dotnet/cs/Microsoft.Extensions.FileSystemGlobbing.dll",
            "tasks/net8.0/AgentGuard.Build.dll",
            "tasks/net472/AgentGuard.Build.dll",
            "tasks/net8.0/AgentGuard.Policy.dll",
            "tasks/net8.0/Markdig.dll",
            "tasks/net8.0/Microsoft.Extensions.FileSystemGlobbing.dll",
            "tasks/net472/AgentGuard.Policy.dll",
            "tasks/net472/Markdig.dll",
            "tasks/net472/Microsoft.Extensions.FileSystemGlobbing.dll",
            "schema/agentguard.schema.json",
            "build/AgentGuard.Analyzers.props",
            "build/AgentGuard.Analyzers.targets",
            "buildTransitive/AgentGuard.Analyzers.props",
            "buildTransitive/AgentGuard.Analyzers.targets",
            "README.md",
        }.ToHashSet());
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/") || e.Contains("Microsoft.CodeAnalysis") || e.Contains("Microsoft.Build.") || e.Contains("System.Text.Json"));

        using var nuspecStream = archive.GetEntry("AgentGuard.Analyzers.nuspec")!.Open();
        var metadata = XDocument.Load(nuspecStream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        Assert.Equal("true", metadata.Elements().Single(e => e.Name.LocalName == "developmentDependency").Value);
        Assert.Equal("AgentGuard.Analyzers", metadata.Elements().Single(e => e.Name.LocalName == "id").Value);
        Assert.DoesNotContain(metadata.Descendants(), e => e.Name.LocalName == "dependency");
    }
}
