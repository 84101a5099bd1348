using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using AgentGuard.Testing;
using Xunit;

namespace AgentGuard.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Packs AgentGuard.Analyzers once per test run into a temporary local feed, with a version no other run uses,
/// and gives every consumer build one isolated NuGet packages folder, so a stale copy is never picked up.
/// </summary>
public sealed class PackedPackage : IDisposable
{
    public PackedPackage()
    {
        WorkFolder = Directory.CreateTempSubdirectory("agentguard-e2e-").FullName;
        Feed = Directory.CreateDirectory(Path.Combine(WorkFolder, "feed")).FullName;
        PackagesFolder = Directory.CreateDirectory(Path.Combine(WorkFolder, "packages")).FullName;
        Version = "0.0.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss") + "." + Environment.ProcessId;

        var arguments = new List<string>
        {
            "pack", SourceTree.PathOf("src/AgentGuard.Package/AgentGuard.Package.csproj"),
            "-c", "Release", "-o", Feed, "-nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false",
            "-p:AgentGuardVersion=" + Version,
        };

        // The solution's restore already ran when the tests were built; restoring again here would rewrite
        // obj/project.assets.json while other test projects may still be building from it.
        if (File.Exists(SourceTree.PathOf("src/AgentGuard.Package/obj/project.assets.json")))
        {
            arguments.Add("--no-restore");
        }

        var watch = Stopwatch.StartNew();
        var result = ProcessRunner.Run("dotnet", arguments, SourceTree.Root);
        PackDuration = watch.Elapsed;
        Assert.True(result.ExitCode == 0, "dotnet pack failed:\n" + result.Output);
        PackagePath = Path.Combine(Feed, $"AgentGuard.Analyzers.{Version}.nupkg");
        Assert.True(File.Exists(PackagePath), "dotnet pack did not produce " + PackagePath + "\n" + result.Output);
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
