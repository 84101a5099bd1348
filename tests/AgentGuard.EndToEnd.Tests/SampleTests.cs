using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using AgentGuard.EndToEnd.Tests.Infrastructure;
using AgentGuard.Testing;

namespace AgentGuard.EndToEnd.Tests;

/// <summary>The sample solution that README shows builds with exactly the errors README shows.</summary>
[Collection(PackedPackageCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class SampleTests
{
    private readonly PackedPackage _package;

    public SampleTests(PackedPackage package) => _package = package;

    [Fact]
    public void Sample_solution_fails_with_the_golden_rule_errors_of_its_claude_md()
    {
        using var repository = ConsumerRepository.Create(_package, "sample", useMachineSources: true);
        CopyFolder(SourceTree.PathOf("samples/Storefront"), repository.Root);
        // A clean checkout of main: the sample's agentguard.json is in force and the change set is empty.
        repository.Commit("sample");

        var result = repository.Build("Storefront.sln", "-p:AgentGuardVersion=" + _package.Version);

        Assert.False(result.Succeeded, result.Output);
        Snapshot.Match(string.Join("\n", result.Diagnostics.OrderBy(d => d.File).ThenBy(d => d.Line).ThenBy(d => d.Column)));
    }

    [Fact]
    public void Sample_pins_the_version_that_the_repository_packs()
    {
        var packed = Regex.Match(File.ReadAllText(SourceTree.PathOf("build/Version.props")), @"<AgentGuardVersion[^>]*>([^<]+)<").Groups[1].Value;
        var pinned = Regex.Match(File.ReadAllText(SourceTree.PathOf("samples/Storefront/Directory.Packages.props")), @"<AgentGuardVersion[^>]*>([^<]+)<").Groups[1].Value;

        Assert.Equal(packed, pinned);
    }

    private static void CopyFolder(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            {
                continue;
            }

            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }
}
