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
        for (var run = 0; run < TieredRegex.CompileAfter; run++)
        {
            pattern.IsMatch("a");
        }

        Assert.True(pattern.IsCompiled);
        Assert.Throws<RegexMatchTimeoutException>(() => pattern.IsMatch(new string('a', 40) + "!"));
    }

    [Theory]
    [InlineData("#pragma  warning\tdisable CS0618", BannedConstruct.PragmaWarningDisable)]
    [InlineData("async   void", BannedConstruct.AsyncVoid)]
    [InlineData(" async void ", BannedConstruct.AsyncVoid)]
    [InlineData("goto;", BannedConstruct.Goto)]
    public void A_code_span_names_its_construct_whatever_its_white_space(string span, BannedConstruct expected)
    {
        Assert.True(ConstructTable.TryMatchCodeSpan(span, out var construct));
        Assert.Equal(expected, construct);
    }

    private static string[] Answers(TieredRegex pattern) =>
        Texts.Select(text =>
        {
            var match = pattern.Match(text);
            return $"{pattern.IsMatch(text)}|{match.Index}|{match.Length}|{match.Groups["verb"].Value}|{match.Groups["rest"].Value}|{pattern.Matches(text).Count}|{pattern.Replace(text, "#")}|{string.Join("/", pattern.Split(text))}";
        }).ToArray();
}
