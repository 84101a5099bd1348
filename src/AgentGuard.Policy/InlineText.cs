using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using Markdig.Syntax.Inlines;

namespace AgentGuard.Policy
{
    /// <summary>A bullet's inline content: its plain text, its targets (code spans and bold names), its annotation.</summary>
    internal sealed class InlineText
    {
        private static readonly TieredRegex BoldTarget = new TieredRegex(@"^(?:[TMPFEN]:\S+|[A-Za-z_][\w]*(?:<[^>]*>)?(?:\.[A-Za-z_][\w]*(?:<[^>]*>)?)+(?:\(\))?)$", RegexOptions.CultureInvariant);

        private InlineText(IReadOnlyList<InlineToken> tokens, RuleAnnotation? annotation, bool tooDeep = false)
        {
            Tokens = tokens;
            Annotation = annotation;
            TooDeep = tooDeep;
            var plain = new StringBuilder();
            foreach (var token in tokens)
            {
                plain.Append(token.Text);
            }

            PlainText = Whitespace.Collapse(plain.ToString());
        }

        public IReadOnlyList<InlineToken> Tokens { get; }

        /// <summary>The text on one line, code spans without backticks.</summary>
        public string PlainText { get; }

        /// <summary>The <c>agentguard:</c> comments inside the text, parsed; null when there are none.</summary>
        public RuleAnnotation? Annotation { get; }

        /// <summary>
        /// True when the inlines nest deeper than <see cref="ReadLimits.MaxNestingDepth"/> (Markdig accepts some runs of
        /// emphasis markers that nest without its own limit): the text is then not read at all.
        /// </summary>
        public bool TooDeep { get; }

        /// <summary>
        /// Flattens Markdig's inline tree into tokens, iteratively: the input decides how deep the tree goes, so the walk
        /// keeps its own stack and gives up past <see cref="ReadLimits.MaxNestingDepth"/> instead of recursing.
        /// </summary>
        public static InlineText Flatten(ContainerInline? inline)
        {
            var tokens = new List<InlineToken>();
            RuleAnnotation? annotation = null;
            if (inline == null)
            {
                return new InlineText(tokens, null);
            }

            // Each frame is the next sibling to visit at one level; a container's first child is pushed on top of it.
            var pending = new Stack<Inline?>(ReadLimits.MaxNestingDepth + 1);
            pending.Push(inline.FirstChild);
            while (pending.Count > 0)
            {
                var current = pending.Pop();
                if (current == null)
                {
                    continue;
                }

                pending.Push(current.NextSibling);
                switch (current)
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
                        if (pending.Count >= ReadLimits.MaxNestingDepth)
                        {
                            return new InlineText(System.Array.Empty<InlineToken>(), null, tooDeep: true);
                        }

                        pending.Push(nested.FirstChild);
                        break;
                }
            }

            return new InlineText(tokens, annotation);
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
