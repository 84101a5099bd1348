using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace AgentGuard.Policy
{
    /// <summary>A style rule where it applies: the whole project, or only the source files a scoped or nested rule file covers.</summary>
    public sealed class StyleSource
    {
        /// <summary>Creates a source.</summary>
        /// <param name="mapping">What the rule switches on.</param>
        /// <param name="ruleFile">The rule file's name for the comment (<c>src/Api/AGENTS.md</c>).</param>
        /// <param name="rule">The rule.</param>
        /// <param name="depth">How near the rule file is to the code: a nearer file's option wins over an outer one's.</param>
        /// <param name="files">The full paths of the source files it applies to; null for every file of the project.</param>
        public StyleSource(StyleMapping mapping, string ruleFile, GoldenRule rule, int depth, IReadOnlyList<string>? files)
        {
            Mapping = mapping;
            RuleFile = ruleFile;
            Rule = rule;
            Depth = depth;
            Files = files;
        }

        /// <summary>What the rule switches on.</summary>
        public StyleMapping Mapping { get; }

        /// <summary>The rule file's name.</summary>
        public string RuleFile { get; }

        /// <summary>The rule.</summary>
        public GoldenRule Rule { get; }

        /// <summary>How near the file is to the code.</summary>
        public int Depth { get; }

        /// <summary>The files it applies to, or null for all.</summary>
        public IReadOnlyList<string>? Files { get; }

        /// <summary>The rule file's full path, for a message on its line.</summary>
        public string? RuleFilePath { get; set; }
    }

    /// <summary>
    /// Writes the style rules as a global analyzer config (<c>obj/agentguard/agentguard.globalconfig</c>): each ID's
    /// severity and each option, with a comment that names the rule file and line. Its <c>global_level</c> is -1: the
    /// project's own <c>.globalconfig</c> files (level 100, or 0) and every <c>.editorconfig</c> win where they set the same
    /// key, and the SDK's analysis-level configs (-99, -100) lose. A rule file that applies to part of the project gets one
    /// section per source file, since global config sections are full paths, not globs. Where two rules set one key, the
    /// nearer rule file wins, and the stronger severity.
    /// </summary>
    public static class StyleConfig
    {
        /// <summary>The level of the written file.</summary>
        public const int GlobalLevel = -1;

        /// <summary>The config's text, or null when no rule maps to a style.</summary>
        /// <param name="sources">The style rules and where they apply.</param>
        /// <param name="sourceFiles">
        /// The project's source files: an ID whose severity no code-style option carries ("file_scoped:error") gets its
        /// severity in a section per file too, since <c>dotnet format</c> reads severities from sections only.
        /// </param>
        /// <param name="projectKeys">
        /// Keys the project's own analyzer config files set. A global config's file sections apply after every global
        /// section, whatever its level, so a section never sets one of them: the project's setting keeps winning.
        /// </param>
        public static string? Write(IReadOnlyList<StyleSource> sources, IReadOnlyList<string>? sourceFiles = null, ICollection<string>? projectKeys = null)
        {
            if (sources.Count == 0)
            {
                return null;
            }

            var text = new StringBuilder();
            text.Append("# Written by AgentGuard from the golden rules that name a style the SDK's analyzers check (docs/style-rules.md).\n");
            text.Append("# Each entry names its rule. The project's own .editorconfig and .globalconfig settings win over these.\n");
            text.Append("is_global = true\n");
            text.Append("global_level = ").Append(GlobalLevel.ToString(CultureInfo.InvariantCulture)).Append('\n');
            WriteSection(text, sources.Where(source => source.Files == null).ToList(), null);

            var byFile = new SortedDictionary<string, List<StyleSource>>(StringComparer.Ordinal);
            foreach (var source in sources.Where(source => source.Files != null))
            {
                foreach (var file in source.Files!)
                {
                    if (!byFile.TryGetValue(file, out var list))
                    {
                        byFile[file] = list = new List<StyleSource>();
                    }

                    list.Add(source);
                }
            }

            var severityOnly = sources.Where(source => source.Files == null && !source.Mapping.Options.Any(option => CarriesSeverity(option.Key))).ToList();
            foreach (var file in severityOnly.Count == 0 ? Enumerable.Empty<string>() : sourceFiles ?? Array.Empty<string>())
            {
                if (!byFile.ContainsKey(file))
                {
                    byFile[file] = new List<StyleSource>();
                }
            }

            foreach (var file in byFile)
            {
                text.Append('\n').Append('[').Append(SectionName(file.Key)).Append("]\n");
                var written = WriteSection(text, file.Value, projectKeys);
                var lines = new List<string>();
                foreach (var source in severityOnly)
                {
                    foreach (var id in source.Mapping.Ids)
                    {
                        var key = "dotnet_diagnostic." + id + ".severity";
                        if ((projectKeys == null || !projectKeys.Contains(key)) && written.Add(key))
                        {
                            lines.Add(key + " = " + SeverityName(source.Rule.Severity != RuleSeverity.Default ? source.Rule.Severity : source.Mapping.Severity));
                        }
                    }
                }

                if (lines.Count > 0)
                {
                    text.Append("\n# the project-wide severities again, for dotnet format\n").Append(string.Join("\n", lines)).Append('\n');
                }
            }

            return text.ToString();
        }

        /// <summary>
        /// The severity the config sets project-wide (in its global section) for each ID, as analyzer config writes it
        /// (IDE0008 = warning): what a compilation of the project runs each style rule's analyzer at, unless a setting above
        /// AgentGuard's level lowers it.
        /// </summary>
        public static IReadOnlyDictionary<string, string> ProjectWideSeverities(IReadOnlyList<StyleSource> sources) =>
            Severities(sources.Where(source => source.Files == null)).ToDictionary(pair => pair.Key, pair => SeverityName(pair.Value), StringComparer.OrdinalIgnoreCase);

        /// <summary>The strongest severity the sources ask for, per ID.</summary>
        private static Dictionary<string, RuleSeverity> Severities(IEnumerable<StyleSource> sources)
        {
            var severities = new Dictionary<string, RuleSeverity>(StringComparer.OrdinalIgnoreCase);
            foreach (var source in sources)
            {
                foreach (var id in source.Mapping.Ids)
                {
                    var wanted = source.Rule.Severity != RuleSeverity.Default ? source.Rule.Severity : source.Mapping.Severity;
                    severities[id] = severities.TryGetValue(id, out var existing) && Rank(existing) >= Rank(wanted) ? existing : wanted;
                }
            }

            return severities;
        }

        /// <summary>The keys one section sets, each once: the nearest rule's option, the strongest severity.</summary>
        private static HashSet<string> WriteSection(StringBuilder text, List<StyleSource> sources, ICollection<string>? skipped)
        {
            var written = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var key in skipped ?? Array.Empty<string>())
            {
                written[key] = string.Empty;
            }

            var severities = Severities(sources);
            foreach (var source in sources.OrderByDescending(source => source.Depth))
            {
                var lines = new List<string>();
                foreach (var option in source.Mapping.Options)
                {
                    if (!written.ContainsKey(option.Key))
                    {
                        written[option.Key] = option.Value;
                        // An option that names its own severity ("true:silent": allowed, never asked for) keeps it.
                        lines.Add(option.Key + " = " + option.Value + (option.Value.IndexOf(':') >= 0 ? string.Empty : SeveritySuffix(option.Key, source)));
                    }
                }

                foreach (var id in source.Mapping.Ids)
                {
                    var key = "dotnet_diagnostic." + id + ".severity";
                    if (!written.ContainsKey(key))
                    {
                        var severity = SeverityName(severities[id]);
                        written[key] = severity;
                        lines.Add(key + " = " + severity);
                    }
                }

                if (lines.Count > 0)
                {
                    text.Append('\n').Append("# ").Append(source.RuleFile).Append(" line ").Append(source.Rule.Line.ToString(CultureInfo.InvariantCulture)).Append(": ").Append(OneLine(source.Rule.Text)).Append('\n');
                    foreach (var line in lines)
                    {
                        text.Append(line).Append('\n');
                    }
                }
            }

            return new HashSet<string>(written.Keys, StringComparer.OrdinalIgnoreCase);
        }

        /// <summary>A full path as a section name: '/' separated, with the characters that would start a comment escaped.</summary>
        private static string SectionName(string path)
        {
            var name = new StringBuilder();
            foreach (var c in path.Replace('\\', '/'))
            {
                if (c == '#' || c == ';')
                {
                    name.Append('\\');
                }

                name.Append(c);
            }

            return name.ToString();
        }

        /// <summary>
        /// "file_scoped:error": a code-style option carries its severity too. Builds take the severity from
        /// <c>dotnet_diagnostic</c>; <c>dotnet format</c> decides from the option's own which findings to fix, and reads no
        /// <c>dotnet_diagnostic</c> severity from a global config.
        /// </summary>
        private static string SeveritySuffix(string key, StyleSource source)
        {
            return CarriesSeverity(key) ? ":" + SeverityName(source.Rule.Severity != RuleSeverity.Default ? source.Rule.Severity : source.Mapping.Severity) : string.Empty;
        }

        /// <summary>A code-style option, whose value may carry a severity.</summary>
        private static bool CarriesSeverity(string key) =>
            key.StartsWith("csharp_style_", StringComparison.Ordinal) || key.StartsWith("csharp_prefer_", StringComparison.Ordinal)
            || key.StartsWith("dotnet_style_", StringComparison.Ordinal) || key == "csharp_using_directive_placement";

        private static int Rank(RuleSeverity severity) => severity == RuleSeverity.Error || severity == RuleSeverity.Default ? 3 : severity == RuleSeverity.Warning ? 2 : 1;

        private static string SeverityName(RuleSeverity severity) => severity == RuleSeverity.Warning ? "warning" : severity == RuleSeverity.Info ? "suggestion" : "error";

        private static string OneLine(string text)
        {
            var line = text.Replace('\r', ' ').Replace('\n', ' ');
            return line.Length > 160 ? line.Substring(0, 157) + "..." : line;
        }
    }
}
