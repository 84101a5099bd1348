using System;
using System.Collections.Generic;
using System.Linq;

namespace AgentGuard.Policy
{
    /// <summary>What an SDK analyzer needs before the build runs it.</summary>
    [Flags]
    public enum StyleRequirement
    {
        /// <summary>Nothing beyond the compiler.</summary>
        None = 0,

        /// <summary>The code-style analyzers (IDE rules), which builds run only with <c>EnforceCodeStyleInBuild</c>.</summary>
        CodeStyle = 1,

        /// <summary>The .NET analyzers (CA rules), on by default from .NET 5, off for .NET Standard and .NET Framework.</summary>
        NetAnalyzers = 2,

        /// <summary>A documentation file (<c>GenerateDocumentationFile</c>): CS1591, and IDE0005 in builds.</summary>
        DocumentationFile = 4,
    }

    /// <summary>
    /// A style rule enforced through the analyzers that already check it: the diagnostic IDs the rule switches on, at the
    /// rule's severity, and the options that say which way ("use `var`" and "never use `var`" set opposite values). The
    /// package writes them to <c>obj/agentguard/agentguard.globalconfig</c>; <c>docs/style-rules.md</c> lists the table.
    /// </summary>
    public sealed class StyleMapping
    {
        internal StyleMapping(StyleEntry entry, RuleSeverity severity, IReadOnlyList<KeyValuePair<string, string>> options)
        {
            Name = entry.Name;
            Ids = entry.Ids;
            Options = options;
            Severity = severity;
            Requirement = entry.Requirement;
            ProductionByDefault = entry.ProductionByDefault;
        }

        /// <summary>True when the mapping leaves test projects alone unless its rule names tests (<see cref="StyleEntry.ProductionByDefault"/>).</summary>
        public bool ProductionByDefault { get; }

        /// <summary>The table entry's name ("explicit types instead of var").</summary>
        public string Name { get; }

        /// <summary>The diagnostic IDs the rule switches on.</summary>
        public IReadOnlyList<string> Ids { get; }

        /// <summary>The analyzer options the rule sets, in order.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Options { get; }

        /// <summary>Error for a plain rule; warning for one that says "prefer" or leaves a way out.</summary>
        public RuleSeverity Severity { get; }

        /// <summary>What the build needs to run the analyzers of <see cref="Ids"/>.</summary>
        public StyleRequirement Requirement { get; }

        /// <summary>The severity as analyzer config writes it.</summary>
        public string SeverityName => Severity == RuleSeverity.Warning ? "warning" : Severity == RuleSeverity.Info ? "suggestion" : "error";

        /// <summary>"IDE0008 (error): csharp_style_var_elsewhere = false, ...", as explain prints it.</summary>
        public string Describe() =>
            string.Join(", ", Ids) + " (" + (Severity == RuleSeverity.Warning ? "warning" : Severity == RuleSeverity.Info ? "info" : "error") + ")"
            + (Options.Count == 0 ? string.Empty : ": " + string.Join(", ", Options.Select(option => option.Key + " = " + option.Value)));

        /// <inheritdoc />
        public override string ToString() => Describe();
    }
}
