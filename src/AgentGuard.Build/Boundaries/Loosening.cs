using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using AgentGuard.Build.Git;
using AgentGuard.Policy;

namespace AgentGuard.Build.Boundaries
{
    /// <summary>
    /// What a change does to weaken enforcement, file by file, comparing the merge base's version with the working tree's:
    /// AgentGuard IDs added to NoWarn or dropped from WarningsAsErrors, AgentGuard switched off or its package removed,
    /// approvals written into a project file, analyzer severities lowered, golden rules deleted or reworded to enforce
    /// less, manifest entries removed. Each finding says what was loosened.
    /// </summary>
    internal static class Loosening
    {
        // "CS1591", and in NoWarn also "1591", which the compiler reads as CS1591.
        private static readonly Regex DiagnosticId = new Regex(@"\b(?:[A-Z]{2,})?\d{4}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        private static readonly Regex SeverityLine = new Regex(@"^\s*dotnet_diagnostic\.([A-Z]{2,}\d{4})\.severity\s*=\s*(\w+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Multiline, TimeSpan.FromSeconds(1));
        private static readonly string[] Severities = { "none", "silent", "suggestion", "warning", "error" };

        /// <summary>
        /// What <paramref name="file"/> loosens from <paramref name="before"/> (the merge base's content) to
        /// <paramref name="after"/> (the working tree's), one phrase each; empty when nothing. <paramref name="isRuleFile"/>
        /// and <paramref name="isManifest"/> say how to read it; <paramref name="styleIds"/> are the IDs the base branch's
        /// style rules switch on (IDE0008, CA1507): lowering one of them is a loosening as for an AG ID.
        /// </summary>
        public static IReadOnlyList<string> Of(ChangedFile file, byte[]? before, byte[]? after, bool isRuleFile, bool isManifest, IReadOnlyCollection<string>? styleIds = null)
        {
            var guarded = new Func<string, bool>(id => id.StartsWith("AG", StringComparison.OrdinalIgnoreCase) || (styleIds != null && styleIds.Contains(id, StringComparer.OrdinalIgnoreCase)));
            var path = file.Path;
            var name = GitPath.FileName(path);
            try
            {
                if (isManifest)
                {
                    return Manifest(Text(before), Text(after));
                }

                if (isRuleFile)
                {
                    return Rules(Text(before), Text(after));
                }

                if (path.Equals(Policy.Baseline.DefaultPath, StringComparison.OrdinalIgnoreCase))
                {
                    return BaselineAdditions(Text(before), Text(after));
                }

                if (IsAnalyzerConfig(path))
                {
                    return EditorConfig(Text(before), Text(after), guarded);
                }

                if (IsResponseFile(path))
                {
                    return ResponseFile(Text(before), Text(after));
                }

                if (PackageSet.IsDependencyFile(path) && !name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && !name.Equals("nuget.config", StringComparison.OrdinalIgnoreCase))
                {
                    return MsBuild(before, after, guarded);
                }
            }
            catch (Exception exception) when (exception is XmlException || exception is RegexMatchTimeoutException)
            {
                // A file that does not parse is reported by what reads it (the build, AG2010, AG2005).
            }

            return Array.Empty<string>();
        }

        // A finding the change adds to the baseline, or a count it raises, is a finding the change keeps from failing.
        private static IReadOnlyList<string> BaselineAdditions(string? before, string? after)
        {
            var was = Policy.Baseline.Parse(before).Allowances();
            var added = Policy.Baseline.Parse(after).Entries
                .Select(entry => (entry, more: entry.Count - (was.TryGetValue((entry.File, entry.Id, entry.Key), out var count) ? count : 0)))
                .Where(pair => pair.more > 0)
                .ToList();
            if (added.Count == 0)
            {
                return Array.Empty<string>();
            }

            var shown = string.Join("; ", added.Take(3).Select(pair => $"{pair.entry.Id} in {pair.entry.File} ('{pair.entry.Key}')"));
            return new[] { $"adds {added.Sum(pair => (long)pair.more)} findings to the baseline ({shown}{(added.Count > 3 ? "; ..." : string.Empty)})" };
        }

        private static string? Text(byte[]? bytes) => bytes == null ? null : Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');

        private static IReadOnlyList<string> MsBuild(byte[]? before, byte[]? after, Func<string, bool> guarded)
        {
            var was = MsBuildSettings(before, guarded);
            var now = MsBuildSettings(after, guarded);
            var changes = new List<string>();
            foreach (var id in now.Suppressed.Except(was.Suppressed, StringComparer.OrdinalIgnoreCase))
            {
                changes.Add($"adds {id} to NoWarn");
            }

            foreach (var id in was.AsErrors.Except(now.AsErrors, StringComparer.OrdinalIgnoreCase))
            {
                changes.Add($"removes {id} from WarningsAsErrors");
            }

            foreach (var setting in now.Switches.Where(setting => !was.Switches.Contains(setting)))
            {
                changes.Add("sets " + setting);
            }

            if (was.BuiltinWarningsAsErrors && !now.BuiltinWarningsAsErrors)
            {
                changes.Add("drops AgentGuardBuiltinWarningsAsErrors (the built-in checks' warnings were errors)");
            }

            if (was.ReferencesAgentGuard && !now.ReferencesAgentGuard)
            {
                changes.Add("removes the AgentGuard.Analyzers package reference");
            }
            else if (was.ReferencesAgentGuard && !was.AgentGuardReference.SetEquals(now.AgentGuardReference))
            {
                changes.Add("changes the AgentGuard.Analyzers package reference (its version, condition or assets)");
            }

            // What decides which analyzers run and with which settings: each new or changed one is named, without
            // evaluating anything the change wrote.
            foreach (var element in now.Analysis.Where(element => !was.Analysis.Contains(element)))
            {
                changes.Add("adds or changes " + (element.Length > 160 ? element.Substring(0, 157) + "..." : element));
            }

            foreach (var element in was.Analysis.Where(element => !now.Analysis.Contains(element) && element.StartsWith("<Analyzer", StringComparison.Ordinal)))
            {
                changes.Add("removes " + element);
            }

            return changes;
        }

        /// <summary>
        /// An analyzer config by its name: <c>.editorconfig</c> and <c>.globalconfig</c>, which the SDK finds itself, and any
        /// <c>*.editorconfig</c> or <c>*.globalconfig</c> a project hands the compiler (eng/CodeAnalysis.globalconfig).
        /// </summary>
        public static bool IsAnalyzerConfig(string path)
        {
            var name = GitPath.FileName(path);
            return name.EndsWith(".editorconfig", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".globalconfig", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>A compiler response file (<c>*.rsp</c>): every line is a compiler switch, so every change counts.</summary>
        public static bool IsResponseFile(string path) => GitPath.FileName(path).EndsWith(".rsp", StringComparison.OrdinalIgnoreCase);

        private static IReadOnlyList<string> ResponseFile(string? before, string? after)
        {
            var was = Lines(before);
            var now = Lines(after);
            return now.Where(line => !was.Contains(line)).Select(line => $"adds '{line}' to a compiler response file")
                .Concat(was.Where(line => !now.Contains(line)).Select(line => $"removes '{line}' from a compiler response file"))
                .ToList();

            static HashSet<string> Lines(string? text) =>
                new HashSet<string>((text ?? string.Empty).Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0 && !line.StartsWith("#", StringComparison.Ordinal)), StringComparer.Ordinal);
        }

        // Properties that switch analyzers off or the SDK's imports (where a package's targets come in) when set to false.
        private static readonly string[] AnalysisSwitches =
        {
            "RunAnalyzers", "RunAnalyzersDuringBuild", "EnableNETAnalyzers", "EnforceCodeStyleInBuild", "ImportDirectoryBuildProps",
            "ImportDirectoryBuildTargets", "ImportDirectoryPackagesProps", "ImportProjectExtensionProps", "ImportProjectExtensionTargets",
        };

        // Items that hand the compiler analyzers, their inputs or their settings.
        private static readonly string[] AnalysisItems = { "Analyzer", "AdditionalFiles", "EditorConfigFiles", "GlobalAnalyzerConfigFiles" };

        /// <summary>An element as it is written: its name, attributes and text, with the conditions of the groups it sits in.</summary>
        private static string Written(XElement element)
        {
            var attributes = string.Join(" ", element.Attributes().Select(attribute => $"{attribute.Name.LocalName}='{attribute.Value}'"));
            var groupCondition = element.Parent?.Attribute("Condition")?.Value;
            var text = element.HasElements ? string.Concat(element.Elements().Select(child => child.ToString(SaveOptions.DisableFormatting))) : element.Value.Trim();
            return $"<{element.Name.LocalName}{(attributes.Length > 0 ? " " + attributes : string.Empty)}>{(text.Length > 0 ? text : string.Empty)}"
                + (groupCondition != null ? $" (in a group with Condition='{groupCondition}')" : string.Empty);
        }

        private sealed class Settings
        {
            public HashSet<string> Suppressed { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

            public HashSet<string> AsErrors { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

            public HashSet<string> Switches { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

            public bool ReferencesAgentGuard { get; set; }

            /// <summary>The AgentGuard.Analyzers references as written, to see a condition, asset filter or version change.</summary>
            public HashSet<string> AgentGuardReference { get; } = new HashSet<string>(StringComparer.Ordinal);

            /// <summary>The elements that decide which analyzers run and how, as written.</summary>
            public HashSet<string> Analysis { get; } = new HashSet<string>(StringComparer.Ordinal);

            public bool BuiltinWarningsAsErrors { get; set; }
        }

        private static string Id(string token) => char.IsDigit(token[0]) ? "CS" + token : token.ToUpperInvariant();

        private static Settings MsBuildSettings(byte[]? content, Func<string, bool> guarded)
        {
            var settings = new Settings();
            if (content == null || content.Length == 0)
            {
                return settings;
            }

            var document = XmlFiles.Load(content, ignoreWhitespace: false);
            foreach (var element in document.Descendants())
            {
                var name = element.Name.LocalName;
                var value = element.HasElements ? string.Empty : element.Value.Trim();
                switch (name)
                {
                    case "NoWarn":
                    case "MSBuildWarningsAsMessages":
                    case "WarningsNotAsErrors":
                        settings.Suppressed.UnionWith(DiagnosticId.Matches(value).Cast<Match>().Select(match => Id(match.Value)).Where(guarded));
                        break;
                    case "WarningsAsErrors":
                        settings.AsErrors.UnionWith(DiagnosticId.Matches(value).Cast<Match>().Select(match => Id(match.Value)).Where(guarded));
                        break;
                    case "AgentGuardEnabled":
                    case "AgentGuardBoundaryCheck":
                        if (value.Equals("false", StringComparison.OrdinalIgnoreCase))
                        {
                            settings.Switches.Add(name + " to false");
                        }

                        break;
                    case "AgentGuardExplain":
                    case "BuildingForLiveUnitTesting":
                    case "DesignTimeBuild":
                        // Each makes a command-line build skip checks it would run.
                        if (value.Equals("true", StringComparison.OrdinalIgnoreCase))
                        {
                            settings.Switches.Add(name + " to true");
                        }

                        break;
                    case "AgentGuardBuiltinWarningsAsErrors":
                        settings.BuiltinWarningsAsErrors |= value.Equals("true", StringComparison.OrdinalIgnoreCase);
                        break;
                    case "AgentGuardMode":
                        if (value.Equals("local", StringComparison.OrdinalIgnoreCase))
                        {
                            settings.Switches.Add("AgentGuardMode to local");
                        }

                        break;
                    case "AgentGuardApprove":
                    case "AgentGuardBaseRef":
                    case "AgentGuardRuleFiles":
                    case "AgentGuardManifest":
                    case "AgentGuardRepositoryRoot":
                        if (value.Length > 0)
                        {
                            settings.Switches.Add($"{name} to '{value}'");
                        }

                        break;
                    case "PackageReference":
                    case "PackageVersion":
                    case "GlobalPackageReference":
                        var include = element.Attribute("Include")?.Value ?? element.Attribute("Update")?.Value ?? string.Empty;
                        if (include.Equals("AgentGuard.Analyzers", StringComparison.OrdinalIgnoreCase))
                        {
                            settings.ReferencesAgentGuard |= element.Attribute("Include") != null;
                            settings.AgentGuardReference.Add(Written(element));
                        }

                        break;
                    case "Target":
                        settings.Analysis.Add($"target '{element.Attribute("Name")?.Value}': {Written(element)}");
                        break;
                    case "Import":
                        settings.Analysis.Add("an import: " + Written(element));
                        break;
                    case "CodeAnalysisRuleSet":
                        settings.Analysis.Add(Written(element));
                        break;
                }

                if (element.Parent?.Name.LocalName == "PropertyGroup")
                {
                    if (AnalysisSwitches.Contains(name, StringComparer.OrdinalIgnoreCase) && value.Equals("false", StringComparison.OrdinalIgnoreCase))
                    {
                        settings.Switches.Add(name + " to false");
                    }
                    else if ((name.StartsWith("AnalysisLevel", StringComparison.OrdinalIgnoreCase) || name.StartsWith("AnalysisMode", StringComparison.OrdinalIgnoreCase))
                        && (value.IndexOf("none", StringComparison.OrdinalIgnoreCase) >= 0 || value.IndexOf("minimum", StringComparison.OrdinalIgnoreCase) >= 0))
                    {
                        settings.Switches.Add($"{name} to {value}");
                    }
                }
                else if (element.Parent?.Name.LocalName == "ItemGroup" && AnalysisItems.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    settings.Analysis.Add(Written(element));
                }
            }

            return settings;
        }

        // A severity lowered from what the base branch set, or a new one below warning (the defaults are warning or error).
        private static IReadOnlyList<string> EditorConfig(string? before, string? after, Func<string, bool> guarded)
        {
            var was = Severity(before, guarded);
            var now = Severity(after, guarded);
            var changes = new List<string>();
            foreach (var entry in now)
            {
                if (was.TryGetValue(entry.Key, out var old) ? Rank(entry.Value) < Rank(old) : Rank(entry.Value) < Rank("warning"))
                {
                    changes.Add($"sets {entry.Key} to {entry.Value}" + (old != null ? $" (was {old})" : string.Empty));
                }
            }

            // A severity the base branch raised and the change drops falls back to the default, which may be lower.
            foreach (var entry in was.Where(entry => !now.ContainsKey(entry.Key) && Rank(entry.Value) >= Rank("warning")))
            {
                changes.Add($"drops the {entry.Key} severity (was {entry.Value})");
            }

            return changes;
        }

        private static Dictionary<string, string> Severity(string? text, Func<string, bool> guarded)
        {
            var severities = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (Match match in SeverityLine.Matches(text ?? string.Empty))
            {
                var id = match.Groups[1].Value.ToUpperInvariant();
                if (!guarded(id))
                {
                    continue;
                }

                var value = match.Groups[2].Value.ToLowerInvariant();
                severities[id] = severities.TryGetValue(id, out var other) && Rank(other) < Rank(value) ? other : value;
            }

            return severities;
        }

        private static int Rank(string severity)
        {
            var index = Array.IndexOf(Severities, severity.ToLowerInvariant());
            return index < 0 ? Severities.Length : index;
        }

        // What a rule file enforces, as keys ("bans DateTime.Now", "forbids path deploy/**"), with the rule's line and text.
        private static IReadOnlyList<string> Rules(string? before, string? after)
        {
            var was = Enforced(before);
            var now = Enforced(after);
            var changes = new List<string>();

            // An import the change drops takes every rule of the imported file with it.
            var imports = after == null ? new HashSet<string>() : new HashSet<string>(RuleFileReader.Read(after).Imports.Select(import => import.Path), StringComparer.OrdinalIgnoreCase);
            foreach (var import in before == null ? Enumerable.Empty<RuleImport>() : RuleFileReader.Read(before).Imports)
            {
                if (!imports.Contains(import.Path))
                {
                    changes.Add($"no longer imports @{import.Path} (line {import.Line})");
                }
            }

            foreach (var entry in was)
            {
                if (!now.TryGetValue(entry.Key, out var current))
                {
                    changes.Add($"no longer {entry.Key} (line {entry.Value.Line}: \"{entry.Value.Text}\")");
                }
                else if (current.Softer && !entry.Value.Softer)
                {
                    changes.Add($"only warns where it {entry.Key} (line {current.Line}: \"{current.Text}\")");
                }
            }

            return changes;
        }

        private static Dictionary<string, (int Line, string Text, bool Softer)> Enforced(string? text)
        {
            var keys = new Dictionary<string, (int, string, bool)>(StringComparer.Ordinal);
            if (text == null)
            {
                return keys;
            }

            foreach (var rule in RuleFileReader.Read(text).Rules.Where(rule => !rule.Ignored && !rule.IsGuidance))
            {
                var softer = rule.EffectiveSeverity == RuleSeverity.Warning || rule.EffectiveSeverity == RuleSeverity.Info;
                var ruleKeys = rule.BannedTargets.Select(target => "bans " + target)
                    .Concat(rule.Constructs.Select(construct => "bans " + construct))
                    .Concat(rule.Paths.Select(path => path.Kind switch
                    {
                        PathRuleKind.Forbidden => "forbids " + path.Glob,
                        PathRuleKind.Approval => "gates " + path.Glob,
                        PathRuleKind.Generated => "marks " + path.Glob + " as generated",
                        _ => "asks for tests in " + path.TestsGlob + " with " + path.Glob,
                    }))
                    .Concat(rule.Dependencies.Select(dependency => "forbids the dependency " + dependency))
                    .Concat(rule.Builtins.Select(builtin => "escalates " + builtin))
                    .Concat(rule.Styles.SelectMany(style => style.Ids.Select(id => "switches on " + id)));
                foreach (var key in ruleKeys)
                {
                    keys[key] = (rule.Line, rule.Text, softer);
                }

                // A style rule's own wording decides its severity ("prefer" warns): one that now only warns is softer too.
                foreach (var style in rule.Styles.Where(style => style.Severity == RuleSeverity.Warning))
                {
                    foreach (var id in style.Ids)
                    {
                        keys["switches on " + id] = (rule.Line, rule.Text, true);
                    }
                }
            }

            return keys;
        }

        private static IReadOnlyList<string> Manifest(string? before, string? after)
        {
            var was = before == null ? null : ManifestReader.Read(before).Manifest;
            var now = after == null ? null : ManifestReader.Read(after).Manifest;
            if (was == null)
            {
                return Array.Empty<string>();
            }

            if (now == null)
            {
                return new[] { after == null ? "deletes the manifest" : "makes the manifest invalid" };
            }

            var changes = new List<string>();
            void Compare(string section, IEnumerable<string> old, IEnumerable<string> current)
            {
                foreach (var removed in old.Except(current, StringComparer.Ordinal))
                {
                    changes.Add($"removes the {section} entry \"{removed}\"");
                }
            }

            Compare("forbidden", was.Forbidden.Select(entry => entry.Text), now.Forbidden.Select(entry => entry.Text));
            Compare("approval", was.Approval.Select(entry => entry.Text), now.Approval.Select(entry => entry.Text));
            Compare("generated", was.Generated.Select(entry => entry.Text), now.Generated.Select(entry => entry.Text));
            Compare("tests", was.Tests.Select(test => test.SourceText + " -> " + test.TestsText + " (" + test.Match.ToString().ToLowerInvariant() + ")"), now.Tests.Select(test => test.SourceText + " -> " + test.TestsText + " (" + test.Match.ToString().ToLowerInvariant() + ")"));
            if (was.DependenciesNeedApproval && !now.DependenciesNeedApproval)
            {
                changes.Add("turns the dependency check off");
            }

            if (was.BaseRef != now.BaseRef)
            {
                changes.Add($"changes baseRef to \"{now.BaseRef ?? "(default)"}\"");
            }

            return changes;
        }
    }
}
