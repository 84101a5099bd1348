using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace AgentGuard.Fuzzing;

/// <summary>One generated input and what reading it must keep.</summary>
internal sealed record FuzzInput(string Kind, string Text, bool KeepsNeighbours);

/// <summary>
/// Rule files to read: mutated excerpts of real and of our own rule files, generated deep nesting, long runs and
/// wordy bullets built to make a pattern backtrack. Generated hostile parts sit between two plain bans, which must
/// still be read.
/// </summary>
internal sealed class RuleFileInputs
{
    public const string Before = "# Rules\n\n- Never use `DateTime.Now`\n\n";
    public const string After = "\n\n- Don't call `Environment.Exit`\n";

    private static readonly string[] RuleWords =
    {
        "Never", "never", "use", "Use", "`DateTime.Now`", "`A.B`", "instead", "of", "rather", "than", "—", "-", ";", ":", "(", ")", ",", ".",
        "do", "not", "don't", "Avoid", "Prefer", "over", "in", "the", "a", "tests", "production", "code", "without", "when", "unless",
        "explicitly", "asked", "where", "possible", "must", "MUST NOT", "should", "`src/**`", "`*.cs`", "edit", "modify", "files", "under",
        "depend", "on", "reference", "**Never**", "_x_", "`async void`", "`.Result`", "TODO", "placeholder", "System.IO.File", "A.B.C.D.E",
        "except", "for", "event", "handlers", "->", "→", "❌", "✅", "@AGENTS.md", "<!-- agentguard: ban T:X -->", "\\", "`", "*", "_",
    };

    private readonly Random _random;
    private readonly Mutator _mutator;
    private readonly IReadOnlyList<string> _seeds;

    private readonly int _maxDepth;

    public RuleFileInputs(Random random, IReadOnlyList<string> seeds, int maxDepth)
    {
        _random = random;
        _maxDepth = maxDepth;
        _mutator = new Mutator(random);
        _seeds = seeds;
    }

    public FuzzInput Next()
    {
        var roll = _random.Next(100);
        if (roll < 62)
        {
            return new FuzzInput("mutated excerpt", _mutator.Mutate(Excerpt(), 1 + _random.Next(8)), false);
        }

        if (roll < 66)
        {
            return new FuzzInput("mutated file", _mutator.Mutate(_seeds[_random.Next(_seeds.Count)], 1 + _random.Next(12)), false);
        }

        if (roll < 78)
        {
            var (kind, part) = Nested();
            return new FuzzInput("nesting: " + kind, Before + part + After, true);
        }

        if (roll < 88)
        {
            return new FuzzInput("wordy bullet", Before + "- " + Wordy(200 + _random.Next(4500)) + After, true);
        }

        if (roll < 96)
        {
            var (kind, part) = LongRun();
            return new FuzzInput("long: " + kind, Before + part + After, Before.Length + part.Length + After.Length <= AgentGuard.Policy.ReadLimits.MaxFileLength);
        }

        return new FuzzInput("broken UTF-16", BrokenUtf16(Excerpt()), false);
    }

    private string Excerpt()
    {
        var lines = _seeds[_random.Next(_seeds.Count)].Split('\n');
        var start = _random.Next(lines.Length);
        var count = 1 + _random.Next(Math.Min(40, lines.Length - start));
        return string.Join("\n", lines, start, count) + "\n";
    }

    /// <summary>Depth spread evenly over orders of magnitude, from what real files do to what a parser refuses.</summary>
    private int Depth(int max) => (int)Math.Exp(Math.Log(4) + (_random.NextDouble() * (Math.Log(max) - Math.Log(4))));

    private (string Kind, string Text) Nested()
    {
        var depth = Depth(_maxDepth);
        switch (_random.Next(10))
        {
            case 0:
                return ("asterisk runs", "- Never use " + new string('*', depth) + "a" + new string('*', depth));
            case 1:
                return ("alternating emphasis", "- Never use " + Mutator.Repeat("*a _", depth) + "x" + Mutator.Repeat("_ *", depth));
            case 2:
                return ("brackets", "- Never use " + new string('[', depth) + "a" + new string(']', depth));
            case 3:
                return ("links", "- " + Mutator.Repeat("[a", depth) + Mutator.Repeat("](b)", depth));
            case 4:
                return ("quotes", Mutator.Repeat("> ", depth) + "- Never use `GC.Collect`");
            case 5:
                var lists = Math.Min(depth, 200);
                return ("indented lists", string.Concat(Enumerable.Range(0, lists).Select(level => new string(' ', level * 2) + "- Never use `Thread.Sleep`\n")));
            case 6:
                return ("list markers on one line", Mutator.Repeat("- ", depth) + "Never use `GC.Collect`");
            case 7:
                return ("images", "- " + Mutator.Repeat("![", depth) + "x" + Mutator.Repeat("](y)", depth));
            case 8:
                return ("inline html", "- Never use " + Mutator.Repeat("<b>", depth) + "`X.Y`" + Mutator.Repeat("</b>", depth));
            default:
                return ("mixed", "- " + string.Concat(Enumerable.Range(0, depth).Select(_ => "*_[`<>"[_random.Next(6)].ToString())) + " x");
        }
    }

    private (string Kind, string Text) LongRun()
    {
        var length = Depth(1_200_000);
        switch (_random.Next(7))
        {
            case 0:
                var c = "*_`[]<>!#-|\\ ax@.:/"[_random.Next(19)];
                return ($"'{c}' run", "- Never use " + new string(c, length));
            case 1:
                return ("dotted identifiers", "- Never use " + Mutator.Repeat("Abc.", Math.Max(1, length / 4)) + "X");
            case 2:
                return ("code spans", "- Never use " + Mutator.Repeat("`A.B` or ", Math.Max(1, length / 9)));
            case 3:
                return ("imports", "See " + Mutator.Repeat("@a/b/c.md ", Math.Max(1, length / 10)));
            case 4:
                return ("annotation", "- Never do it <!-- agentguard: " + Mutator.Repeat("ban T:X; ", Math.Max(1, length / 9)) + "-->");
            case 5:
                return ("one long paragraph", Mutator.Repeat("words and more words ", Math.Max(1, length / 21)));
            default:
                return ("long heading", "## " + Mutator.Repeat("Never ", Math.Max(1, length / 6)));
        }
    }

    private string Wordy(int length)
    {
        var builder = new StringBuilder();
        while (builder.Length < length)
        {
            builder.Append(RuleWords[_random.Next(RuleWords.Length)]).Append(_random.Next(4) == 0 ? string.Empty : " ");
        }

        return builder.ToString();
    }

    private string BrokenUtf16(string text)
    {
        var builder = new StringBuilder(text);
        for (var i = 0; i < 1 + _random.Next(20); i++)
        {
            builder.Insert(_random.Next(builder.Length + 1), (char)(0xD800 + _random.Next(0x800)));
        }

        return builder.ToString();
    }
}
