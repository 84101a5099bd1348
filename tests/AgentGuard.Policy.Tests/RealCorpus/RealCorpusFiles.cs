using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace AgentGuard.Policy.Tests.RealCorpus;

/// <summary>
/// The real rule files of <c>shared/rule-corpus</c> (beside the clone; <c>AGENTGUARD_RULE_CORPUS</c> names another
/// folder). They are read where they are and never copied here: only our labels live in this repository.
/// </summary>
public static class RealCorpusFiles
{
    /// <summary>The corpus folder, or null when it is not on this machine.</summary>
    public static string? Folder { get; } = Find();

    /// <summary>What the tests say when the corpus is absent, instead of passing silently.</summary>
    public static string Absent => "the real rule-file corpus (shared/rule-corpus beside the clone, or AGENTGUARD_RULE_CORPUS) is not on this machine: no real file was read";

    /// <summary>The rows of index.tsv: repository, path in it, kind, and the file's text.</summary>
    public static IEnumerable<(string Repo, string Path, string Kind, string Text)> Rows()
    {
        if (Folder == null)
        {
            yield break;
        }

        foreach (var line in File.ReadAllLines(System.IO.Path.Combine(Folder, "index.tsv")).Skip(1).Where(line => line.Length > 0))
        {
            var columns = line.Split('\t');
            var name = columns[0].Replace("/", "__", StringComparison.Ordinal) + "__" + columns[1].Replace("/", "_", StringComparison.Ordinal);
            yield return (columns[0], columns[1], columns[5], File.ReadAllText(System.IO.Path.Combine(Folder, "files", name)));
        }
    }

    /// <summary>A labels file of ours (tab-separated, '#' comments) as rows keyed by repository and path.</summary>
    public static Dictionary<(string Repo, string Path), string[]> Labels(string fileName) =>
        File.ReadAllLines(System.IO.Path.Combine(AppContext.BaseDirectory, "RealCorpus", fileName))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .ToDictionary(columns => (columns[0], columns[1]));

    /// <summary>labels.tsv: repository, path, line, label (C, P, N), expected enforcement (';'-separated, '-' for N), note.</summary>
    public static IEnumerable<Label> LabelLines(string fileName) =>
        File.ReadAllLines(System.IO.Path.Combine(AppContext.BaseDirectory, "RealCorpus", fileName))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(columns => new Label(
                columns[0],
                columns[1],
                int.Parse(columns[2], System.Globalization.CultureInfo.InvariantCulture),
                columns[3][0],
                columns[4] == "-" ? Array.Empty<string>() : columns[4].Split(';').Select(Enforcements.Normalize).ToArray(),
                columns.Length > 5 ? columns[5] : string.Empty));

    private static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable("AGENTGUARD_RULE_CORPUS");
        if (!string.IsNullOrEmpty(configured))
        {
            return Directory.Exists(configured) ? configured : null;
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder != null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "AgentGuard.Analyzers.sln")))
            {
                var corpus = System.IO.Path.GetFullPath(System.IO.Path.Combine(folder.FullName, "..", "shared", "rule-corpus"));
                return File.Exists(System.IO.Path.Combine(corpus, "index.tsv")) ? corpus : null;
            }
        }

        return null;
    }
}
