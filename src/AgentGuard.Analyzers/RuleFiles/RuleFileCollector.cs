using System;
using System.Collections.Generic;
using System.Linq;
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
        private const string RepositoryRootProperty = "build_property.AgentGuardRepositoryRoot";

        // Set by the package's targets: the rule files are exactly the ones they marked, none is taken by its name.
        private const string CollectedProperty = "build_property.AgentGuardRuleFilesCollected";

        private static readonly RuleFile Unreadable = RuleFile.Unreadable("the compiler could not read the file");

        /// <summary>Keyed by the text object: an unchanged rule file is not parsed again for the next compilation.</summary>
        private static readonly SourceTextValueProvider<RuleFile> Parsed = new SourceTextValueProvider<RuleFile>(text => RuleFileReader.Read(text.ToString()));

        /// <summary>Reads a rule text through the compilation's cache; the analyzer passes its start context's <c>TryGetValue</c>.</summary>
        public delegate bool CachedParse(SourceText text, SourceTextValueProvider<RuleFile> provider, out RuleFile? rules);

        public static IReadOnlyList<LoadedRuleFile> Collect(AnalyzerOptions options, CachedParse parse, CancellationToken cancellationToken)
        {
            var result = new List<LoadedRuleFile>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var provider = options.AnalyzerConfigOptionsProvider;
            provider.GlobalOptions.TryGetValue(RepositoryRootProperty, out var repositoryRoot);
            var byNameToo = !provider.GlobalOptions.TryGetValue(CollectedProperty, out var collected) || collected != "true";

            // Additional files arrive in no fixed order; read by path, the IDE and the command line quote the same rule.
            foreach (var file in options.AdditionalFiles.OrderBy(file => file.Path, StringComparer.OrdinalIgnoreCase))
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
                else if (!parse(text, Parsed, out rules) || rules == null)
                {
                    continue;
                }

                var fileOptions = provider.GetOptions(file);
                var source = Metadata(fileOptions, RuleFileMetadata.SourcePath) ?? file.Path;
                var found = DiscoveredRuleFile.FromMetadata(source, name => Metadata(fileOptions, name));
                result.Add(new LoadedRuleFile(file, text, rules, DisplayPath(source, repositoryRoot), found.Kind, found.BaseFolder, found.ScopeFolder, found.ImportedBy, source));
            }

            // An imported file applies where the file that imports it does (followed to the top, as deep as imports go).
            foreach (var file in result.Where(file => file.ImportedBy != null))
            {
                var importer = file;
                for (var depth = 0; depth <= ReadLimits.MaxImportDepth && importer.ImportedBy != null; depth++)
                {
                    importer = result.Find(other => PathsEqual(other.SourcePath, importer.ImportedBy!)) ?? importer;
                }

                file.TakeScopeOf(importer);
            }

            return result;
        }

        private static string? Metadata(AnalyzerConfigOptions options, string name) =>
            options.TryGetValue(RuleFileMetadata.AnalyzerPrefix + name, out var value) && !string.IsNullOrEmpty(value) ? value : null;


        private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

        internal static bool PathsEqual(string left, string right) =>
            string.Equals(RuleFileDiscovery.Normalize(left), RuleFileDiscovery.Normalize(right), StringComparison.OrdinalIgnoreCase);

        private static bool IsRuleFile(AdditionalText file, AnalyzerConfigOptionsProvider provider, bool byNameToo)
        {
            if (provider.GetOptions(file).TryGetValue(RuleFileMetadata.AnalyzerPrefix + RuleFileMetadata.RuleFile, out var marked) && !string.IsNullOrEmpty(marked))
            {
                return string.Equals(marked, "true", StringComparison.OrdinalIgnoreCase);
            }

            if (!byNameToo)
            {
                return false;
            }

            return RuleFileKinds.Classify(file.Path) != null;
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
