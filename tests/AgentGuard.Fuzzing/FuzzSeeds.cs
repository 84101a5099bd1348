using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace AgentGuard.Fuzzing;

/// <summary>The rule files that mutated inputs start from.</summary>
internal static class FuzzSeeds
{
    /// <summary>Our own test rule files, always; the real-file corpus beside the clone when it is there.</summary>
    public static IReadOnlyList<string> Load(string? corpus, out string note)
    {
        var seeds = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Seeds"), "*.md").OrderBy(path => path, StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        var own = seeds.Count;
        corpus ??= FindCorpus();
        if (corpus != null && Directory.Exists(corpus))
        {
            seeds.AddRange(Directory.GetFiles(corpus).OrderBy(path => path, StringComparer.Ordinal).Select(File.ReadAllText));
            note = $"seeds: {own} own rule files and {seeds.Count - own} real ones from {corpus}";
        }
        else
        {
            note = $"seeds: {own} own rule files; the real-file corpus (shared/rule-corpus/files beside the clone) is not here, so none of its files were mutated";
        }

        return seeds;
    }

    private static string? FindCorpus()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder != null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "AgentGuard.Analyzers.sln")))
            {
                return Path.GetFullPath(Path.Combine(folder.FullName, "..", "shared", "rule-corpus", "files"));
            }
        }

        return null;
    }
}
