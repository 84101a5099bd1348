using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace AgentGuard.Testing;

/// <summary>The reference assemblies test compilations use, loaded once per process.</summary>
public static class FrameworkReferences
{
    /// <summary>The target framework of the running runtime (net10.0): what the test compilations are built for.</summary>
    public static string TargetFramework { get; } = $"net{Environment.Version.Major}.0";

    /// <summary>The assemblies a <see cref="TargetFramework"/> project compiles against.</summary>
    public static readonly Lazy<ImmutableArray<MetadataReference>> Net = new(LoadFrameworkReferences);

    /// <summary>
    /// The reference assemblies a <see cref="TargetFramework"/> project compiles against (the SDK's
    /// Microsoft.NETCore.App.Ref pack), as in a real build. Never the runtime's implementation assemblies: they expose
    /// types a user's compilation never sees.
    /// </summary>
    private static ImmutableArray<MetadataReference> LoadFrameworkReferences()
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        var refPack = ChoosePack(Path.GetFileName(runtime), Directory.Exists(packs) ? Directory.EnumerateDirectories(packs).Select(Path.GetFileName).OfType<string>() : Enumerable.Empty<string>()) is { } version
            ? Path.Combine(packs, version, "ref", TargetFramework)
            : null;
        if (refPack == null || !Directory.Exists(refPack))
        {
            throw new DirectoryNotFoundException($"No {TargetFramework} reference pack under {packs}. Install the .NET {Environment.Version.Major} SDK, not only the runtime.");
        }

        return Directory.EnumerateFiles(refPack, "*.dll")
            .Where(IsManagedAssembly)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }

    /// <summary>
    /// The pack of the running version when the SDK has it, else the newest of the same major (a runtime patch may roll
    /// forward past the SDK's pack): releases before previews, then the highest version, then the latest preview label.
    /// </summary>
    public static string? ChoosePack(string runningVersion, IEnumerable<string> packVersions)
    {
        var candidates = packVersions
            .Select(name => (Name: name, Number: Version.TryParse(name.Split('-')[0], out var number) ? number : null, Preview: name.Contains('-')))
            .Where(pack => pack.Number?.Major == Environment.Version.Major)
            .ToList();
        return candidates.Any(pack => pack.Name == runningVersion)
            ? runningVersion
            : candidates
                .OrderByDescending(pack => pack.Number)
                .ThenBy(pack => pack.Preview)
                .ThenByDescending(pack => pack.Name, StringComparer.Ordinal)
                .Select(pack => pack.Name)
                .FirstOrDefault();
    }

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
