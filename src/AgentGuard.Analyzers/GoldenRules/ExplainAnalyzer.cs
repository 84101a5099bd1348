using System.Collections.Immutable;
using System.Linq;
using AgentGuard.Analyzers.RuleFiles;
using AgentGuard.Policy;
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
                    new JsonText().BeginObject()
                        .Property("record", "file")
                        .Property("file", file.DisplayPath)
                        .Property("kind", RuleFileKinds.Describe(file.Kind))
                        .Property("scope", file.Scope.ToString())
                        .Property("folder", file.ScopeFolder)
                        .Property("notApplied", notApplied)
                        .EndObject()
                        .ToString()));

                foreach (var item in file.Rules.OtherItems)
                {
                    // Nothing of the file disappears: an item that is no rule is listed with its line too.
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.RuleExplanation,
                        file.LocationOfLine(item.Line),
                        DiagnosticSeverity.Info,
                        additionalLocations: null,
                        properties: null,
                        new JsonText().BeginObject().Property("record", "item").Property("file", file.DisplayPath).Property("line", item.Line).Property("text", item.Text).EndObject().ToString()));
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
            var json = new JsonText().BeginObject()
                .Property("record", "rule")
                .Property("file", file.DisplayPath)
                .Property("line", rule.Line)
                .Property("text", rule.Text)
                .Property("enforcement", enforcement)
                .Property("severity", Severity(rule));

            json.BeginObject("scope")
                .Property("tests", rule.Scope.Tests switch { TestScope.TestsOnly => "tests", TestScope.ProductionOnly => "production", _ => "all" })
                .Strings("paths", rule.Scope.Paths)
                .Property("folder", file.ScopeFolder)
                .EndObject();

            json.BeginArray("symbols");
            foreach (var target in rule.BannedTargets)
            {
                var resolution = resolver.Resolve(target);
                json.BeginObject()
                    .Property("target", target.Text)
                    .Property("construction", target.IsConstruction ? "only" : null)
                    .Property("status", resolution.Problem != null ? "not enforced: " + resolution.Problem : resolution.Symbols.Count == 0 ? "not present in this project" : "enforced")
                    .Strings("resolvedTo", resolution.Symbols.Select(symbol => DocumentationCommentId.CreateDeclarationId(symbol) ?? symbol.ToDisplayString()))
                    .EndObject();
            }

            json.EndArray()
                .Strings("constructs", rule.Constructs.Select(c => c.ToString()))
                .BeginArray("dependencies");
            foreach (var dependency in rule.Dependencies)
            {
                json.BeginObject().Property("from", dependency.From).Property("to", dependency.To).EndObject();
            }

            json.EndArray().BeginArray("paths");
            foreach (var path in rule.Paths)
            {
                json.BeginObject()
                    .Property("glob", path.Glob)
                    .Property("kind", path.Kind switch { PathRuleKind.Forbidden => "forbidden", PathRuleKind.Approval => "approval", PathRuleKind.Generated => "generated", _ => "tests" })
                    .Property("tests", path.TestsGlob)
                    .EndObject();
            }

            json.EndArray().BeginArray("styles");
            foreach (var style in rule.Styles)
            {
                json.BeginObject()
                    .Property("name", style.Name)
                    .Strings("ids", style.Ids)
                    .Property("severity", rule.Severity != RuleSeverity.Default ? Severity(rule) : style.Severity == RuleSeverity.Warning ? "warning" : "error")
                    .Property("mapping", style.Describe())
                    .BeginArray("options");
                foreach (var option in style.Options)
                {
                    json.BeginObject().Property("key", option.Key).Property("value", option.Value).EndObject();
                }

                json.EndArray();
                if (effective.Overridden(style, rule) is { } overridden)
                {
                    json.BeginObject("overridden").Property("key", overridden.Key).Property("value", overridden.Value).EndObject();
                }

                json.EndObject();
            }

            return json.EndArray()
                .Strings("builtins", rule.Builtins)
                .Strings("problems", rule.Problems.Select(p => p.Message))
                .Property("guidance", enforcement == "guidance" ? notApplied ?? rule.GuidanceReason : null)
                .EndObject()
                .ToString();
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
