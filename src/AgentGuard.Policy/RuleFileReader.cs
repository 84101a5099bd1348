using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace AgentGuard.Policy
{
    /// <summary>
    /// Reads the golden rules of a <c>CLAUDE.md</c> / <c>AGENTS.md</c> text. Markdig parses the Markdown; this class
    /// walks headings, list items and ❌/✅ lines, collects <c>agentguard:</c> annotations and <c>@path</c> imports,
    /// and hands each candidate to <see cref="BulletInterpreter"/>.
    /// </summary>
    public static class RuleFileReader
    {
        private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

        /// <summary>Reads the rules of one file. Never throws for any text: unreadable input simply has no rules.</summary>
        public static RuleFile Read(string? text)
        {
            if (string.IsNullOrEmpty(text) || text!.IndexOf('\0') >= 0)
            {
                // Empty, or binary content that happens to carry a rule file's name.
                return RuleFile.Empty;
            }

            if (text[0] == '\uFEFF')
            {
                // A byte order mark kept as text would hide a leading bullet; a space keeps every offset.
                text = " " + text.Substring(1);
            }

            try
            {
                var document = Markdown.Parse(text, Pipeline);
                var walker = new Walker();
                walker.VisitContainer(document);
                return walker.Rules.Count == 0 && walker.Imports.Count == 0
                    ? RuleFile.Empty
                    : new RuleFile(walker.Rules.ToArray(), walker.Imports.ToArray());
            }
            catch (Exception exception) when (exception is ArgumentException || exception is InvalidOperationException || exception is RegexMatchTimeoutException || exception is IndexOutOfRangeException)
            {
                // Markdig refuses some inputs (nesting deeper than it allows). The file is then reported, not enforced.
                return RuleFile.Unreadable(exception.Message);
            }
        }

        private sealed class Walker
        {
            private static readonly Regex Import = new Regex(@"(?<![\w@`/.-])@(?<path>(?:\.{1,2}/)?(?:[\w.-]+/)*[\w.-]+\.md)\b", RegexOptions.CultureInvariant, Patterns.Timeout);

            // Only the nearest heading gives polarity: a title such as "# Never break the build" must not turn
            // every bullet of the document into a ban.
            private RulePolarity _headingPolarity;
            private string _headingText = string.Empty;

            public List<GoldenRule> Rules { get; } = new List<GoldenRule>();

            public List<RuleImport> Imports { get; } = new List<RuleImport>();

            public void VisitContainer(ContainerBlock container)
            {
                for (var i = 0; i < container.Count; i++)
                {
                    switch (container[i])
                    {
                        case YamlFrontMatterBlock:
                            break;
                        case HeadingBlock heading:
                            _headingText = InlineText.Flatten(heading.Inline).PlainText;
                            _headingPolarity = PolarityWords.OfHeading(_headingText);
                            break;
                        case ListBlock list:
                            // An annotation on the line after a list belongs to its last item.
                            var trailing = i + 1 < container.Count ? AnnotationOf(container[i + 1]) : null;
                            VisitList(list, new Section(_headingPolarity, _headingText), trailing);
                            break;
                        case ParagraphBlock paragraph:
                            VisitParagraph(paragraph, new Section(_headingPolarity, _headingText));
                            break;
                        case QuoteBlock quote:
                            VisitContainer(quote);
                            break;
                    }
                }
            }

            private void VisitList(ListBlock list, Section section, RuleAnnotation? trailing)
            {
                for (var index = 0; index < list.Count; index++)
                {
                    if (list[index] is not ListItemBlock item)
                    {
                        continue;
                    }

                    // Nested items take a polarity only from a lead-in ("Never call these:"), not from the heading: under a
                    // "## Don'ts" heading, "- Create `HttpClient` per request. Use instead:" lists what to use.
                    var childSection = Section.None;
                    if (item.Count > 0 && item[0] is ParagraphBlock paragraph)
                    {
                        var bullet = InlineText.Flatten(paragraph.Inline);
                        CollectImports(bullet, paragraph.Line + 1);
                        var annotation = bullet.Annotation;
                        for (var i = 1; i < item.Count; i++)
                        {
                            annotation = AnnotationOf(item[i], annotation);
                        }

                        if (index == list.Count - 1 && trailing != null)
                        {
                            annotation = Merge(annotation, trailing);
                        }

                        Add(BulletInterpreter.Interpret(bullet, section, paragraph.Line + 1, annotation));

                        // "Never use the following:" hands its polarity to the nested items.
                        var leadIn = BulletInterpreter.LeadInPolarity(bullet, section.Polarity);
                        if (leadIn != RulePolarity.None)
                        {
                            childSection = new Section(leadIn, bullet.PlainText, isLeadIn: true);
                        }
                    }

                    for (var i = 1; i < item.Count; i++)
                    {
                        if (item[i] is ListBlock nested)
                        {
                            VisitList(nested, childSection, null);
                        }
                    }
                }
            }

            /// <summary>Prose is not a rule, but a line that starts with ❌ or ✅ is, and so is an <c>@path</c> import.</summary>
            private void VisitParagraph(ParagraphBlock paragraph, Section section)
            {
                var lines = InlineText.Flatten(paragraph.Inline).SplitLines();
                for (var i = 0; i < lines.Count; i++)
                {
                    var line = paragraph.Line + 1 + i;
                    CollectImports(lines[i], line);
                    if (StartsWithMark(lines[i].PlainText))
                    {
                        Add(BulletInterpreter.Interpret(lines[i], section, line, lines[i].Annotation));
                    }
                }
            }

            private void CollectImports(InlineText text, int line)
            {
                foreach (var token in text.Tokens)
                {
                    if (token.IsCode)
                    {
                        continue;
                    }

                    foreach (Match match in Import.Matches(token.Text))
                    {
                        Imports.Add(new RuleImport(match.Groups["path"].Value, line));
                    }
                }
            }

            private void Add(GoldenRule? rule)
            {
                if (rule != null)
                {
                    Rules.Add(rule);
                }
            }

            private static bool StartsWithMark(string text)
            {
                var trimmed = text.TrimStart();
                return trimmed.StartsWith("❌", StringComparison.Ordinal) || trimmed.StartsWith("✅", StringComparison.Ordinal)
                    || trimmed.StartsWith("🚫", StringComparison.Ordinal) || trimmed.StartsWith("⛔", StringComparison.Ordinal);
            }

            private static RuleAnnotation? AnnotationOf(Block block, RuleAnnotation? into = null)
            {
                if (block is not HtmlBlock html)
                {
                    return into;
                }

                var content = html.Lines.ToString();
                return RuleAnnotation.IsAnnotation(content) ? RuleAnnotation.Parse(content, into) : into;
            }

            private static RuleAnnotation? Merge(RuleAnnotation? first, RuleAnnotation second)
            {
                if (first == null)
                {
                    return second;
                }

                first.Bans.AddRange(second.Bans);
                first.Constructs.AddRange(second.Constructs);
                first.Dependencies.AddRange(second.Dependencies);
                first.Paths.AddRange(second.Paths);
                first.Builtins.AddRange(second.Builtins);
                first.ScopePaths.AddRange(second.ScopePaths);
                first.Problems.AddRange(second.Problems);
                return first;
            }
        }
    }

    /// <summary>The polarity a heading or a lead-in bullet gives the items under it, and its words for messages.</summary>
    internal readonly struct Section
    {
        public static readonly Section None = new Section(RulePolarity.None, string.Empty);

        public Section(RulePolarity polarity, string label, bool isLeadIn = false)
        {
            Polarity = polarity;
            Label = label;
            IsLeadIn = isLeadIn;
            Gate = isLeadIn ? VerbGates.Of(label, label) : VerbGates.OfHeading(label);
        }

        public RulePolarity Polarity { get; }

        public string Label { get; }

        /// <summary>True for "Never call these from billing code:": its words limit the nested items too.</summary>
        public bool IsLeadIn { get; }

        /// <summary>"## Do NOT Modify" gives its items no symbol bans; "## Never" and "Never call these:" do.</summary>
        public VerbGate Gate { get; }
    }

    /// <summary>A bullet's inline content: its plain text, its targets (code spans and bold names), its annotation.</summary>
    internal sealed class InlineText
    {
        private static readonly Regex BoldTarget = new Regex(@"^(?:[TMPFEN]:\S+|[A-Za-z_][\w]*(?:<[^>]*>)?(?:\.[A-Za-z_][\w]*(?:<[^>]*>)?)+(?:\(\))?)$", RegexOptions.CultureInvariant, Patterns.Timeout);

        private InlineText(IReadOnlyList<InlineToken> tokens, RuleAnnotation? annotation)
        {
            Tokens = tokens;
            Annotation = annotation;
            var plain = new StringBuilder();
            foreach (var token in tokens)
            {
                plain.Append(token.Text);
            }

            PlainText = CollapseWhitespace(plain.ToString());
        }

        public IReadOnlyList<InlineToken> Tokens { get; }

        /// <summary>The text on one line, code spans without backticks.</summary>
        public string PlainText { get; }

        /// <summary>The <c>agentguard:</c> comments inside the text, parsed; null when there are none.</summary>
        public RuleAnnotation? Annotation { get; }

        public static InlineText Flatten(ContainerInline? inline)
        {
            var tokens = new List<InlineToken>();
            RuleAnnotation? annotation = null;
            if (inline != null)
            {
                Append(inline, tokens, ref annotation);
            }

            return new InlineText(tokens.ToArray(), annotation);
        }

        /// <summary>The text cut at its line breaks, one piece per source line.</summary>
        public IReadOnlyList<InlineText> SplitLines()
        {
            var lines = new List<InlineText>();
            var current = new List<InlineToken>();
            foreach (var token in Tokens)
            {
                if (token.IsLineBreak)
                {
                    lines.Add(new InlineText(current.ToArray(), null));
                    current = new List<InlineToken>();
                }
                else
                {
                    current.Add(token);
                }
            }

            lines.Add(new InlineText(current.ToArray(), null));
            if (Annotation != null)
            {
                // A comment in a paragraph annotates the paragraph's last line, the one it follows.
                lines[lines.Count - 1] = new InlineText(lines[lines.Count - 1].Tokens, Annotation);
            }

            return lines;
        }

        private static void Append(ContainerInline container, List<InlineToken> tokens, ref RuleAnnotation? annotation)
        {
            foreach (var inline in container)
            {
                switch (inline)
                {
                    case CodeInline code:
                        tokens.Add(new InlineToken(code.Content, isCode: true));
                        break;
                    case LiteralInline literal:
                        tokens.Add(new InlineToken(literal.Content.ToString(), isCode: false));
                        break;
                    case LineBreakInline:
                        tokens.Add(InlineToken.LineBreak);
                        break;
                    case HtmlEntityInline entity:
                        tokens.Add(new InlineToken(entity.Transcoded.ToString(), isCode: false));
                        break;
                    case AutolinkInline autolink:
                        tokens.Add(new InlineToken(autolink.Url, isCode: false));
                        break;
                    case HtmlInline html when RuleAnnotation.IsAnnotation(html.Tag):
                        annotation = RuleAnnotation.Parse(html.Tag, annotation);
                        break;
                    case EmphasisInline { DelimiterCount: >= 2 } bold when BoldName(bold) is { } name:
                        // **DateTime.Now** names its target as a code span would; **Never** is only emphasis.
                        tokens.Add(new InlineToken(name, isCode: true));
                        break;
                    case ContainerInline nested:
                        // Emphasis and links: their text counts, the markers do not.
                        Append(nested, tokens, ref annotation);
                        break;
                }
            }
        }

        private static string? BoldName(EmphasisInline bold)
        {
            var text = new StringBuilder();
            foreach (var child in bold)
            {
                if (child is LiteralInline literal)
                {
                    text.Append(literal.Content.ToString());
                }
                else
                {
                    return null;
                }
            }

            var name = text.ToString().Trim();
            return BoldTarget.IsMatch(name) || ConstructTable.TryMatchCodeSpan(name, out _) ? name : null;
        }

        private static string CollapseWhitespace(string text)
        {
            var builder = new StringBuilder(text.Length);
            var space = false;
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    space = builder.Length > 0;
                    continue;
                }

                if (space)
                {
                    builder.Append(' ');
                    space = false;
                }

                builder.Append(c);
            }

            return builder.ToString();
        }
    }

    /// <summary>A run of a bullet's text: prose, or the content of a code span.</summary>
    internal readonly struct InlineToken
    {
        public static readonly InlineToken LineBreak = new InlineToken(" ", isCode: false, isLineBreak: true);

        public InlineToken(string text, bool isCode, bool isLineBreak = false)
        {
            Text = text ?? string.Empty;
            IsCode = isCode;
            IsLineBreak = isLineBreak;
        }

        public string Text { get; }

        public bool IsCode { get; }

        public bool IsLineBreak { get; }
    }
}
