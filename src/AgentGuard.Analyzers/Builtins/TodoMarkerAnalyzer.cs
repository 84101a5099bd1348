using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AgentGuard.Analyzers.Builtins
{
    /// <summary>
    /// AG1001: a TODO, FIXME, HACK, XXX or PROTOTYPE marker in a comment (the list is <c>agentguard.AG1001.markers</c>).
    /// Only comments are read: <c>todoCount</c> and <c>"My TODO list"</c> are code. A marker that references an issue
    /// (<c>TODO(#1234)</c>, <c>TODO: https://.../issues/12</c>) passes when <c>agentguard.AG1001.allow_issue_reference = true</c>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TodoMarkerAnalyzer : BuiltinAnalyzer
    {
        private const string DefaultMarkers = "TODO,FIXME,HACK,XXX,PROTOTYPE";

        private static readonly Regex IssueReference = new Regex(
            @"^\s*(?:\(\s*(?:#\d+|[A-Z][A-Z0-9]+-\d+|https?://\S+)\s*\)|:?\s*(?:#\d+\b|https?://\S+/(?:issues|pull|browse|workitems?|_workitems/edit)/\S+))",
            RegexOptions.CultureInvariant,
            System.TimeSpan.FromSeconds(1));

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.TodoMarker, Descriptors.AgentGuardSuppression, Descriptors.KeptByBaseline);

        /// <inheritdoc />
        private protected override void Register(CompilationStartAnalysisContext start, BuiltinContext builtins)
        {
            start.RegisterSyntaxTreeAction(tree => Analyze(tree, builtins));
        }

        // One pattern per marker list, shared by every file and compilation that uses it.
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string[] Markers, Regex Pattern)> Patterns =
            new System.Collections.Concurrent.ConcurrentDictionary<string, (string[] Markers, Regex Pattern)>(System.StringComparer.Ordinal);

        private static (string[] Markers, Regex Pattern) PatternFor(string markerList) =>
            Patterns.GetOrAdd(markerList, list =>
            {
                var markers = list.Split(',').Select(m => m.Trim()).Where(m => m.Length > 0).ToArray();

                // A marker leads its comment line ("// TODO ...", "/* FIXME", " * HACK") or is followed by ':' or '(' ("see TODO: x").
                // "the list of TODO items" or "(XXX) XXX-XXXX" in a comment is prose, not a marker.
                var alternatives = string.Join("|", markers.Select(Regex.Escape));
                var pattern = new Regex(
                    @"(?<=^[ \t]*(?:/{2,}|/\*+|\*+)?[ \t]*@?)(?:" + alternatives + @")(?![\w-])|(?<![\w./-])(?:" + alternatives + @")(?=[ \t]*[:(])",
                    RegexOptions.CultureInvariant | RegexOptions.Multiline,
                    System.TimeSpan.FromSeconds(1));
                return (markers, pattern);
            });

        private static void Analyze(SyntaxTreeAnalysisContext context, BuiltinContext builtins)
        {
            var (markers, pattern) = PatternFor(builtins.Option(context.Tree, "AG1001", "markers") ?? DefaultMarkers);
            var source = context.Tree.GetText(context.CancellationToken).ToString();
            if (markers.Length == 0 || !markers.Any(marker => source.IndexOf(marker, System.StringComparison.Ordinal) >= 0))
            {
                // No marker anywhere in the file: nothing to walk.
                return;
            }

            var allowIssues = builtins.OptionIsTrue(context.Tree, "AG1001", "allow_issue_reference");
            var root = context.Tree.GetRoot(context.CancellationToken);
            foreach (var trivia in root.DescendantTrivia())
            {
                if (!trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) && !trivia.IsKind(SyntaxKind.MultiLineCommentTrivia)
                    && !trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) && !trivia.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia))
                {
                    continue;
                }

                var text = trivia.ToString();
                try
                {
                    foreach (Match match in pattern.Matches(text))
                    {
                        if (allowIssues && IssueReference.IsMatch(text.Substring(match.Index + match.Length)))
                        {
                            continue;
                        }

                        var location = Location.Create(context.Tree, new TextSpan(trivia.SpanStart + match.Index, match.Length));
                        builtins.Report(context.ReportDiagnostic, Descriptors.TodoMarker, location, context.Tree, match.Value);
                    }
                }
                catch (RegexMatchTimeoutException)
                {
                    // A comment no pattern can read in time is skipped, never a crash.
                }
            }
        }
    }
}
