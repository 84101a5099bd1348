namespace AgentGuard.Policy
{
    /// <summary>
    /// Reads the golden rules of a <c>CLAUDE.md</c> / <c>AGENTS.md</c> text. Markdig parses the Markdown and
    /// <see cref="RuleFileWalker"/> reads the rules out of it. Whatever the text holds, reading it neither throws nor
    /// recurses as deep as the input says: a file that cannot be read at all (binary, over 1 MiB) is reported as a whole,
    /// and a part that cannot be read (nested too deep, too long) is skipped and reported on its line while the file's
    /// other rules are read. The bounds are in <see cref="ReadLimits"/>.
    /// </summary>
    public static class RuleFileReader
    {
        /// <summary>Reads the rules of one file. Never throws for any text.</summary>
        public static RuleFile Read(string? text) => Read(text, importsOnly: false);

        /// <summary>
        /// Reads only the <c>@path</c> imports of one file (and whether it can be read at all), without interpreting its
        /// rules: what finding the rule files of a project needs, at about the cost of Markdig's parse.
        /// </summary>
        public static RuleFile ReadImports(string? text) => Read(text, importsOnly: true);

        private static RuleFile Read(string? text, bool importsOnly)
        {
            if (string.IsNullOrEmpty(text))
            {
                return RuleFile.Empty;
            }

            if (text!.Length > ReadLimits.MaxFileLength)
            {
                return RuleFile.Unreadable($"it is {text.Length:N0} characters long, over the {ReadLimits.MaxFileLength:N0} (1 MiB) a rule file is read to");
            }

            if (text.IndexOf('\0') >= 0)
            {
                return RuleFile.Unreadable("it holds binary content (NUL characters), not text");
            }

            if (text[0] == '\uFEFF')
            {
                // A byte order mark kept as text would hide a leading bullet; a space keeps every offset.
                text = " " + text.Substring(1);
            }

            var frontMatter = FrontMatter.Read(text);
            var walker = new RuleFileWalker(frontMatter, importsOnly);
            if (MarkdownParsing.TryParse(text, MarkdownParsing.Document, out var document, out _))
            {
                walker.Visit(document!, firstLine: 0);
                return walker.ToRuleFile();
            }

            // Markdig refuses the whole text for one part of it: read the file part by part instead, a list item by item.
            foreach (var segment in MarkdownSegments.Split(text))
            {
                if (segment.Reason != null)
                {
                    walker.Unreadable(segment.FirstLine, segment.EndLine, segment.Reason);
                    continue;
                }

                foreach (var part in segment.HasItems ? segment.Items() : new[] { segment })
                {
                    var pipeline = part.FirstLine == 0 ? MarkdownParsing.Document : MarkdownParsing.Part;
                    if (MarkdownParsing.TryParse(part.Text, pipeline, out var partDocument, out var reason))
                    {
                        walker.Visit(partDocument!, part.FirstLine);
                    }
                    else
                    {
                        walker.Unreadable(part.FirstLine, part.EndLine, reason!);
                    }
                }
            }

            return walker.ToRuleFile();
        }
    }
}
