using System.Collections.Generic;
using System.Text.RegularExpressions;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace AgentGuard.Policy
{
    /// <summary>
    /// Walks a parsed rule file (or one part of it at a time): headings give polarity, list items and ❌/✅ lines become
    /// rule candidates for <see cref="BulletInterpreter"/>, <c>agentguard:</c> comments annotate them, <c>@path</c>
    /// lines import. What cannot be read (nesting past <see cref="ReadLimits.MaxNestingDepth"/>, a bullet past
    /// <see cref="ReadLimits.MaxBulletLength"/>, a pattern that runs out of time) is skipped and recorded on its line.
    /// </summary>
    internal sealed class RuleFileWalker
    {
        private static readonly TieredRegex Import = new TieredRegex(@"(?<![\w@`/.-])@(?<path>(?:\.{1,2}/)?(?:[\w.-]+/)*[\w.-]+\.md)\b", RegexOptions.CultureInvariant);

        private readonly List<GoldenRule> _rules = new List<GoldenRule>();
        // An item that is no rule is quoted this far in explain.
        private const int MaxItemText = 200;

        private readonly List<RuleImport> _imports = new List<RuleImport>();
        private readonly List<RuleFileItem> _otherItems = new List<RuleFileItem>();
        private readonly List<(int Line, int EndLine, string Reason)> _problems = new List<(int, int, string)>();
        private readonly FrontMatter? _frontMatter;
        private readonly bool _importsOnly;
        private int _lineOffset;

        // Only the nearest heading gives polarity: a title such as "# Never break the build" must not turn
        // every bullet of the document into a ban.
        private Section _section = Section.None;

        /// <param name="frontMatter">The file's front matter: its lines are no rules, also where Markdig does not see it (no opening '---').</param>
        /// <param name="importsOnly">True to collect the <c>@path</c> imports and nothing else (what rule-file discovery needs).</param>
        public RuleFileWalker(FrontMatter? frontMatter, bool importsOnly = false)
        {
            _frontMatter = frontMatter;
            _importsOnly = importsOnly;
        }

        /// <summary>Reads the rules of <paramref name="document"/>, whose first line is line <paramref name="firstLine"/> (0-based) of the file.</summary>
        public void Visit(MarkdownDocument document, int firstLine)
        {
            _lineOffset = firstLine;
            VisitContainer(document, depth: 0);
        }

        /// <summary>Records that 0-based lines <paramref name="firstLine"/> to <paramref name="endLine"/> (exclusive) could not be read.</summary>
        public void Unreadable(int firstLine, int endLine, string reason)
        {
            var line = firstLine + 1;
            var last = endLine;
            if (_problems.Count > 0)
            {
                var previous = _problems[_problems.Count - 1];
                if (previous.Reason == reason && previous.EndLine + 1 >= line)
                {
                    // One report for a run of refused lines.
                    _problems[_problems.Count - 1] = (previous.Line, System.Math.Max(previous.EndLine, last), reason);
                    return;
                }
            }

            _problems.Add((line, System.Math.Max(line, last), reason));
        }

        public RuleFile ToRuleFile()
        {
            if (_rules.Count == 0 && _imports.Count == 0 && _problems.Count == 0 && _frontMatter == null && _otherItems.Count == 0)
            {
                return RuleFile.Empty;
            }

            var problems = new List<RuleFileProblem>();
            for (var i = 0; i < _problems.Count && i < ReadLimits.MaxProblemsPerFile; i++)
            {
                var (line, endLine, reason) = _problems[i];
                problems.Add(new RuleFileProblem(line, endLine, reason));
            }

            if (_problems.Count > ReadLimits.MaxProblemsPerFile)
            {
                var rest = _problems[ReadLimits.MaxProblemsPerFile];
                problems.Add(new RuleFileProblem(
                    rest.Line,
                    _problems[_problems.Count - 1].EndLine,
                    $"{_problems.Count - ReadLimits.MaxProblemsPerFile} more parts of the file could not be read either (only the first {ReadLimits.MaxProblemsPerFile} are reported one by one)"));
            }

            return new RuleFile(_rules.ToArray(), _imports.ToArray(), problems.ToArray(), _frontMatter) { OtherItems = _otherItems.ToArray() };
        }

        private int LineOf(Block block) => _lineOffset + block.Line + 1;

        private void VisitContainer(ContainerBlock container, int depth)
        {
            if (depth > ReadLimits.MaxNestingDepth)
            {
                TooDeep(container);
                return;
            }

            for (var i = 0; i < container.Count; i++)
            {
                if (_frontMatter != null && LineOf(container[i]) <= _frontMatter.EndLine)
                {
                    continue;
                }

                switch (container[i])
                {
                    case YamlFrontMatterBlock:
                        break;
                    case HeadingBlock heading:
                        VisitHeading(heading);
                        break;
                    case ListBlock list:
                        // An annotation on the line after a list belongs to its last item.
                        var trailing = i + 1 < container.Count ? AnnotationOf(container[i + 1]) : null;
                        VisitList(list, _section, trailing, depth + 1);
                        break;
                    case ParagraphBlock paragraph:
                        VisitParagraph(paragraph, _section);
                        break;
                    case QuoteBlock quote:
                        VisitContainer(quote, depth + 1);
                        break;
                }
            }
        }

        private void VisitHeading(HeadingBlock heading)
        {
            _section = Section.None;
            var title = InlineText.Flatten(heading.Inline);
            if (title.TooDeep)
            {
                TooDeep(heading);
                return;
            }

            if (title.PlainText.Length > ReadLimits.MaxBulletLength)
            {
                // A paragraph underlined with "===" is a heading too: one this long says nothing about the items under it.
                return;
            }

            try
            {
                // "### Files you must never edit" bans changing what is listed under it, as "## Never" bans using it.
                // "### Ask first" makes no bans: a file its items change needs approval (AG2002).
                var asksApproval = PathRuleWords.IsApprovalHeading(title.PlainText);
                var polarity = asksApproval ? RulePolarity.None : PathRuleWords.IsFilesHeading(title.PlainText) ? RulePolarity.Never : PolarityWords.OfHeading(title.PlainText);
                _section = new Section(polarity, title.PlainText, asksApproval: asksApproval);
            }
            catch (RegexMatchTimeoutException)
            {
                Unreadable(LineOf(heading) - 1, LineOf(heading), "reading the heading took longer than the reader allows one line");
            }
        }

        private void VisitList(ListBlock list, Section section, RuleAnnotation? trailing, int depth)
        {
            if (depth > ReadLimits.MaxNestingDepth)
            {
                TooDeep(list);
                return;
            }

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
                    var line = LineOf(paragraph);
                    if (bullet.TooDeep)
                    {
                        TooDeep(paragraph);
                    }
                    else
                    {
                        CollectImports(bullet, line);
                        var annotation = bullet.Annotation;
                        for (var i = 1; i < item.Count; i++)
                        {
                            annotation = AnnotationOf(item[i], annotation);
                        }

                        if (index == list.Count - 1 && trailing != null)
                        {
                            annotation = Merge(annotation, trailing);
                        }

                        childSection = Interpret(bullet, section, line, annotation);
                    }
                }

                for (var i = 1; i < item.Count; i++)
                {
                    if (item[i] is ListBlock nested)
                    {
                        VisitList(nested, childSection, null, depth + 1);
                    }
                }
            }
        }

        /// <summary>Prose is not a rule, but a line that starts with ❌ or ✅ is, and so is an <c>@path</c> import.</summary>
        private void VisitParagraph(ParagraphBlock paragraph, Section section)
        {
            var text = InlineText.Flatten(paragraph.Inline);
            if (text.TooDeep)
            {
                TooDeep(paragraph);
                return;
            }

            var lines = text.SplitLines();
            for (var i = 0; i < lines.Count; i++)
            {
                var line = LineOf(paragraph) + i;
                CollectImports(lines[i], line);
                if (StartsWithMark(lines[i].PlainText))
                {
                    Interpret(lines[i], section, line, lines[i].Annotation);
                }
            }
        }

        /// <summary>Reads one rule candidate; returns the section it opens for nested items ("Never use the following:").</summary>
        private Section Interpret(InlineText bullet, Section section, int line, RuleAnnotation? annotation)
        {
            if (_importsOnly)
            {
                return Section.None;
            }

            if (bullet.PlainText.Length > ReadLimits.MaxBulletLength)
            {
                Unreadable(line - 1, line, $"the item is {bullet.PlainText.Length:N0} characters long, over the {ReadLimits.MaxBulletLength:N0} a rule is read to");
                return Section.None;
            }

            try
            {
                if (BulletInterpreter.Interpret(bullet, section, line, annotation) is { } rule)
                {
                    _rules.Add(rule);
                }
                else if (bullet.PlainText.Length > 0)
                {
                    // Listed too, so nothing of the file disappears: explain shows what was not read as a rule.
                    _otherItems.Add(new RuleFileItem(line, bullet.PlainText.Length <= MaxItemText ? bullet.PlainText : bullet.PlainText.Substring(0, MaxItemText) + "..."));
                }

                var leadIn = BulletInterpreter.LeadInPolarity(bullet, section.Polarity);
                return leadIn == RulePolarity.None ? Section.None : new Section(leadIn, bullet.PlainText, isLeadIn: true);
            }
            catch (RegexMatchTimeoutException)
            {
                Unreadable(line - 1, line, "reading the item took longer than the reader allows one line");
                return Section.None;
            }
        }

        private void TooDeep(Block block) =>
            Unreadable(LineOf(block) - 1, LineOf(block), $"its Markdown nests more than {ReadLimits.MaxNestingDepth} levels deep");

        private void CollectImports(InlineText text, int line)
        {
            foreach (var token in text.Tokens)
            {
                if (token.IsCode || token.Text.IndexOf('@') < 0)
                {
                    continue;
                }

                foreach (Match match in Import.Matches(token.Text))
                {
                    _imports.Add(new RuleImport(match.Groups["path"].Value, line));
                }
            }
        }

        private static bool StartsWithMark(string text)
        {
            var trimmed = text.TrimStart();
            return trimmed.StartsWith("❌", System.StringComparison.Ordinal) || trimmed.StartsWith("✅", System.StringComparison.Ordinal)
                || trimmed.StartsWith("🚫", System.StringComparison.Ordinal) || trimmed.StartsWith("⛔", System.StringComparison.Ordinal);
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

    /// <summary>The polarity a heading or a lead-in bullet gives the items under it, and its words for messages.</summary>
    internal readonly struct Section
    {
        public static readonly Section None = new Section(RulePolarity.None, string.Empty);

        public Section(RulePolarity polarity, string label, bool isLeadIn = false, bool asksApproval = false)
        {
            Polarity = polarity;
            Label = label;
            IsLeadIn = isLeadIn;
            AsksApproval = asksApproval;
            Gate = isLeadIn ? VerbGates.Of(label, label) : VerbGates.OfHeading(label);
        }

        public RulePolarity Polarity { get; }

        public string Label { get; }

        /// <summary>True under "### Ask first": a file an item changes needs approval, and nothing is banned.</summary>
        public bool AsksApproval { get; }

        /// <summary>True for "Never call these from billing code:": its words limit the nested items too.</summary>
        public bool IsLeadIn { get; }

        /// <summary>"## Do NOT Modify" gives its items no symbol bans; "## Never" and "Never call these:" do.</summary>
        public VerbGate Gate { get; }
    }
}
