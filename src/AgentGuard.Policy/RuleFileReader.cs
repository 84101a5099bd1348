using System;
using System.Collections.Generic;
using System.Text;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace AgentGuard.Policy
{
    /// <summary>
    /// Reads the golden rules of a <c>CLAUDE.md</c> / <c>AGENTS.md</c> text. Markdig parses the Markdown;
    /// this class walks headings and list items and hands each bullet to <see cref="BulletInterpreter"/>.
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

            var document = Markdown.Parse(text, Pipeline);
            var rules = new List<GoldenRule>();
            var walker = new Walker(rules);
            walker.VisitContainer(document);
            return rules.Count == 0 ? RuleFile.Empty : new RuleFile(rules.ToArray());
        }

        private sealed class Walker
        {
            private readonly List<GoldenRule> _rules;

            // Only the nearest heading gives polarity: a title such as "# Never break the build" must not turn
            // every bullet of the document into a ban.
            private RulePolarity _headingPolarity;
            private string _headingText = string.Empty;

            public Walker(List<GoldenRule> rules) => _rules = rules;

            public void VisitContainer(ContainerBlock container)
            {
                foreach (var block in container)
                {
                    switch (block)
                    {
                        case YamlFrontMatterBlock:
                            break;
                        case HeadingBlock heading:
                            _headingText = InlineText.Flatten(heading.Inline).PlainText;
                            _headingPolarity = PolarityWords.OfHeading(_headingText);
                            break;
                        case ListBlock list:
                            VisitList(list, new Section(_headingPolarity, _headingText));
                            break;
                        case QuoteBlock quote:
                            VisitContainer(quote);
                            break;
                    }
                }
            }

            private void VisitList(ListBlock list, Section section)
            {
                foreach (var block in list)
                {
                    if (block is not ListItemBlock item)
                    {
                        continue;
                    }

                    var childSection = section;
                    if (item.Count > 0 && item[0] is ParagraphBlock paragraph)
                    {
                        var bullet = InlineText.Flatten(paragraph.Inline);
                        var rule = BulletInterpreter.Interpret(bullet, section, paragraph.Line + 1);
                        if (rule != null)
                        {
                            _rules.Add(rule);
                        }

                        // "Never use the following:" hands its polarity to the nested items.
                        var leadIn = BulletInterpreter.LeadInPolarity(bullet, section.Polarity);
                        if (leadIn != RulePolarity.None)
                        {
                            childSection = new Section(leadIn, bullet.PlainText);
                        }
                    }

                    for (var i = 1; i < item.Count; i++)
                    {
                        if (item[i] is ListBlock nested)
                        {
                            VisitList(nested, childSection);
                        }
                    }
                }
            }
        }
    }

    /// <summary>The polarity a heading or a lead-in bullet gives the items under it, and its words for messages.</summary>
    internal readonly struct Section
    {
        public static readonly Section None = new Section(RulePolarity.None, string.Empty);

        public Section(RulePolarity polarity, string label)
        {
            Polarity = polarity;
            Label = label;
        }

        public RulePolarity Polarity { get; }

        public string Label { get; }
    }

    /// <summary>A bullet's inline content: its plain text and its code spans, in order.</summary>
    internal sealed class InlineText
    {
        private InlineText(IReadOnlyList<InlineToken> tokens)
        {
            Tokens = tokens;
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

        public static InlineText Flatten(ContainerInline? inline)
        {
            var tokens = new List<InlineToken>();
            if (inline != null)
            {
                Append(inline, tokens);
            }

            return new InlineText(tokens.ToArray());
        }

        /// <summary>Builds a bullet from tokens directly (tests and callers without Markdown).</summary>
        internal static InlineText FromTokens(IEnumerable<InlineToken> tokens) => new InlineText(new List<InlineToken>(tokens).ToArray());

        private static void Append(ContainerInline container, List<InlineToken> tokens)
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
                        tokens.Add(new InlineToken(" ", isCode: false));
                        break;
                    case HtmlEntityInline entity:
                        tokens.Add(new InlineToken(entity.Transcoded.ToString(), isCode: false));
                        break;
                    case AutolinkInline autolink:
                        tokens.Add(new InlineToken(autolink.Url, isCode: false));
                        break;
                    case ContainerInline nested:
                        // Emphasis and links: their text counts, the markers do not.
                        Append(nested, tokens);
                        break;
                }
            }
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
        public InlineToken(string text, bool isCode)
        {
            Text = text ?? string.Empty;
            IsCode = isCode;
        }

        public string Text { get; }

        public bool IsCode { get; }
    }
}
