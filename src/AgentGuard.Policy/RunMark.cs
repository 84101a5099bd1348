using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace AgentGuard.Policy
{
    /// <summary>A finding whose severity a compilation lowers below its default, and the kind of setting that does.</summary>
    public sealed class LoweredSeverity
    {
        public LoweredSeverity(string id, string severity, string source)
        {
            Id = id;
            Severity = severity;
            Source = source;
        }

        /// <summary>The finding's ID (AG0001), or a style rule's (IDE0008).</summary>
        public string Id { get; }

        /// <summary>The severity it is lowered to, as analyzer config writes it (none, silent, suggestion, warning).</summary>
        public string Severity { get; }

        /// <summary>The kind of setting: one of <see cref="RunMark"/>'s sources.</summary>
        public string Source { get; }

        /// <summary>True when a category's or all analyzers' severity lowers it, not a setting that names the ID.</summary>
        public bool IsBulk => Source == RunMark.ByCategory || Source == RunMark.ForAllAnalyzers;

        public override string ToString() => $"{Id}={Severity} ({Source})";
    }

    /// <summary>
    /// What the run mark (AG0014) says beyond "the analyzers ran": the lowered severities, written by the analyzer and
    /// read back by the build after compiling.
    /// </summary>
    public static class RunMark
    {
        /// <summary>What the mark's message says before the lowered severities.</summary>
        public const string LoweredPrefix = "; severities lowered: ";

        /// <summary>A source: the compiler's options (NoWarn, /nowarn, a rule set).</summary>
        public const string CompilerOptions = "compiler options";

        /// <summary>A source: an analyzer config setting that names the ID (an .editorconfig section, a global config).</summary>
        public const string AnalyzerConfig = "analyzer config";

        /// <summary>A source: a category's severity (<c>dotnet_analyzer_diagnostic.category-X.severity</c>).</summary>
        public const string ByCategory = "analyzer config by category";

        /// <summary>A source: all analyzers' severity (<c>dotnet_analyzer_diagnostic.severity</c>).</summary>
        public const string ForAllAnalyzers = "analyzer config for all analyzers";

        private static readonly Regex Entry = new Regex(@"\b(?<id>[A-Za-z]+\d+)=(?<severity>[a-z]+) \((?<source>[^()]*)\)", RegexOptions.CultureInvariant);

        /// <summary>The message argument for <paramref name="lowered"/>: empty when nothing is lowered.</summary>
        public static string Format(IReadOnlyCollection<LoweredSeverity> lowered) =>
            lowered.Count == 0 ? string.Empty : LoweredPrefix + string.Join(", ", lowered);

        /// <summary>The lowered severities a mark's message names.</summary>
        public static IReadOnlyList<LoweredSeverity> Parse(string message)
        {
            var start = message.IndexOf(LoweredPrefix, System.StringComparison.Ordinal);
            return start < 0
                ? new LoweredSeverity[0]
                : Entry.Matches(message.Substring(start)).Cast<Match>()
                    .Select(match => new LoweredSeverity(match.Groups["id"].Value, match.Groups["severity"].Value, match.Groups["source"].Value))
                    .ToList();
        }
    }
}
