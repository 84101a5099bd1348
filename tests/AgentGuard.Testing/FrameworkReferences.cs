using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace AgentGuard.Testing;

/// <summary>The reference assemblies test compilations use, loaded once per process.</summary>
public static class FrameworkReferences
{
    /// <summary>The assemblies a net10.0 project compiles against.</summary>
    public static readonly Lazy<ImmutableArray<MetadataReference>> Net = new(LoadFrameworkReferences);

    /// <summary>
    /// The reference assemblies a net10.0 project compiles against (the SDK's Microsoft.NETCore.App.Ref pack), as in
    /// a real build. Never the runtime's implementation assemblies: they expose types a user's compilation never sees.
    /// </summary>
    private static ImmutableArray<MetadataReference> LoadFrameworkReferences()
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        var framework = $"net{Environment.Version.Major}.0";

        // The pack of the running version, else the newest of the same major: a runtime patch may roll forward past the SDK's pack.
        var refPack = (Directory.Exists(packs) ? Directory.EnumerateDirectories(packs) : Enumerable.Empty<string>())
            .Select(folder => (Folder: Path.Combine(folder, "ref", framework), Version: Version.TryParse(Path.GetFileName(folder).Split('-')[0], out var v) ? v : null))
            .Where(pack => pack.Version?.Major == Environment.Version.Major && Directory.Exists(pack.Folder))
            .OrderByDescending(pack => Path.GetFileName(runtime) == pack.Version!.ToString())
            .ThenByDescending(pack => pack.Version)
            .Select(pack => pack.Folder)
            .FirstOrDefault();
        if (refPack == null)
        {
            throw new DirectoryNotFoundException($"No {framework} reference pack under {packs}. Install the .NET {Environment.Version.Major} SDK, not only the runtime.");
        }

        return Directory.EnumerateFiles(refPack, "*.dll")
            .Where(IsManagedAssembly)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
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
