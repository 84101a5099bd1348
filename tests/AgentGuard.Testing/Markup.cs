using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace AgentGuard.Testing;

/// <summary>An expected diagnostic read from markup: its ID and the span it covers in the cleaned text.</summary>
public sealed record ExpectedSpan(string Id, TextSpan Span);

/// <summary>
/// Reads the markup convention of Microsoft.CodeAnalysis.Testing: <c>{|AG0001:DateTime.Now|}</c> expects that ID on
/// that span, <c>[|DateTime.Now|]</c> expects the test's default ID. Markers may nest.
/// </summary>
public static class Markup
{
    public static (string Text, IReadOnlyList<ExpectedSpan> Spans) Parse(string markup, string? defaultId)
    {
        var text = new StringBuilder(markup.Length);
        var spans = new List<ExpectedSpan>();
        var open = new Stack<(string? Id, int Start)>();
        for (var i = 0; i < markup.Length; i++)
        {
            if (Starts(markup, i, "{|"))
            {
                var colon = markup.IndexOf(':', i + 2);
                open.Push((markup.Substring(i + 2, colon - i - 2), text.Length));
                i = colon;
            }
            else if (Starts(markup, i, "[|"))
            {
                open.Push((null, text.Length));
                i++;
            }
            else if ((Starts(markup, i, "|}") || Starts(markup, i, "|]")) && open.Count > 0)
            {
                var (id, start) = open.Pop();
                id ??= defaultId ?? throw new System.InvalidOperationException("[|...|] markup needs a default diagnostic ID");
                spans.Add(new ExpectedSpan(id, TextSpan.FromBounds(start, text.Length)));
                i++;
            }
            else
            {
                text.Append(markup[i]);
            }
        }

        if (open.Count > 0)
        {
            throw new System.InvalidOperationException("Unclosed markup in test source");
        }

        return (text.ToString(), spans);
    }

    private static bool Starts(string text, int index, string token) =>
        string.CompareOrdinal(text, index, token, 0, token.Length) == 0;
}
