using System;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AgentGuard.Analyzers.Builtins
{
    /// <summary>
    /// AG1002: placeholder content in production code: lorem ipsum (strings and XML docs), documentation and placeholder
    /// hosts in URLs and e-mail addresses (<c>example.com</c>, <c>foo.bar</c>, <c>your-domain</c>), and placeholder keys
    /// (<c>your-api-key</c>, <c>&lt;password&gt;</c>, <c>changeme</c>, <c>REPLACE_ME</c>, <c>xxxxxxxx</c>) in strings.
    /// Real hosts never fire. Test projects, whose fixtures are placeholders by design, are skipped unless
    /// <c>agentguard.AG1002.include_tests = true</c>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PlaceholderContentAnalyzer : BuiltinAnalyzer
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

        private static readonly Regex Lorem = new Regex(@"\blorem\s+ipsum\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);

        private static readonly Regex PlaceholderHost = new Regex(
            @"(?:(?:https?|wss?|ftp)://|@)(?:[\w-]+\.)*(?<host>example\.(?:com|org|net)|foo\.bar|your-?domain\.[a-z]+|your-?company\.[a-z]+|domain\.tld)(?![\w-])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            Timeout);

        // A placeholder is the whole string or a value in a config-like string ("Password=<password>"), never a phrase
        // in prose ("Your API key is shown once").
        // "http://example.com" alone: the dummy base a relative URI is resolved against, not a destination.
        private static readonly Regex DummyBase = new Regex(@"^\s*https?://example\.(?:com|org|net)/?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);

        private static readonly Regex PlaceholderKey = new Regex(
            @"(?:^\s*|[=:]\s*[""']?)(?:your[-_](?:api[-_]?key|token|secret|password|key)|<(?:your[-_ ]?)?(?:password|api[-_ ]?key|secret|token)>|change[-_]?me|replace[-_]?me|insert[-_]your[-_][\w-]+)(?=[""']?\s*(?:[;,&]|$))",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            Timeout);

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.PlaceholderContent, Descriptors.AgentGuardSuppression, Descriptors.KeptByBaseline);

        /// <inheritdoc />
        private protected override void Register(CompilationStartAnalysisContext start, BuiltinContext builtins)
        {
            start.RegisterSyntaxNodeAction(node => AnalyzeString(node, builtins), SyntaxKind.StringLiteralExpression, SyntaxKind.InterpolatedStringText);
            start.RegisterSyntaxTreeAction(tree => AnalyzeDocs(tree, builtins));
        }

        /// <summary>A cheap first test before the patterns: every finding contains one of these.</summary>
        private static bool MayHold(string text) =>
            text.IndexOf("lorem", System.StringComparison.OrdinalIgnoreCase) >= 0
            || text.IndexOf("example.", System.StringComparison.OrdinalIgnoreCase) >= 0
            || text.IndexOf("foo.bar", System.StringComparison.OrdinalIgnoreCase) >= 0
            || text.IndexOf("domain.", System.StringComparison.OrdinalIgnoreCase) >= 0
            || text.IndexOf("company.", System.StringComparison.OrdinalIgnoreCase) >= 0
            || text.IndexOf("your", System.StringComparison.OrdinalIgnoreCase) >= 0
            || text.IndexOf('<') >= 0
            || text.IndexOf("change", System.StringComparison.OrdinalIgnoreCase) >= 0
            || text.IndexOf("replace", System.StringComparison.OrdinalIgnoreCase) >= 0
            || text.IndexOf("insert", System.StringComparison.OrdinalIgnoreCase) >= 0;

        private static bool Skipped(BuiltinContext builtins, SyntaxTree tree) =>
            builtins.IsTestProject && !builtins.OptionIsTrue(tree, "AG1002", "include_tests");

        private static void AnalyzeString(SyntaxNodeAnalysisContext context, BuiltinContext builtins)
        {
            if (Skipped(builtins, context.Node.SyntaxTree))
            {
                return;
            }

            // Attribute arguments are UI hints and documentation ([Display(Prompt = "you@example.com")]).
            if (context.Node.FirstAncestorOrSelf<AttributeArgumentSyntax>() != null)
            {
                return;
            }

            var text = StringValue(context.Node);
            if (text.Length < 6 || !MayHold(text) || DummyBase.IsMatch(text))
            {
                return;
            }

            try
            {
                var finding = Lorem.IsMatch(text) ? "lorem ipsum"
                    : PlaceholderHost.Match(text) is { Success: true } host ? "the placeholder host " + host.Groups["host"].Value.ToLowerInvariant()
                    : PlaceholderKey.IsMatch(text) ? "a placeholder key or password"
                    : null;
                if (finding != null)
                {
                    builtins.Report(context.ReportDiagnostic, Descriptors.PlaceholderContent, context.Node.GetLocation(), context.Node.SyntaxTree, finding);
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // Never a crash: a string no pattern can read in time is not reported.
            }
        }

        /// <summary>XML docs: only lorem ipsum. Example hosts in <c>&lt;example&gt;</c> sections are documentation.</summary>
        private static void AnalyzeDocs(SyntaxTreeAnalysisContext context, BuiltinContext builtins)
        {
            if (Skipped(builtins, context.Tree)
                || context.Tree.GetText(context.CancellationToken).ToString().IndexOf("lorem", System.StringComparison.OrdinalIgnoreCase) < 0)
            {
                return;
            }

            foreach (var trivia in context.Tree.GetRoot(context.CancellationToken).DescendantTrivia())
            {
                if (!trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) && !trivia.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia))
                {
                    continue;
                }

                try
                {
                    var match = Lorem.Match(trivia.ToString());
                    if (match.Success)
                    {
                        var location = Location.Create(context.Tree, new Microsoft.CodeAnalysis.Text.TextSpan(trivia.SpanStart + match.Index, match.Length));
                        builtins.Report(context.ReportDiagnostic, Descriptors.PlaceholderContent, location, context.Tree, "lorem ipsum");
                    }
                }
                catch (RegexMatchTimeoutException)
                {
                    // Skipped, never a crash.
                }
            }
        }
    }
}
