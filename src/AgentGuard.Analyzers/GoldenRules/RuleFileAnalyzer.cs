using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AgentGuard.Analyzers.RuleFiles;
using AgentGuard.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AgentGuard.Analyzers.GoldenRules
{
    /// <summary>
    /// Reports, on the rule file itself, what keeps a rule from being enforced as written: AG0011 for a file that cannot
    /// be read or a target that is too imprecise to enforce (a member without its type), AG0012 for an annotation that
    /// does not parse. Symbol ambiguity needs the compilation and is reported by <see cref="BannedSymbolAnalyzer"/>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RuleFileAnalyzer : GoldenRuleAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.UnresolvableRuleTarget, Descriptors.MalformedAnnotation);

        /// <inheritdoc />
        private protected override void Register(CompilationStartAnalysisContext context, RuleContext rules) =>
            context.RegisterAdditionalFileAction(fileContext => Report(fileContext, rules));

        /// <summary>As the style config is written: a rule "in tests" in test projects only, and so on.</summary>
        private static bool AppliesHere(GoldenRule rule, StyleMapping style, bool isTest) =>
            rule.Scope.Tests switch
            {
                TestScope.TestsOnly => isTest,
                TestScope.ProductionOnly => !isTest,
                _ => !(isTest && style.ProductionByDefault),
            } && rule.Scope.Paths.Count == 0;

        /// <summary>What the project switched off that style rules need, with why the rule is then not enforced in builds.</summary>
        private static List<(StyleRequirement Requirement, string Why)> UnmetStyleRequirements(AnalyzerOptions options)
        {
            var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
            bool Is(string property, string value) => global.TryGetValue("build_property." + property, out var set) && string.Equals(set.Trim(), value, System.StringComparison.OrdinalIgnoreCase);
            var unmet = new List<(StyleRequirement, string)>();
            if (Is("AgentGuardProjectEnforceCodeStyleInBuild", "false"))
            {
                unmet.Add((StyleRequirement.CodeStyle, "the project sets EnforceCodeStyleInBuild to false, so builds do not run the code-style analyzers: the rule is enforced in the IDE only. Remove the setting or set it to true"));
            }

            if (Is("AgentGuardProjectEnableNETAnalyzers", "false"))
            {
                unmet.Add((StyleRequirement.NetAnalyzers, "the project sets EnableNETAnalyzers to false, so the CA rules do not run: the rule is not enforced. Remove the setting or set it to true"));
            }

            if (global.TryGetValue("build_property.GenerateDocumentationFile", out var docs) && !string.Equals(docs.Trim(), "true", System.StringComparison.OrdinalIgnoreCase)
                && !(global.TryGetValue("build_property.DocumentationFile", out var file) && file.Trim().Length > 0))
            {
                unmet.Add((StyleRequirement.DocumentationFile, "the project does not set GenerateDocumentationFile to true, and the compiler checks documentation comments only when it writes a documentation file: the rule is not enforced. Set <GenerateDocumentationFile>true</GenerateDocumentationFile>"));
            }

            return unmet;
        }

        private static void Report(AdditionalFileAnalysisContext context, RuleContext rules)
        {
            foreach (var file in rules.Files)
            {
                if (file.File.Path != context.AdditionalFile.Path)
                {
                    continue;
                }

                if (file.Rules.ReadError is { } error)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.UnresolvableRuleTarget,
                        file.LocationOfLine(1),
                        $"{file.DisplayPath} could not be read ({error}); none of its rules are enforced"));
                }

                foreach (var problem in file.Scope.Problems)
                {
                    // What of the front matter was ignored: the file is read all the same, with the scope it could read.
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.UnresolvableRuleTarget,
                        file.LocationOfLines(problem.Line, problem.EndLine),
                        $"{file.DisplayPath} {problem.Lines}: {problem.Reason}; the file applies to {file.Scope}"));
                }

                foreach (var problem in file.Rules.Problems)
                {
                    // One unreadable part costs only itself: the message says so, so nobody deletes the whole file.
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.UnresolvableRuleTarget,
                        file.LocationOfLines(problem.Line, problem.EndLine),
                        $"{file.DisplayPath} {problem.Lines} could not be read ({problem.Reason}); a rule written there is not enforced, the file's other rules are"));
                }

                foreach (var import in file.Rules.Imports)
                {
                    var imported = file.PathOf(import);
                    // Any additional file counts, with rules or without ("See @README.md" imports a file that has none).
                    if (!rules.Files.Any(other => RuleFileCollector.PathsEqual(other.SourcePath, imported))
                        && !context.Options.AdditionalFiles.Any(other => RuleFileCollector.PathsEqual(other.Path, imported)))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.UnresolvableRuleTarget,
                            file.LocationOfLine(import.Line),
                            $"{file.DisplayPath} imports '@{import.Path}', which was not found (imports are followed five levels deep, relative to the importing file); its rules are not enforced"));
                    }
                }

                var unmet = UnmetStyleRequirements(context.Options);
                foreach (var rule in file.Rules.Rules)
                {
                    foreach (var style in rule.Styles.Where(style => AppliesHere(rule, style, rules.IsTestProject)))
                    {
                        foreach (var (requirement, why) in unmet)
                        {
                            if (style.Requirement.HasFlag(requirement))
                            {
                                context.ReportDiagnostic(Diagnostic.Create(
                                    Descriptors.UnresolvableRuleTarget,
                                    file.LocationOf(rule),
                                    $"{file.DisplayPath} line {rule.Line} maps to {string.Join(", ", style.Ids)} ({style.Name}), but {why}"));
                            }
                        }
                    }

                    foreach (var problem in rule.Problems)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(
                            problem.Kind == RuleProblemKind.MalformedAnnotation ? Descriptors.MalformedAnnotation : Descriptors.UnresolvableRuleTarget,
                            file.LocationOf(rule),
                            problem.Message));
                    }
                }
            }
        }
    }
}
