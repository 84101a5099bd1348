using System.Linq;
using System.Text.RegularExpressions;
using AgentGuard.Policy;

namespace AgentGuard.Policy.Tests.Reading;

/// <summary>
/// One lexicon, read the same by every stage: a word of a list means the same to polarity, the verb gate, path rules and
/// dependencies. Each case is a word as teams write it, which must be an entry of the list and be read by each stage
/// that reads the list.
/// </summary>
public class LexiconTests
{
    private static bool IsEntryOf(string[] list, string word) =>
        list.Any(entry => Regex.IsMatch(word, "^(?:" + entry + ")$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));

    [Theory]
    [InlineData("never")]
    [InlineData("don't")]
    [InlineData("do not")]
    [InlineData("must not")]
    [InlineData("should not")]
    [InlineData("shall not")]
    [InlineData("will not")]
    [InlineData("cannot")]
    [InlineData("mustn't")]
    public void A_negation_forbids_in_polarity_is_dropped_by_the_verb_gate_and_forbids_hand_edits_and_dependencies(string negation)
    {
        Assert.True(IsEntryOf(Lexicon.Negations, negation));
        Assert.Equal(RulePolarity.Never, PolarityWords.OfClause($"You {negation} use \u00010\u0002"));
        Assert.Equal("use", VerbGates.WithoutStarters($"you {negation} use"));
        Assert.Single(RuleFileReader.Read($"- {char.ToUpperInvariant(negation[0])}{negation[1..]} touch `deploy/`\n").Rules.SelectMany(rule => rule.Paths));
        Assert.True(DependencyWords.TryMatch($"{negation} reference \u00011\u0002 from \u00010\u0002", out var from, out var to) && from == 0 && to == 1);
    }

    [Theory]
    [InlineData("you")]
    [InlineData("agents")]
    [InlineData("AI agents")]
    [InlineData("Claude")]
    [InlineData("Copilot")]
    [InlineData("production code")]
    [InlineData("this repository")]
    public void A_subject_before_the_negation_is_read_by_polarity_and_the_verb_gate(string subject)
    {
        Assert.True(IsEntryOf(Lexicon.Addressees, subject) || IsEntryOf(Lexicon.WholeSubjects, subject));
        Assert.Equal(RulePolarity.Never, PolarityWords.OfClause($"{subject} must never call \u00010\u0002"));
        Assert.Equal("call", VerbGates.WithoutStarters($"{subject} must never call"));
    }

    [Theory]
    [InlineData("use")]
    [InlineData("call")]
    [InlineData("depend on")]
    [InlineData("rely on")]
    [InlineData("inject")]
    public void A_use_verb_bans_the_symbol_it_names(string verb)
    {
        Assert.True(IsEntryOf(Lexicon.UseVerbs, verb));
        Assert.Equal(VerbGate.Use, VerbGates.Of($"Never {verb} ", $"Never {verb} \u00010\u0002"));
        Assert.Contains("DateTime.Now", RuleFileReader.Read($"- Never {verb} `DateTime.Now`\n").Rules.SelectMany(rule => rule.BannedTargets).Select(target => target.Text));
    }

    [Theory]
    [InlineData("instantiate")]
    [InlineData("create")]
    [InlineData("new up")]
    public void A_construct_verb_bans_the_construction_only(string verb)
    {
        Assert.True(IsEntryOf(Lexicon.ConstructVerbs, verb));
        Assert.Equal(VerbGate.Construct, VerbGates.Of($"Never {verb} ", $"Never {verb} \u00010\u0002"));
    }

    [Theory]
    [InlineData("modify")]
    [InlineData("rename")]
    [InlineData("catch")]
    [InlineData("mock")]
    public void A_changing_or_handling_verb_bans_no_use_of_what_it_names(string verb)
    {
        Assert.True(IsEntryOf(Lexicon.ChangingVerbs, verb) || IsEntryOf(Lexicon.HandlingVerbs, verb));
        Assert.Equal(VerbGate.Other, VerbGates.Of($"Never {verb} ", $"Never {verb} \u00010\u0002"));
        Assert.Empty(RuleFileReader.Read($"- Never {verb} `HttpClient`\n").Rules.SelectMany(rule => rule.BannedTargets));
    }

    [Theory]
    [InlineData("edit")]
    [InlineData("hand-edit")]
    [InlineData("commit")]
    [InlineData("check in")]
    [InlineData("overwrite")]
    [InlineData("write to")]
    public void A_file_verb_makes_its_object_a_path(string verb)
    {
        Assert.True(IsEntryOf(Lexicon.FileVerbs, verb));
        Assert.Equal(new[] { "Forbidden deploy/" }, RuleFileReader.Read($"- Never {verb} `deploy/`\n").Rules.SelectMany(rule => rule.Paths).Select(path => path.ToString()));
    }

    [Theory]
    [InlineData("unless explicitly asked")]
    [InlineData("without approval")]
    [InlineData("without an explicit request")]
    [InlineData("only when requested")]
    public void An_approval_phrase_makes_the_path_need_approval(string phrase)
    {
        Assert.Contains(Lexicon.ApprovalPhrases, entry => Regex.IsMatch(phrase, @"\b(?:" + entry + @")\b", RegexOptions.IgnoreCase));
        Assert.Equal(new[] { "Approval global.json" }, RuleFileReader.Read($"- Never change `global.json` {phrase}\n").Rules.SelectMany(rule => rule.Paths).Select(path => path.ToString()));
    }

    [Theory]
    [InlineData("if possible")]
    [InlineData("where practical")]
    [InlineData("preferably")]
    [InlineData("except in generated code")]
    [InlineData("other than in the composition root")]
    public void A_hedge_or_exception_is_an_escape_clause(string phrase)
    {
        Assert.True(PolarityWords.HasEscapeClause($"Avoid it {phrase}"));
    }

    [Fact]
    public void Gate_words_are_words_every_match_of_their_entry_holds()
    {
        Assert.Equal(new[] { "agent", "ai", "reason", "not" }, Lexicon.GateWords(new[] { "agents?", @"ai\s+agents?", @"without\s+(?:a\s+)?good\s+reason", @"(?:do|does)\s+not" }));
        Assert.Throws<System.ArgumentException>(() => Lexicon.GateWords(new[] { @"(?:do|does)" }));
    }

    [Fact]
    public void Every_entry_of_a_gated_list_has_its_gate_word()
    {
        // Escape clauses and exclusions are gated patterns: each entry needs a word to search for.
        foreach (var entry in Lexicon.Exceptions.Concat(Lexicon.Hedges))
        {
            var word = Assert.Single(Lexicon.GateWords(new[] { entry }));
            Assert.True(Regex.IsMatch(word, "^(?:" + entry + ")$", RegexOptions.IgnoreCase) || entry.Contains(word, System.StringComparison.OrdinalIgnoreCase));
        }
    }
}
