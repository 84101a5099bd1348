using System;
using System.Collections.Generic;
using System.Threading;
using AgentGuard.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AgentGuard.Analyzers.RuleFiles
{
    /// <summary>
    /// Finds the golden-rule files among the compilation's additional files and parses each one once per text.
    /// The package's targets mark the files they add with <c>AgentGuardRuleFile</c> metadata; a file named
    /// <c>CLAUDE.md</c> or <c>AGENTS.md</c> that a project lists itself counts too.
    /// </summary>
    internal static class RuleFileCollector
    {
        private const string RuleFileMetadata = "build_metadata.AdditionalFiles.AgentGuardRuleFile";
        private const string ScopeFolderMetadata = "build_metadata.AdditionalFiles.AgentGuardScopeFolder";
        private const string ImportedByMetadata = "build_metadata.AdditionalFiles.AgentGuardImportedBy";
        private const string SourcePathMetadata = "build_metadata.AdditionalFiles.AgentGuardSourcePath";
        private const string RepositoryRootProperty = "build_property.AgentGuardRepositoryRoot";

        // Set by the package's targets: the rule files are exactly the ones they marked, none is taken by its name.
        private const string CollectedProperty = "build_property.AgentGuardRuleFilesCollected";

        private static readonly RuleFile Unreadable = RuleFile.Unreadable("the compiler could not read the file");

        private static int s_parseCount;

        /// <summary>Keyed by the text object: an unchanged rule file is not parsed again for the next compilation.</summary>
        private static readonly SourceTextValueProvider<RuleFile> Parsed = new SourceTextValueProvider<RuleFile>(text =>
        {
            Interlocked.Increment(ref s_parseCount);
            return RuleFileReader.Read(text.ToString());
        });

        /// <summary>How many rule texts have been parsed in this process (the cache's misses).</summary>
        internal static int ParseCount => Volatile.Read(ref s_parseCount);

        /// <summary>Reads a rule text through the compilation's cache; the analyzer passes its start context's <c>TryGetValue</c>.</summary>
        public delegate bool CachedParse(SourceText text, SourceTextValueProvider<RuleFile> provider, out RuleFile? rules);

        public static IReadOnlyList<LoadedRuleFile> Collect(AnalyzerOptions options, CachedParse parse, CancellationToken cancellationToken)
        {
            var result = new List<LoadedRuleFile>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var provider = options.AnalyzerConfigOptionsProvider;
            provider.GlobalOptions.TryGetValue(RepositoryRootProperty, out var repositoryRoot);
            var byNameToo = !provider.GlobalOptions.TryGetValue(CollectedProperty, out var collected) || collected != "true";
            foreach (var file in options.AdditionalFiles)
            {
                if (!IsRuleFile(file, provider, byNameToo) || !seen.Add(file.Path))
                {
                    continue;
                }

                var text = file.GetText(cancellationToken);
                RuleFile? rules;
                if (text == null)
                {
                    // The compiler could not read it (it says so itself); the rules it holds are not enforced, and that is said too.
                    text = SourceText.From(string.Empty);
                    rules = Unreadable;
                }
                else if (!parse(text, Parsed, out rules) || rules == null || rules.IsEmpty)
                {
                    continue;
                }

                var fileOptions = provider.GetOptions(file);
                fileOptions.TryGetValue(ScopeFolderMetadata, out var scopeFolder);
                fileOptions.TryGetValue(ImportedByMetadata, out var importedBy);
                fileOptions.TryGetValue(SourcePathMetadata, out var sourcePath);
                var source = NullIfEmpty(sourcePath) ?? file.Path;
                result.Add(new LoadedRuleFile(file, text, rules, DisplayPath(source, repositoryRoot), NullIfEmpty(scopeFolder), NullIfEmpty(importedBy), source));
            }

            // The targets offer every "@x.md" they see; a file counts only if its importer's Markdown really imports it.
            result.RemoveAll(file => file.ImportedBy != null && !result.Exists(importer => PathsEqual(importer.SourcePath, file.ImportedBy) && importer.Imports(file.SourcePath)));

            // An imported file applies where its importer does: @LEGACY.md imported by src/Legacy/CLAUDE.md governs src/Legacy only.
            for (var pass = 0; pass < 5; pass++)
            {
                for (var i = 0; i < result.Count; i++)
                {
                    var file = result[i];
                    var importer = file.ImportedBy == null ? null : result.Find(other => PathsEqual(other.SourcePath, file.ImportedBy));
                    if (importer?.ScopeFolder != null && file.ScopeFolder != importer.ScopeFolder)
                    {
                        result[i] = new LoadedRuleFile(file.File, file.Text, file.Rules, file.DisplayPath, importer.ScopeFolder, file.ImportedBy, file.SourcePath);
                    }
                }
            }

            return result;
        }

        private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

        internal static bool PathsEqual(string left, string right) =>
            string.Equals(Normalize(left), Normalize(right), StringComparison.OrdinalIgnoreCase);

        /// <summary>A path with '/' separators and its '.' and '..' segments resolved, as text (no file system lookup).</summary>
        internal static string Normalize(string path)
        {
            var parts = new List<string>();
            foreach (var part in path.Replace('\\', '/').Split('/'))
            {
                if (part == "..")
                {
                    if (parts.Count > 1)
                    {
                        parts.RemoveAt(parts.Count - 1);
                    }
                }
                else if (part != "." && (part.Length > 0 || parts.Count == 0))
                {
                    parts.Add(part);
                }
            }

            return string.Join("/", parts);
        }

        private static bool IsRuleFile(AdditionalText file, AnalyzerConfigOptionsProvider provider, bool byNameToo)
        {
            if (provider.GetOptions(file).TryGetValue(RuleFileMetadata, out var marked) && !string.IsNullOrEmpty(marked))
            {
                return string.Equals(marked, "true", StringComparison.OrdinalIgnoreCase);
            }

            if (!byNameToo)
            {
                return false;
            }

            var name = FileName(file.Path);
            return string.Equals(name, "CLAUDE.md", StringComparison.OrdinalIgnoreCase)
                || string.Equals(name, "AGENTS.md", StringComparison.OrdinalIgnoreCase);
        }

        internal static string DisplayPath(string path, string? repositoryRoot)
        {
            var normalized = path.Replace('\\', '/');
            if (!string.IsNullOrEmpty(repositoryRoot))
            {
                var root = repositoryRoot!.Replace('\\', '/').TrimEnd('/') + "/";
                if (normalized.StartsWith(root, StringComparison.OrdinalIgnoreCase))
                {
                    return normalized.Substring(root.Length);
                }
            }

            return FileName(normalized);
        }

        private static string FileName(string path)
        {
            var slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
            return slash < 0 ? path : path.Substring(slash + 1);
        }
    }
}
