using System;
using System.Collections.Generic;
using System.Linq;
using AgentGuard.Build.Git;
using AgentGuard.Policy;

namespace AgentGuard.Build.Boundaries.Checks
{
    /// <summary>AG2004: source changed without the tests its manifest entry or golden rule requires. Generated files are left out.</summary>
    internal sealed class MissingTestsCheck : IBoundaryRuleCheck
    {
        public string Id => DiagnosticIds.MissingTests;

        public void Run(BoundaryCheckContext context)
        {
            var pairings = TestPairings(context).ToList();
            if (pairings.Count == 0)
            {
                return;
            }

            var testsOf = pairings.ToDictionary(pairing => pairing, pairing => TestsOf(pairing, context));
            var testFiles = new HashSet<string>(StringComparer.Ordinal);
            foreach (var pairing in pairings)
            {
                testFiles.UnionWith(testsOf[pairing].Select(match => BoundaryCheckContext.Join(pairing.Folder, match)));
            }

            foreach (var pairing in pairings)
            {
                var tests = testsOf[pairing];
                foreach (var source in pairing.Source.Matches(context.Existing, pairing.Folder))
                {
                    var path = BoundaryCheckContext.Join(pairing.Folder, source);
                    if (testFiles.Contains(path) || context.GeneratedPaths.Contains(path) || (pairing.Rule != null && !pairing.Rule.Covers(path)))
                    {
                        continue;
                    }

                    string? missing = null;
                    if (pairing.Match == TestMatch.Any && tests.Count == 0)
                    {
                        missing = $"no changed file matches \"{pairing.TestsText}\"";
                    }
                    else if (pairing.Match == TestMatch.Name)
                    {
                        var name = GitPath.FileNameWithoutExtension(source);
                        if (!tests.Any(test => GitPath.FileName(test).IndexOf(name, StringComparison.OrdinalIgnoreCase) >= 0))
                        {
                            missing = $"no changed file under \"{pairing.TestsText}\" has '{name}' in its name";
                        }
                    }

                    if (missing != null && context.Claim(Id, path))
                    {
                        context.Findings.Add(new BoundaryFinding(
                            Id,
                            path,
                            $"'{path}' changed without its tests: {missing} ({pairing.Cite}). Add or update a test, or have a reviewer approve with AgentGuardApprove.",
                            approvalPath: context.RelativeToManifest(path) ?? path));
                    }
                }
            }
        }

        /// <summary>The changed files that count as the pairing's tests, relative to its folder.</summary>
        private static IReadOnlyList<string> TestsOf(TestPairing pairing, BoundaryCheckContext context) =>
            pairing.TestsText == PathRule.AnyTests
                // "Add tests for your changes" names no folder: any changed file whose path names a test counts
                // (tests/, Shop.Tests/, Shop.Specs/, OrderTests.cs beside its source).
                ? PathGlob.Parse("**").Matches(context.Existing, pairing.Folder).Where(PathRule.NamesTest).ToList()
                : pairing.Tests.Matches(context.Existing, pairing.Folder);

        private static IEnumerable<TestPairing> TestPairings(BoundaryCheckContext context)
        {
            foreach (var requirement in context.Manifest.Tests)
            {
                var reason = requirement.Reason != null ? ": " + requirement.Reason.TrimEnd('.') : string.Empty;
                yield return new TestPairing(requirement.Source, requirement.Tests, requirement.TestsText, requirement.Match, context.ManifestFolder, $"{context.ManifestName} line {requirement.Line}, \"{requirement.SourceText}\" needs \"{requirement.TestsText}\"{reason}", null);
            }

            foreach (var rule in context.PathRules.Where(rule => rule.Rule.Kind == PathRuleKind.Tests && rule.Rule.TestsGlob != null))
            {
                yield return new TestPairing(rule.Glob, PathGlob.Parse(rule.Rule.TestsGlob!), rule.Rule.TestsGlob!, TestMatch.Any, rule.Folder, $"{rule.RuleFile} line {rule.Line}: \"{rule.Text}\"", rule);
            }
        }

        /// <summary>A source glob whose changes need changes to a tests glob: a manifest <c>tests</c> entry, or a golden rule's.</summary>
        private sealed class TestPairing
        {
            public TestPairing(PathGlob source, PathGlob tests, string testsText, TestMatch match, string folder, string cite, PathRuleSource? rule)
            {
                Source = source;
                Tests = tests;
                TestsText = testsText;
                Match = match;
                Folder = folder;
                Cite = cite;
                Rule = rule;
            }

            public PathGlob Source { get; }

            public PathGlob Tests { get; }

            public string TestsText { get; }

            public TestMatch Match { get; }

            /// <summary>The folder the globs are relative to, relative to the repository root.</summary>
            public string Folder { get; }

            /// <summary>Where it is written and what it asks: the manifest's line and globs, or the golden rule's file, line and text.</summary>
            public string Cite { get; }

            public PathRuleSource? Rule { get; }
        }
    }
}
