using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using AgentGuard.Analyzers.RuleFiles;
using AgentGuard.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AgentGuard.Analyzers.GoldenRules
{
    /// <summary>
    /// The golden rules of one compilation and where each applies: a nested rule file to the code under its folder,
    /// "in tests" / "in production code" to test or other projects, "in `src/Domain/**`" to the matching files.
    /// </summary>
    internal sealed class RuleContext
    {
        // Test frameworks, and the assertion, mocking and benchmarking libraries that test-support projects reference.
        private static readonly string[] TestFrameworkAssemblies =
        {
            "xunit.core", "xunit.v3.core", "xunit.assert", "xunit.extensibility.core", "nunit.framework", "Microsoft.VisualStudio.TestPlatform.TestFramework",
            "MSTest.TestFramework", "TUnit.Core", "FluentAssertions", "Shouldly", "Moq", "NSubstitute", "FakeItEasy", "BenchmarkDotNet",
        };

        private static readonly string[] TestProjectSuffixes =
        {
            ".Tests", ".Test", ".UnitTests", ".IntegrationTests", ".FunctionalTests", ".Specs", ".Testing", ".TestUtilities", ".TestHelpers", ".Benchmarks",
        };

        // Keyed by the options too: an editor may keep a compilation when only a rule file (an additional file) changed.
        private static readonly ConditionalWeakTable<Compilation, ConditionalWeakTable<AnalyzerOptions, StrongBox<RuleContext?>>> Shared =
            new ConditionalWeakTable<Compilation, ConditionalWeakTable<AnalyzerOptions, StrongBox<RuleContext?>>>();

        private readonly Dictionary<(LoadedRuleFile, GoldenRule), PathGlob[]> _scopeGlobs = new Dictionary<(LoadedRuleFile, GoldenRule), PathGlob[]>();

        private RuleContext(IReadOnlyList<LoadedRuleFile> files, bool isTestProject)
        {
            Files = files;
            IsTestProject = isTestProject;
            foreach (var file in files)
            {
                foreach (var rule in file.Rules.Rules.Where(rule => rule.Scope.Paths.Count > 0))
                {
                    _scopeGlobs[(file, rule)] = rule.Scope.Paths.Select(PathGlob.Parse).ToArray();
                }
            }
        }

        public IReadOnlyList<LoadedRuleFile> Files { get; }

        /// <summary>True for a test project: <c>IsTestProject</c>, or a reference to a test framework.</summary>
        public bool IsTestProject { get; }

        /// <summary>The rules of the compilation, or null when AgentGuard is off or there are no rule files.</summary>
        public static RuleContext? Create(Compilation compilation, AnalyzerOptions options, RuleFileCollector.CachedParse parse, System.Threading.CancellationToken cancellationToken, bool forExplain = false)
        {
            // The explain compilation reports explanations only, so a project that breaks its rules can still be explained.
            if (!AnalyzerSettings.IsEnabled(options) || AnalyzerSettings.IsExplaining(options) != forExplain)
            {
                return null;
            }

            // One context per compilation, shared by every analyzer that asks (thirteen of them in a build).
            return Shared.GetValue(compilation, _ => new ConditionalWeakTable<AnalyzerOptions, StrongBox<RuleContext?>>()).GetValue(options, _ =>
            {
                var files = RuleFileCollector.Collect(options, parse, cancellationToken);
                return new StrongBox<RuleContext?>(files.Count == 0 ? null : new RuleContext(files, IsTest(compilation, options)));
            }).Value;
        }

        /// <summary>True when <paramref name="rule"/> of <paramref name="file"/> applies to the code in <paramref name="tree"/>.</summary>
        public bool Applies(LoadedRuleFile file, GoldenRule rule, SyntaxTree tree)
        {
            if (!file.Covers(tree.FilePath))
            {
                return false;
            }

            switch (rule.Scope.Tests)
            {
                case TestScope.TestsOnly when !IsTestProject:
                case TestScope.ProductionOnly when IsTestProject:
                    return false;
            }

            if (!_scopeGlobs.TryGetValue((file, rule), out var globs))
            {
                return true;
            }

            var relative = PathGlob.RelativeTo(file.Folder, tree.FilePath);
            return relative != null && globs.Any(glob => glob.IsMatch(relative));
        }

        /// <summary>True for a test project: <c>IsTestProject</c>, or a reference to a test framework.</summary>
        internal static bool IsTest(Compilation compilation, AnalyzerOptions options)
        {
            if (options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property.IsTestProject", out var isTest)
                && string.Equals(isTest.Trim(), "true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            var assembly = compilation.AssemblyName ?? string.Empty;
            return TestProjectSuffixes.Any(suffix => assembly.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                || (Builtins.TestFrameworks.References(compilation, TestFrameworkAssemblies)
                    ?? compilation.ReferencedAssemblyNames.Any(name => TestFrameworkAssemblies.Contains(name.Name, StringComparer.OrdinalIgnoreCase)));
        }
    }
}
