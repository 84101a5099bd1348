using System;
using Markdig;
using Markdig.Syntax;

namespace AgentGuard.Policy
{
    /// <summary>
    /// Markdig, called so that no input escapes as an exception: a text it refuses (nesting deeper than its limits) comes
    /// back as a reason, and the caller decides what that costs.
    /// </summary>
    internal static class MarkdownParsing
    {
        /// <summary>The reader's pipeline for a whole file: CommonMark with YAML front matter.</summary>
        public static readonly MarkdownPipeline Document = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

        /// <summary>For a part cut from the middle of a file, where a <c>---</c> line is a thematic break, not front matter.</summary>
        public static readonly MarkdownPipeline Part = new MarkdownPipelineBuilder().Build();

        /// <summary>Block structure only: without inline parsers, no emphasis or link can nest, so only blocks can refuse.</summary>
        public static readonly MarkdownPipeline DocumentBlocks = BlocksOnly(new MarkdownPipelineBuilder().UseYamlFrontMatter());

        /// <summary>Block structure only, for a part cut from the middle of a file.</summary>
        public static readonly MarkdownPipeline PartBlocks = BlocksOnly(new MarkdownPipelineBuilder());

        public static bool TryParse(string text, MarkdownPipeline pipeline, out MarkdownDocument? document, out string? reason)
        {
            try
            {
                document = Markdown.Parse(text, pipeline);
                reason = null;
                return true;
            }
            catch (Exception exception) when (!(exception is OutOfMemoryException))
            {
                // Markdig is a parser of untrusted text here: whatever it throws, the part it was given is unreadable.
                document = null;
                reason = Describe(exception);
                return false;
            }
        }

        private static string Describe(Exception exception) =>
            exception is ArgumentException && exception.Message.IndexOf("depth limit", StringComparison.OrdinalIgnoreCase) >= 0
                ? "its Markdown nests deeper than the Markdown parser allows"
                : "the Markdown parser refused it: " + exception.Message;

        private static MarkdownPipeline BlocksOnly(MarkdownPipelineBuilder builder)
        {
            builder.InlineParsers.Clear();
            return builder.Build();
        }
    }
}
