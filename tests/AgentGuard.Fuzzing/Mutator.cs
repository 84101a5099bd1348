using System;
using System.Text;

namespace AgentGuard.Fuzzing;

/// <summary>
/// Edits a text the way a careless hand, a bad merge or a hostile pull request does: inserted and repeated punctuation,
/// cut and copied ranges, stray control and non-Latin characters, broken UTF-16, other line ends.
/// </summary>
internal sealed class Mutator
{
    private static readonly string[] Strays =
    {
        "\u0001", "\u0007", "\u001B[31m", "\u007F", "\u200B", "\u202E", "\uFEFF", "\uFFFD", "\uFFFF", "\t", "\v", "\f", "\r",
        "\u0085", "\u2028", "\u2029", "\u00A0", "\u3000", "禁止", "используйте", "لا تستخدم", "🚫", "❌", "✅", "⛔", "e\u0301\u0301\u0301",
        "\uD800", "\uDC00", "\uDBFF\uDBFF", "\uDFFF\uD800",
    };

    private static readonly string Punctuation = "*_`[]()<>!#-+=|~\\:\"'&;@/{}.,0123456789 \n";

    private readonly Random _random;

    public Mutator(Random random) => _random = random;

    public string Mutate(string text, int edits)
    {
        var builder = new StringBuilder(text);
        for (var i = 0; i < edits; i++)
        {
            switch (_random.Next(9))
            {
                case 0:
                case 1:
                    Insert(builder, new string(Punctuation[_random.Next(Punctuation.Length)], Run()));
                    break;
                case 2:
                    Insert(builder, Repeat(RandomPiece(Punctuation, 2 + _random.Next(4)), Run()));
                    break;
                case 3:
                    Cut(builder);
                    break;
                case 4:
                    Copy(builder);
                    break;
                case 5:
                    Insert(builder, Repeat(Strays[_random.Next(Strays.Length)], 1 + _random.Next(4)));
                    break;
                case 6:
                    RepeatRange(builder);
                    break;
                case 7:
                    var from = Position(builder);
                    builder.Replace("\n", _random.Next(2) == 0 ? "\r\n" : "\r", from, Math.Min(200, builder.Length - from));
                    break;
                default:
                    Insert(builder, "\n" + new string(' ', _random.Next(12)) + RandomPiece("-*>#1.) ", 1 + _random.Next(3)) + " ");
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Mostly short runs; now and then one long enough to hit a parser's limits.</summary>
    private int Run() => _random.Next(20) == 0 ? 1000 + _random.Next(20_000) : 1 + _random.Next(12);

    private int Position(StringBuilder builder) => builder.Length == 0 ? 0 : _random.Next(builder.Length + 1);

    private void Insert(StringBuilder builder, string piece) => builder.Insert(Position(builder), piece);

    private void Cut(StringBuilder builder)
    {
        var start = Position(builder);
        builder.Remove(start, Math.Min(builder.Length - start, _random.Next(400)));
    }

    private void Copy(StringBuilder builder)
    {
        var start = Position(builder);
        var piece = builder.ToString(start, Math.Min(builder.Length - start, _random.Next(400)));
        Insert(builder, piece);
    }

    private void RepeatRange(StringBuilder builder)
    {
        var start = Position(builder);
        var piece = builder.ToString(start, Math.Min(builder.Length - start, 1 + _random.Next(12)));
        builder.Insert(start, Repeat(piece, Run()));
    }

    private string RandomPiece(string alphabet, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[_random.Next(alphabet.Length)];
        }

        return new string(chars);
    }

    public static string Repeat(string piece, int count)
    {
        var builder = new StringBuilder(piece.Length * count);
        for (var i = 0; i < count; i++)
        {
            builder.Append(piece);
        }

        return builder.ToString();
    }
}
