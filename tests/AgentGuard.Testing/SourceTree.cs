using System;
using System.IO;

namespace AgentGuard.Testing;

/// <summary>Where this checkout's files are: found from the test assembly upward, by the solution file.</summary>
public static class SourceTree
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder != null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "AgentGuard.Analyzers.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("AgentGuard.Analyzers.sln not found above " + AppContext.BaseDirectory);
    }
}
