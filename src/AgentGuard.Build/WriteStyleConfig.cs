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

        /// <summary>Where to write the config.</summary>
        [Required]
        public string OutputPath { get; set; } = string.Empty;

        /// <summary>The config written, or empty when no rule names a style (a stale one is deleted).</summary>
        [Output]
        public string ConfigFile { get; set; } = string.Empty;

        /// <summary>What the mapped analyzers need (<see cref="StyleRequirement"/> names, ';'-separated).</summary>
        [Output]
        public string Requirements { get; set; } = string.Empty;

        /// <inheritdoc />
        public override bool Execute()
        {
            var sources = Sources(out var sourceFiles);
            var text = StyleConfig.Write(sources, sourceFiles);
            try
            {
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
                var needs = sources.Aggregate(StyleRequirement.None, (all, source) => all | source.Mapping.Requirement);
                Requirements = string.Join(";", Enum.GetValues(typeof(StyleRequirement)).Cast<StyleRequirement>().Where(flag => flag != StyleRequirement.None && needs.HasFlag(flag)));
            }
            catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
            {
                Log.LogWarning(null, DiagnosticIds.UnresolvableRuleTarget, null, OutputPath, 0, 0, 0, 0, "AgentGuard could not write '{0}' ({1}); the style rules of the golden-rule files are not enforced in this build", OutputPath, exception.Message);
            }

            return true;
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
                var top = entry;
                for (var depth = 0; depth <= ReadLimits.MaxImportDepth && top.File.ImportedBy is { } importer && files.TryGetValue(Path.GetFullPath(importer), out var next); depth++)
                {
                    top = next;
                }

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
                        sources.Add(new StyleSource(mapping, display, rule, scopeFolder?.Length ?? 0, covered));
                    }
                }
            }

            return sources;
        }
    }
}
