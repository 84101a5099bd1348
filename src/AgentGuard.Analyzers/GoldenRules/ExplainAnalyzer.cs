using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AgentGuard.Analyzers.RuleFiles;
using AgentGuard.Policy;
using AgentGuard.Policy.Explain;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AgentGuard.Analyzers.GoldenRules
{
    /// <summary>
    /// AG0010, in the compilation that <c>dotnet build -t:AgentGuardExplain</c> runs: one diagnostic per golden rule, on
    /// its line, whose message is JSON saying how the rule is enforced in this project (the symbols it resolved to, or
    /// "not present in this project"; constructs, dependencies, paths, built-in checks, severity, scope) or why it is
    /// guidance only. The explain task reads them from the compiler's error log. Outside that compilation it is silent.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ExplainAnalyzer : GoldenRuleAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.RuleExplanation);

        /// <inheritdoc />
        private protected override bool ForExplain => true;

        /// <inheritdoc />
        private protected override void Register(CompilationStartAnalysisContext context, RuleContext rules)
        {
            var resolver = new RuleTargetResolver(context.Compilation);
            context.RegisterAdditionalFileAction(file => Explain(file, rules, resolver));
        }

        private static void Explain(AdditionalFileAnalysisContext context, RuleContext rules, RuleTargetResolver resolver)
        {
            foreach (var file in rules.Files.Where(f => f.File.Path == context.AdditionalFile.Path))
            {
                // Where the file applies, once per file: files without rules are listed too.
                var notApplied = NotAppliedBecause(file, context.Compilation);
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.RuleExplanation,
                    file.LocationOfLine(1),
                    DiagnosticSeverity.Info,
                    additionalLocations: null,
                    properties: null,
                    new ExplainFileRecord(file.DisplayPath, RuleFileKinds.Describe(file.Kind), file.Scope.ToString(), file.ScopeFolder, notApplied).ToJson()));

                foreach (var item in file.Rules.OtherItems)
                {
                    // Nothing of the file disappears: an item that is no rule is listed with its line too.
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.RuleExplanation,
                        file.LocationOfLine(item.Line),
                        DiagnosticSeverity.Info,
                        additionalLocations: null,
                        properties: null,
                        new ExplainItemRecord(file.DisplayPath, item.Line, item.Text).ToJson()));
                }

                // The options the compiler ends up with for one file the rules cover: a style rule the project's own
                // .editorconfig or .globalconfig sets otherwise is overridden there.
                var tree = context.Compilation.SyntaxTrees.FirstOrDefault(t => file.Covers(t.FilePath));
                foreach (var rule in file.Rules.Rules)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.RuleExplanation,
                        file.LocationOf(rule),
                        DiagnosticSeverity.Info,
                        additionalLocations: null,
                        properties: null,
                        Describe(file, rule, resolver, notApplied, new EffectiveOptions(context.Compilation, context.Options, tree, context.CancellationToken))));
                }
            }
        }

        /// <summary>Why none of the file's rules reach this project's code, or null when they do.</summary>
        private static string? NotAppliedBecause(LoadedRuleFile file, Compilation compilation)
        {
            if (file.Scope.Application == RuleFileApplication.OnRequest)
            {
                return file.Scope.Reason;
            }

            if (file.Scope.Application == RuleFileApplication.Globs && !compilation.SyntaxTrees.Any(tree => file.Covers(tree.FilePath)))
            {
                return $"the file applies to {file.Scope}, and no file of this project matches: it does not apply to this project";
            }

            return null;
        }

        private static string Describe(LoadedRuleFile file, GoldenRule rule, RuleTargetResolver resolver, string? notApplied, EffectiveOptions effective)
        {
            // A scoped file that matches no C# file of the project still guards the paths it matches in a change.
            var inCode = rule.IsEnforcedInCode || rule.IsEnforcedByStyle;
            var enforcement = notApplied != null ? (file.Scope.Application == RuleFileApplication.Globs && rule.IsEnforcedOnPaths ? "paths" : "guidance") : inCode ? (rule.IsEnforcedOnPaths ? "code and paths" : "code") : rule.IsEnforcedOnPaths ? "paths" : "guidance";
            var record = new ExplainRuleRecord(
                file.DisplayPath,
                rule.Line,
                rule.Text,
                enforcement,
                Severity(rule),
                new ExplainScope(rule.Scope.Tests switch { TestScope.TestsOnly => "tests", TestScope.ProductionOnly => "production", _ => "all" }, rule.Scope.Paths.ToList(), file.ScopeFolder),
                enforcement == ExplainKeys.GuidanceOnly ? notApplied ?? rule.GuidanceReason : null);
            foreach (var target in rule.BannedTargets)
            {
                var resolution = resolver.Resolve(target);
                record.Symbols.Add(new ExplainSymbol(
                    target.Text,
                    target.IsConstruction,
                    resolution.Problem != null ? "not enforced: " + resolution.Problem : resolution.Symbols.Count == 0 ? "not present in this project" : ExplainKeys.Enforced,
                    resolution.Symbols.Select(symbol => DocumentationCommentId.CreateDeclarationId(symbol) ?? symbol.ToDisplayString()).ToList()));
            }

            record.Constructs.AddRange(rule.Constructs.Select(c => c.ToString()));
            record.Dependencies.AddRange(rule.Dependencies.Select(dependency => new ExplainDependency(dependency.From, dependency.To)));
            record.Paths.AddRange(rule.Paths.Select(path => new ExplainPath(
                path.Glob,
                path.Kind switch { PathRuleKind.Forbidden => "forbidden", PathRuleKind.Approval => "approval", PathRuleKind.Generated => "generated", _ => ExplainKeys.TestsKind },
                path.TestsGlob)));
            foreach (var style in rule.Styles)
            {
                var overridden = effective.Overridden(style, rule);
                record.Styles.Add(new ExplainStyle(
                    style.Name,
                    style.Ids.ToList(),
                    rule.Severity != RuleSeverity.Default ? Severity(rule) : style.Severity == RuleSeverity.Warning ? "warning" : "error",
                    style.Describe(),
                    style.Options.Select(option => new KeyValuePair<string, string?>(option.Key, option.Value)).ToList(),
                    overridden is { } found ? new KeyValuePair<string, string?>(found.Key, found.Value) : null));
            }

            record.Builtins.AddRange(rule.Builtins);
            record.Problems.AddRange(rule.Problems.Select(p => p.Message));
            return record.ToJson();
        }

        private static string Severity(GoldenRule rule) =>
            rule.EffectiveSeverity switch
            {
                RuleSeverity.Warning => "warning",
                RuleSeverity.Info => "info",
                _ => "error",
            };
    }
}
