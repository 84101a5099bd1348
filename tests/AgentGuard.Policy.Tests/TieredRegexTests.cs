using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace AgentGuard.Policy.Tests;

/// <summary>
/// The reader's patterns start interpreted and are compiled once they have run many times (<see cref="TieredRegex"/>):
/// compiling must change no answer, and a pattern that runs rarely must never pay for it.
/// </summary>
public class TieredRegexTests
{
    private static readonly string[] Texts =
    {
        "Never use \u00010\u0002 in \u00011\u0002",
        "never USE it",
        "You should prefer records over classes",
        "Use `A` — not `B`; avoid `C`",
        string.Empty,
        "ünïcödé words and İstanbul",
    };

    [Fact]
    public void A_pattern_is_compiled_after_many_runs_and_answers_as_before()
    {
        var pattern = new TieredRegex(@"\b(?<verb>never|avoid|use)\b\s*(?<rest>\w*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        var before = Answers(pattern);
        Assert.False(pattern.IsCompiled);

        for (var run = 0; run < TieredRegex.CompileAfter; run++)
        {
            pattern.IsMatch("never");
        }

        Assert.True(pattern.IsCompiled);
        Assert.Equal(before, Answers(pattern));
    }

    [Fact]
    public void A_pattern_is_built_at_its_first_run_not_before()
    {
        var pattern = new TieredRegex(@"\bnever\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        Assert.False(pattern.IsBuilt);

        Assert.True(pattern.IsMatch("Never"));
        Assert.True(pattern.IsBuilt);
        Assert.False(pattern.IsCompiled);
    }

    [Fact]
    public void A_pattern_that_runs_fewer_times_than_the_threshold_stays_interpreted()
    {
        var pattern = new TieredRegex(@"\bnever\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        for (var run = 0; run < TieredRegex.CompileAfter - 2; run++)
        {
            pattern.IsMatch("never");
        }

        Assert.False(pattern.IsCompiled);
    }

    [Fact]
    public void A_compiled_pattern_keeps_the_timeout_for_untrusted_text()
    {
        var pattern = new TieredRegex(@"^(a+)+$", RegexOptions.CultureInvariant);
        Assert.Equal(Patterns.Timeout, pattern.MatchTimeout);
        for (var run = 0; run < TieredRegex.CompileAfter; run++)
        {
            pattern.IsMatch("a");
        }

        Assert.True(pattern.IsCompiled);
        Assert.Equal(Patterns.Timeout, pattern.MatchTimeout);
    }

    [Fact]
    public void Every_pattern_of_the_reader_answers_the_same_compiled_on_every_line_of_the_corpora()
    {
        var patterns = ReaderPatterns().ToList();
        Assert.True(patterns.Count >= 100, $"{patterns.Count} patterns");
        var lines = GatedPatternTests.Lines().Distinct().ToList();
        var differences = new List<string>();
        foreach (var pattern in patterns)
        {
            var interpreted = new Regex(pattern.ToString(), pattern.Options, Patterns.Timeout);
            var compiled = new Regex(pattern.ToString(), pattern.Options | RegexOptions.Compiled, Patterns.Timeout);
            foreach (var line in lines)
            {
                if (!SameMatches(interpreted.Match(line), compiled.Match(line)))
                {
                    differences.Add($"{pattern}: {line}");
                }
            }
        }

        Assert.Empty(differences);
    }

    [Theory]
    [InlineData("#pragma  warning\tdisable CS0618", BannedConstruct.PragmaWarningDisable)]
    [InlineData("async   void", BannedConstruct.AsyncVoid)]
    [InlineData("async\tvoid", BannedConstruct.AsyncVoid)]
    [InlineData(" async void ", BannedConstruct.AsyncVoid)]
    [InlineData("goto;", BannedConstruct.Goto)]
    public void A_code_span_names_its_construct_whatever_its_white_space(string span, BannedConstruct expected)
    {
        Assert.True(ConstructTable.TryMatchCodeSpan(span, out var construct));
        Assert.Equal(expected, construct);
    }

    // Every match with its groups, in order.
    private static bool SameMatches(Match one, Match other)
    {
        for (; one.Success || other.Success; one = one.NextMatch(), other = other.NextMatch())
        {
            if (one.Success != other.Success || one.Index != other.Index || one.Length != other.Length || one.Groups.Count != other.Groups.Count)
            {
                return false;
            }

            for (var group = 1; group < one.Groups.Count; group++)
            {
                if (one.Groups[group].Success != other.Groups[group].Success || one.Groups[group].Index != other.Groups[group].Index || one.Groups[group].Length != other.Groups[group].Length)
                {
                    return false;
                }
            }
        }

        return true;
    }

    // The reader's patterns, wherever they are kept: static fields, gated patterns, tables of tuples, the style table's entries.
    private static IEnumerable<TieredRegex> ReaderPatterns()
    {
        var found = new HashSet<TieredRegex>();
        void Walk(object? value, int depth)
        {
            switch (value)
            {
                case null:
                case string:
                    return;
                case TieredRegex pattern:
                    found.Add(pattern);
                    return;
                case GatedPattern gated:
                    found.Add(gated.Regex);
                    return;
                case StyleEntry entry:
                    Walk(entry.Pattern, depth);
                    Walk(entry.Allowed, depth);
                    return;
                case System.Collections.IEnumerable items when depth < 3:
                    foreach (var item in items)
                    {
                        Walk(item, depth + 1);
                    }

                    return;
                case System.Runtime.CompilerServices.ITuple tuple when depth < 3:
                    for (var i = 0; i < tuple.Length; i++)
                    {
                        Walk(tuple[i], depth + 1);
                    }

                    return;
            }
        }

        foreach (var type in typeof(TieredRegex).Assembly.GetTypes().Where(type => !type.ContainsGenericParameters))
        {
            foreach (var field in type.GetFields(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic))
            {
                if (!field.IsLiteral)
                {
                    Walk(field.GetValue(null), 0);
                }
            }
        }

        Walk(StyleTable.Entries, 0);
        return found;
    }

    private static string[] Answers(TieredRegex pattern) =>
        Texts.Select(text =>
        {
            var match = pattern.Match(text);
            return $"{pattern.IsMatch(text)}|{match.Index}|{match.Length}|{match.Groups["verb"].Value}|{match.Groups["rest"].Value}|{pattern.Matches(text).Count}|{pattern.Replace(text, "#")}|{string.Join("/", pattern.Split(text))}";
        }).ToArray();
}
