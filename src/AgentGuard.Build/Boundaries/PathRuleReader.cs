using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AgentGuard.Build.Boundaries;
using AgentGuard.Build.Git;
using AgentGuard.Policy;
using Microsoft.Build.Framework;

namespace AgentGuard.Build.Boundaries
{
    /// <summary>Reads the golden rules' path rules from the project's rule files, each with the folder and scope it applies to.</summary>
    internal static class PathRuleReader
    {
        /// <summary>The path rules of <paramref name="ruleFiles"/>, each with where it applies.</summary>
        /// <param name="ruleFiles">The rule files the targets pass, with their metadata.</param>
        /// <param name="repositoryRoot">The root the rule files are named relative to, or null before it is known.</param>
        /// <param name="read">Reads a rule file's text (in CI, as the merge base has it); null for the working tree.</param>
        public static List<PathRuleSource> Read(IEnumerable<ITaskItem> ruleFiles, string? repositoryRoot, Func<string, string?>? read = null)
        {
            var files = new Dictionary<string, (ITaskItem Item, RuleFile Rules)>(StringComparer.OrdinalIgnoreCase);
            foreach (var item in ruleFiles)
            {
                var path = Path.GetFullPath(item.ItemSpec);
                try
                {
                    var text = read != null ? read(path) : File.ReadAllText(path);
                    if (text != null)
                    {
                        files[path] = (item, RuleFileReader.Read(text));
                    }
                }
                catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
                {
                    // The analyzers report an unreadable rule file (AG0011) on it.
                }
            }

            var sources = new List<PathRuleSource>();
            foreach (var entry in files)
            {
                // The targets mark each file with its kind and folders (RuleFileMetadata); an imported file applies where the
                // file that imports it does, followed to the top.
                var file = RuleFileItem.From(entry.Value.Item);
                var top = RuleFileItem.TopImporter(entry.Value, read => RuleFileItem.From(read.Item).ImportedBy, files);

                var scope = new PathRuleScope(
                    RuleFileScope.Of(RuleFileItem.From(top.Item).Kind, top.Rules.FrontMatter),
                    Relative(repositoryRoot, file.BaseFolder),
                    file.ScopeFolder == null ? null : Relative(repositoryRoot, file.ScopeFolder));
                var display = repositoryRoot != null ? PathGlob.RelativeTo(repositoryRoot, entry.Key) ?? entry.Key : Path.GetFileName(entry.Key);
                foreach (var rule in entry.Value.Rules.Rules.Where(rule => !rule.Ignored))
                {
                    foreach (var pathRule in rule.Paths)
                    {
                        sources.Add(new PathRuleSource(pathRule, scope.BaseFolder, display, rule.Line, rule.Text, scope));
                    }
                }
            }

            return sources;
        }

        /// <summary>A folder relative to the repository root with '/', "" for the root itself.</summary>
        private static string Relative(string? repositoryRoot, string folder) =>
            repositoryRoot != null ? (PathGlob.RelativeTo(repositoryRoot, folder.TrimEnd('/', '\\') + "/") ?? string.Empty).TrimEnd('/') : string.Empty;
    }
}
