using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace AgentGuard.Build.Boundaries
{
    /// <summary>
    /// The files that decide what is enforced: the manifest, the golden-rule files, the review ledger, the baseline, analyzer
    /// configuration (.editorconfig, .globalconfig), MSBuild's shared files (Directory.Build.*, Directory.Packages.props),
    /// and what decides packages and SDK (nuget.config, global.json). In CI a change to one is a finding of its own (AG2006).
    /// </summary>
    internal sealed class GuardFiles
    {
        private const string RuleFile = "a golden-rule file";

        private static readonly string[] Names = { "Directory.Packages.props", "nuget.config", "global.json" };

        private readonly HashSet<string> _paths;

        /// <param name="manifest">The manifest, relative to the repository root.</param>
        /// <param name="ledger">The review ledger, relative to the repository root.</param>
        /// <param name="ruleFiles">The golden-rule files the build reads (with their imports), relative to the repository root.</param>
        public GuardFiles(string manifest, string ledger, IEnumerable<string> ruleFiles)
        {
            RuleFiles = ruleFiles.ToList();
            _paths = new HashSet<string>(new[] { manifest, ledger, ".github/copilot-instructions.md" }.Concat(RuleFiles), StringComparer.OrdinalIgnoreCase);
        }

        /// <summary>The golden-rule files the build reads, relative to the repository root.</summary>
        public IReadOnlyList<string> RuleFiles { get; }

        /// <summary>True when <paramref name="path"/> is a golden-rule file or a file one imports.</summary>
        public bool IsRuleFile(string path) => Why(path) == RuleFile;

        /// <summary>Why <paramref name="path"/> (relative to the repository root) is a guard file, or null when it is not.</summary>
        public string? Why(string path)
        {
            var name = GitPath.FileName(path);
            if (path.Equals(Policy.Baseline.DefaultPath, StringComparison.OrdinalIgnoreCase))
            {
                return "the baseline of kept findings";
            }

            if (_paths.Contains(path))
            {
                return path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "the boundary manifest" : path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) ? "the review ledger" : RuleFile;
            }

            if (name.Equals("CLAUDE.md", StringComparison.OrdinalIgnoreCase) || name.Equals("AGENTS.md", StringComparison.OrdinalIgnoreCase))
            {
                return RuleFile;
            }

            if (name.StartsWith("Directory.Build.", StringComparison.OrdinalIgnoreCase))
            {
                return "MSBuild settings shared by every project";
            }

            if (IsCiConfiguration(path, name))
            {
                return "CI configuration: a workflow that runs the build can drop the check";
            }

            if (name.Equals(".editorconfig", StringComparison.OrdinalIgnoreCase) || name.Equals(".globalconfig", StringComparison.OrdinalIgnoreCase))
            {
                return "analyzer configuration";
            }

            return Names.Contains(name, StringComparer.OrdinalIgnoreCase) ? "package and SDK configuration" : null;
        }

        /// <summary>GitHub Actions workflows, Azure Pipelines and GitLab CI definitions.</summary>
        private static bool IsCiConfiguration(string path, string name) =>
            path.StartsWith(".github/workflows/", StringComparison.OrdinalIgnoreCase)
            || (name.StartsWith("azure-pipelines", StringComparison.OrdinalIgnoreCase) && (name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)))
            || name.Equals(".gitlab-ci.yml", StringComparison.OrdinalIgnoreCase);
    }
}
