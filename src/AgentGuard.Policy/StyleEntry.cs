using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace AgentGuard.Policy
{
    /// <summary>
    /// One row of <see cref="StyleTable"/>: the wording that names a style rule, the diagnostic IDs and options it maps to,
    /// and the examples that prove the wording (<see cref="Reads"/> must map to this entry, <see cref="Ignores"/> must not).
    /// </summary>
    public sealed class StyleEntry
    {
        internal StyleEntry(string name, string pattern, string[] ids, string[] options, string[] reads, string[] ignores, string? allowed = null, bool positive = true)
        {
            Name = name;
            Pattern = new TieredRegex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            Ids = ids;
            Options = options.Select(option => option.Split(new[] { '=' }, 2)).Select(pair => new KeyValuePair<string, string>(pair[0].Trim(), pair[1].Trim())).ToArray();
            Reads = reads;
            Ignores = ignores;
            Allowed = allowed == null ? null : new TieredRegex(allowed, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            Positive = positive;
            Requirement = ids.Aggregate(StyleRequirement.None, (requirement, id) => requirement | RequirementOf(id));
        }

        /// <summary>What the rule asks for, in a few words.</summary>
        public string Name { get; }

        /// <summary>The diagnostic IDs the rule switches on.</summary>
        public IReadOnlyList<string> Ids { get; }

        /// <summary>The options it sets.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Options { get; }

        /// <summary>Wordings the entry must read, in the styles real rule files use.</summary>
        public IReadOnlyList<string> Reads { get; }

        /// <summary>Look-alike wordings the entry must not read.</summary>
        public IReadOnlyList<string> Ignores { get; }

        /// <summary>What the build needs to run the entry's analyzers.</summary>
        public StyleRequirement Requirement { get; }

        /// <summary>The pattern, for the docs.</summary>
        public string PatternText => Pattern.ToString();

        internal TieredRegex Pattern { get; }

        /// <summary>Limits the analyzer applies by itself ("`this.` unless necessary"): no condition of the rule's own.</summary>
        internal TieredRegex? Allowed { get; }

        /// <summary>True when the entry asks for something, so a negation before its words ("do not use X") rules it out.</summary>
        internal bool Positive { get; }

        /// <summary>
        /// True when the entry leaves test projects alone unless the rule names tests: test methods are named for their
        /// behaviour ("Returns_the_total"), not with the <c>Async</c> suffix a rule about async methods asks of the code, and
        /// a test project's public classes are no API that needs XML docs.
        /// </summary>
        public bool ProductionByDefault =>
            Options.Any(option => option.Key.StartsWith("dotnet_naming_rule.agentguard_async", StringComparison.Ordinal)) || Ids.Contains("CS1591");

        private static StyleRequirement RequirementOf(string id) =>
            id.StartsWith("IDE", StringComparison.Ordinal) ? (id == "IDE0005" ? StyleRequirement.CodeStyle | StyleRequirement.DocumentationFile : StyleRequirement.CodeStyle)
            : id.StartsWith("CA", StringComparison.Ordinal) ? StyleRequirement.NetAnalyzers
            : id == "CS1591" ? StyleRequirement.DocumentationFile
            : StyleRequirement.None;
    }
}
