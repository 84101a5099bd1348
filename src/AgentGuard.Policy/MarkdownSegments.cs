using System.Collections.Generic;
using Markdig.Syntax;

namespace AgentGuard.Policy
{
    /// <summary>
    /// Cuts a rule file that Markdig refuses as a whole into parts that can be read one at a time: its top-level blocks
    /// (and, for a list, its items), found by a parse of the block structure only. Markdig's depth limit throws for the
    /// whole document without saying where; this finds the part, so that one bad line costs that line only.
    /// </summary>
    internal static class MarkdownSegments
    {
        /// <summary>The parts of <paramref name="text"/>, in order, each with its first line; unreadable ones with the reason.</summary>
        public static List<MarkdownSegment> Split(string text)
        {
            var lines = new LineIndex(text);
            var segments = new List<MarkdownSegment>();
            if (TryBlocks(lines, 0, lines.Count, out var all, out var reason))
            {
                AddBlocks(lines, 0, lines.Count, all!, segments);
                return segments;
            }

            // Block parsing reads line by line, so once a prefix is refused every longer one is too: find the first
            // refused line, keep the blocks before it, skip that line and go on after it.
            var from = 0;
            while (from < lines.Count)
            {
                var bad = FirstRefusedLine(lines, from);
                if (bad > from && TryBlocks(lines, from, bad, out var before, out _))
                {
                    AddBlocks(lines, from, bad, before!, segments);
                }

                if (bad == lines.Count)
                {
                    break;
                }

                segments.Add(MarkdownSegment.Unreadable(bad, bad + 1, reason!));
                from = bad + 1;
            }

            return segments;
        }

        /// <summary>
        /// The index of the first line whose block structure Markdig refuses, reading from <paramref name="from"/>; the
        /// line count when it refuses none.
        /// </summary>
        private static int FirstRefusedLine(LineIndex lines, int from)
        {
            // Galloping, then halving: the cost follows the distance to the refused line, not the file's length, so a
            // file of many refused lines is still read in n log n.
            var good = from;
            var refused = -1;
            for (var step = 1; refused < 0; step *= 2)
            {
                var end = System.Math.Min(from + step, lines.Count);
                if (!TryBlocks(lines, from, end, out _, out _))
                {
                    refused = end;
                }
                else if (end == lines.Count)
                {
                    return lines.Count;
                }
                else
                {
                    good = end;
                }
            }

            while (refused - good > 1)
            {
                var middle = good + ((refused - good) / 2);
                if (TryBlocks(lines, from, middle, out _, out _))
                {
                    good = middle;
                }
                else
                {
                    refused = middle;
                }
            }

            return refused - 1;
        }

        private static bool TryBlocks(LineIndex lines, int from, int to, out MarkdownDocument? blocks, out string? reason) =>
            MarkdownParsing.TryParse(lines.Text(from, to), from == 0 ? MarkdownParsing.DocumentBlocks : MarkdownParsing.PartBlocks, out blocks, out reason);

        private static void AddBlocks(LineIndex lines, int from, int to, MarkdownDocument blocks, List<MarkdownSegment> segments)
        {
            var starts = new List<int>();
            var lists = new List<ListBlock?>();
            for (var i = 0; i < blocks.Count; i++)
            {
                // An annotation comment after a list belongs to its last item: it stays in the list's part.
                if (i > 0 && blocks[i] is HtmlBlock && blocks[i - 1] is ListBlock)
                {
                    continue;
                }

                starts.Add(i == 0 ? from : from + blocks[i].Line);
                lists.Add(blocks[i] as ListBlock);
            }

            for (var i = 0; i < starts.Count; i++)
            {
                var end = i + 1 < starts.Count ? starts[i + 1] : to;
                var items = new List<int>();
                if (lists[i] is { } list)
                {
                    foreach (var item in list)
                    {
                        items.Add(from + item.Line);
                    }
                }

                segments.Add(MarkdownSegment.Readable(starts[i], end, lines, items));
            }
        }
    }

    /// <summary>A run of whole lines of a rule file: a top-level block, or a line Markdig refuses.</summary>
    internal sealed class MarkdownSegment
    {
        private readonly LineIndex? _lines;
        private readonly IReadOnlyList<int> _itemStarts;

        private MarkdownSegment(int firstLine, int endLine, LineIndex? lines, IReadOnlyList<int> itemStarts, string? reason)
        {
            FirstLine = firstLine;
            EndLine = endLine;
            _lines = lines;
            _itemStarts = itemStarts;
            Reason = reason;
        }

        /// <summary>The 0-based index of the part's first line in the file.</summary>
        public int FirstLine { get; }

        /// <summary>The 0-based index of the line after the part.</summary>
        public int EndLine { get; }

        /// <summary>Why the part cannot be read; null for a part to read.</summary>
        public string? Reason { get; }

        public string Text => _lines!.Text(FirstLine, EndLine);

        /// <summary>True for a list, whose items are read one by one.</summary>
        public bool HasItems => _itemStarts.Count > 0;

        /// <summary>A list's items, each as a part of its own: one refused item then costs only itself.</summary>
        public IEnumerable<MarkdownSegment> Items()
        {
            for (var i = 0; i < _itemStarts.Count; i++)
            {
                var end = i + 1 < _itemStarts.Count ? _itemStarts[i + 1] : EndLine;
                yield return new MarkdownSegment(_itemStarts[i], end, _lines, System.Array.Empty<int>(), null);
            }
        }

        public static MarkdownSegment Readable(int firstLine, int endLine, LineIndex lines, IReadOnlyList<int> itemStarts) =>
            new MarkdownSegment(firstLine, endLine, lines, itemStarts, null);

        public static MarkdownSegment Unreadable(int firstLine, int endLine, string reason) =>
            new MarkdownSegment(firstLine, endLine, null, System.Array.Empty<int>(), reason);
    }

    /// <summary>Where each line of a text starts, with Markdig's line ends (<c>\n</c>, <c>\r\n</c>, <c>\r</c>).</summary>
    internal sealed class LineIndex
    {
        private readonly string _text;
        private readonly List<int> _starts = new List<int> { 0 };

        public LineIndex(string text)
        {
            _text = text;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                if (text[i] == '\n' || text[i] == '\r')
                {
                    _starts.Add(i + 1);
                }
            }

            if (_starts[_starts.Count - 1] == text.Length && _starts.Count > 1)
            {
                // A final line end does not start another line.
                _starts.RemoveAt(_starts.Count - 1);
            }
        }

        public int Count => _starts.Count;

        /// <summary>Lines <paramref name="from"/> up to, not including, <paramref name="to"/>, with their line ends.</summary>
        public string Text(int from, int to)
        {
            var start = _starts[from];
            var end = to < _starts.Count ? _starts[to] : _text.Length;
            return _text.Substring(start, end - start);
        }
    }
}
