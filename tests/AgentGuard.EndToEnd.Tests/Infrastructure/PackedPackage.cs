using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using AgentGuard.Testing;
using Xunit;

namespace AgentGuard.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Packs AgentGuard.Analyzers once per test run into a temporary local feed, with a version no other run uses (and
/// AgentGuard.Tool beside it when a test needs the tool), and gives every consumer build one isolated NuGet packages folder, so a stale copy is never picked up.
/// </summary>
public sealed class PackedPackage : IDisposable
{
    public PackedPackage()
    {
        WorkFolder = Directory.CreateTempSubdirectory("agentguard-e2e-").FullName;
        Feed = Directory.CreateDirectory(Path.Combine(WorkFolder, "feed")).FullName;
        PackagesFolder = Directory.CreateDirectory(Path.Combine(WorkFolder, "packages")).FullName;
        Version = "0.0.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss") + "." + Environment.ProcessId;

        var watch = Stopwatch.StartNew();
        var result = Pack("src/AgentGuard.Package");
        PackDuration = watch.Elapsed;
        Assert.True(result.ExitCode == 0, "dotnet pack failed:\n" + result.Output);
        PackagePath = Path.Combine(Feed, $"AgentGuard.Analyzers.{Version}.nupkg");
        Assert.True(File.Exists(PackagePath), "dotnet pack did not produce " + PackagePath + "\n" + result.Output);
        _tool = new Lazy<string>(InstallTool);
    }

    private readonly Lazy<string> _tool;

    /// <summary>
    /// The <c>agentguard</c> command of AgentGuard.Tool, packed into the same feed with the same version and installed
    /// with <c>dotnet tool install --tool-path</c>, as a CI step installs it; done once, when a test first asks.
    /// </summary>
    public string ToolCommand => _tool.Value;

    private string InstallTool()
    {
        var packed = Pack("src/AgentGuard.Tool");
        Assert.True(packed.ExitCode == 0, "dotnet pack of the tool failed:\n" + packed.Output);

        var toolFolder = Path.Combine(WorkFolder, "tool");
        var installed = ProcessRunner.Run(
            "dotnet",
            new[] { "tool", "install", "AgentGuard.Tool", "--version", Version, "--tool-path", toolFolder, "--add-source", Feed },
            WorkFolder,
            new Dictionary<string, string?> { ["NUGET_PACKAGES"] = PackagesFolder });
        Assert.True(installed.ExitCode == 0, "dotnet tool install failed:\n" + installed.Output);
        return Path.Combine(toolFolder, OperatingSystem.IsWindows() ? "agentguard.exe" : "agentguard");
    }

    /// <summary>Packs the project in <paramref name="folder"/> (named as the folder) into the feed with this run's version.</summary>
    private ProcessResult Pack(string folder)
    {
        var arguments = new List<string>
        {
            "pack", SourceTree.PathOf($"{folder}/{Path.GetFileName(folder)}.csproj"),
            "-c", "Release", "-o", Feed, "-nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false",
            "-p:AgentGuardVersion=" + Version,
        };

        // The solution's restore already ran when the tests were built; restoring again here would rewrite
        // obj/project.assets.json while other test projects may still be building from it.
        if (File.Exists(SourceTree.PathOf($"{folder}/obj/project.assets.json")))
        {
            arguments.Add("--no-restore");
        }

        return ProcessRunner.Run("dotnet", arguments, SourceTree.Root);
    }

    public string WorkFolder { get; }

    public string Feed { get; }

    public string PackagesFolder { get; }

    public string Version { get; }

    public string PackagePath { get; }

    public TimeSpan PackDuration { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(WorkFolder, recursive: true);
        }
        catch (IOException)
        {
            // A consumer build's leftover file handle must not fail the run; the folder is under the temp path.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PackedPackageCollection : ICollectionFixture<PackedPackage>
{
    // One collection: the package is packed once, and consumer builds run one at a time on a small machine.
    public const string Name = "Packed AgentGuard.Analyzers";
}
