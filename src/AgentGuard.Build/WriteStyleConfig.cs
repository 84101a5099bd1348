using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AgentGuard.Policy;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace AgentGuard.Build
{
    /// <summary>
    /// Writes the golden rules that name a style the SDK's analyzers check (<see cref="StyleTable"/>) to a global analyzer
    /// config the targets hand the compiler (<see cref="StyleConfig"/>), before compilation and in design-time builds, so
    /// the IDE shows the same findings. A rule from a scoped or nested rule file applies to the source files it covers; a
    /// rule "in tests" only in test projects. Says which analyzers the rules need, so the targets can add them.
    /// </summary>
    public sealed class WriteStyleConfig : Task
    {
        /// <summary>The rule files the analyzers enforce (in CI, the base branch's copies), with <see cref="RuleFileMetadata"/>.</summary>
        public ITaskItem[] RuleFiles { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>The project's C# source files (<c>@(Compile)</c>).</summary>
        public ITaskItem[] SourceFiles { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>The project's folder, against which relative source paths are taken.</summary>
        [Required]
        public string ProjectDirectory { get; set; } = string.Empty;

        /// <summary>Names rule files in the comments relative to it.</summary>
        public string RepositoryRoot { get; set; } = string.Empty;

        /// <summary>"true" in a test project: rules "in tests" apply there, rules "in production code" do not.</summary>
        public string IsTestProject { get; set; } = string.Empty;

        /// <summary>
        /// The project's own analyzer config files (<c>@(EditorConfigFiles)</c> without the SDK's and the generated ones):
        /// the keys they set are left out of the config's file sections, which would otherwise win over a global config.
        /// </summary>
        public ITaskItem[] ProjectConfigFiles { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>Where to write the config.</summary>
        [Required]
        public string OutputPath { get; set; } = string.Empty;

        /// <summary>The config written, or empty when no rule names a style (a stale one is deleted).</summary>
        [Output]
        public string ConfigFile { get; set; } = string.Empty;

        /// <summary>What the mapped analyzers need (<see cref="StyleRequirement"/> names, ';'-separated).</summary>
        [Output]
        public string Requirements { get; set; } = string.Empty;

        /// <summary>
        /// The severity the config sets project-wide for each style rule's analyzer ("IDE0008=warning,IDE0161=error"; a ";" would start a comment in the analyzer config the SDK writes):
        /// in CI mode the analyzers name one a compilation runs below it (AG0014).
        /// </summary>
        [Output]
        public string ProjectWideSeverities { get; set; } = string.Empty;

        /// <inheritdoc />
        public override bool Execute()
        {
            try
            {
                var projectKeys = ProjectKeys();
                var sources = Sources(out var sourceFiles);
                if (projectKeys.Any(key => key.StartsWith("dotnet_naming_rule.", StringComparison.Ordinal)))
                {
                    // In a build IDE1006's severity is every naming rule's: raising it for a golden rule would raise the
                    // project's own naming rules (suggestions in the IDE) to errors too.
                    foreach (var naming in sources.Where(source => source.Mapping.Ids.Contains("IDE1006")).ToList())
                    {
                        sources.Remove(naming);
                        Log.LogWarning(null, DiagnosticIds.UnresolvableRuleTarget, null, naming.RuleFilePath, naming.Rule.Line, 1, 0, 0, "{0}", $"{naming.RuleFile} line {naming.Rule.Line} maps to IDE1006 ({naming.Mapping.Name}), but the project's .editorconfig defines naming rules of its own, and in a build IDE1006's severity is theirs too: the rule is not enforced in builds. Write it as a naming rule in the .editorconfig");
                    }
                }

                var text = StyleConfig.Write(sources, sourceFiles, projectKeys);
                if (text == null)
                {
                    if (File.Exists(OutputPath))
                    {
                        File.Delete(OutputPath);
                    }

                    return true;
                }

                // Written only when it changes, so an incremental build stays incremental.
                if (!File.Exists(OutputPath) || File.ReadAllText(OutputPath) != text)
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(OutputPath))!);
                    File.WriteAllText(OutputPath, text);
                }

                ConfigFile = Path.GetFullPath(OutputPath);
                ProjectWideSeverities = string.Join(",", StyleConfig.ProjectWideSeverities(sources).OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Key + "=" + pair.Value));
                var needs = sources.Aggregate(StyleRequirement.None, (all, source) => all | source.Mapping.Requirement);
                Requirements = string.Join(";", Enum.GetValues(typeof(StyleRequirement)).Cast<StyleRequirement>().Where(flag => flag != StyleRequirement.None && needs.HasFlag(flag)));
            }
            catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException || exception is ArgumentException || exception is NotSupportedException)
            {
                Log.LogWarning(null, DiagnosticIds.UnresolvableRuleTarget, null, OutputPath, 0, 0, 0, 0, "AgentGuard could not write '{0}' ({1}); the style rules of the golden-rule files are not enforced in this build", OutputPath, exception.Message);
            }

            return true;
        }

        /// <summary>Every key the project's own analyzer config files set, lower case.</summary>
        private HashSet<string> ProjectKeys()
        {
            var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var item in ProjectConfigFiles)
            {
                var path = item.GetMetadata("FullPath") is { Length: > 0 } full ? full : item.ItemSpec;
                var name = Path.GetFileName(path);
                if (!File.Exists(path) || string.Equals(Path.GetFullPath(path), Path.GetFullPath(OutputPath), StringComparison.OrdinalIgnoreCase)
                    || name.StartsWith("analysislevel", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".GeneratedMSBuildEditorConfig.editorconfig", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                foreach (var line in File.ReadLines(path))
                {
                    var trimmed = line.Trim();
                    var equals = trimmed.IndexOf('=');
                    if (equals > 0 && trimmed[0] != '#' && trimmed[0] != ';' && trimmed[0] != '[')
                    {
                        keys.Add(trimmed.Substring(0, equals).Trim().ToLowerInvariant());
                    }
                }
            }

            return keys;
        }

        private List<StyleSource> Sources(out List<string> sourceFiles)
        {
            var files = new Dictionary<string, (DiscoveredRuleFile File, RuleFile Rules, string Source)>(StringComparer.OrdinalIgnoreCase);
            foreach (var item in RuleFiles)
            {
                try
                {
                    var file = RuleFileItem.From(item);
                    var source = item.GetMetadata(RuleFileMetadata.SourcePath) is { Length: > 0 } original ? Path.GetFullPath(original) : file.Path;
                    files[source] = (file, RuleFileReader.Read(File.ReadAllText(file.Path)), source);
                }
                catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
                {
                    // The analyzers report an unreadable rule file (AG0011) on it.
                }
            }

            var project = Path.GetFullPath(ProjectDirectory);
            sourceFiles = SourceFiles.Select(item => Path.GetFullPath(Path.Combine(project, item.ItemSpec)).Replace('\\', '/')).Distinct().ToList();
            var isTest = string.Equals(IsTestProject, "true", StringComparison.OrdinalIgnoreCase);
            var sources = new List<StyleSource>();
            foreach (var entry in files.Values)
            {
                // An imported file applies where the file that imports it does, followed to the top.
                var top = RuleFileItem.TopImporter(entry, read => read.File.ImportedBy, files);

                var scope = RuleFileScope.Of(top.File.Kind, top.Rules.FrontMatter);
                if (scope.Application == RuleFileApplication.OnRequest)
                {
                    continue;
                }

                var scopeFolder = entry.File.ScopeFolder ?? top.File.ScopeFolder;
                var covered = scope.Application == RuleFileApplication.Everywhere && string.IsNullOrEmpty(scopeFolder)
                    ? null
                    : sourceFiles.Where(path => scope.CoversSource(top.File.BaseFolder, scopeFolder, path)).ToList();
                if (covered != null && covered.Count == 0)
                {
                    continue;
                }

                var display = RepositoryRoot.Length > 0 ? PathGlob.RelativeTo(RepositoryRoot, entry.Source) ?? Path.GetFileName(entry.Source) : Path.GetFileName(entry.Source);
                foreach (var rule in entry.Rules.Rules.Where(rule => !rule.Ignored && rule.Styles.Count > 0))
                {
                    if ((rule.Scope.Tests == TestScope.TestsOnly && !isTest) || (rule.Scope.Tests == TestScope.ProductionOnly && isTest) || rule.Scope.Paths.Count > 0)
                    {
                        continue;
                    }

                    foreach (var mapping in rule.Styles.Where(mapping => !(isTest && mapping.ProductionByDefault && rule.Scope.Tests == TestScope.All)))
                    {
                        sources.Add(new StyleSource(mapping, display, rule, scopeFolder?.Length ?? 0, covered) { RuleFilePath = entry.Source });
                    }
                }
            }

            return sources;
        }
    }
}
