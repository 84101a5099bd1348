using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace AgentGuard.Testing;

/// <summary>The reference assemblies test compilations use, loaded once per process.</summary>
public static class ReferenceAssemblies
{
    /// <summary>The assemblies a net10.0 project compiles against.</summary>
    public static readonly Lazy<ImmutableArray<MetadataReference>> Net = new(LoadFrameworkReferences);

    /// <summary>
    /// The reference assemblies a net10.0 project compiles against (the SDK's Microsoft.NETCore.App.Ref pack), as in
    /// a real build; the runtime's implementation assemblies expose types a user's compilation never sees.
    /// </summary>
    private static ImmutableArray<MetadataReference> LoadFrameworkReferences()
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var version = Path.GetFileName(runtime);
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        var refPack = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref", version, "ref", $"net{Environment.Version.Major}.0");
        var folder = Directory.Exists(refPack) ? refPack : runtime;
        return Directory.EnumerateFiles(folder, "*.dll")
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
