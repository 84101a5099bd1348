using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using AgentGuard.Policy.Tests.RealCorpus;
using AgentGuard.Testing;
using Xunit;

namespace AgentGuard.Policy.Tests;

/// <summary>
/// A pattern that runs only on text holding one of its words (<see cref="GatedPattern"/>, the style table's trigger
/// words) must never skip text it would match: on every line of our rule files, the real corpus and the style table's
/// examples, as written and with its code spans masked as the reader masks them, a match implies the gate opens.
/// </summary>
public class GatedPatternTests
{
    private static readonly Regex CodeSpan = new Regex("`[^`]+`");

    internal static IEnumerable<(string Owner, string Name, GatedPattern Pattern)> AllGatedPatterns() =>
        typeof(GatedPattern).Assembly.GetTypes()
            .SelectMany(type => type.GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)
                .Where(field => field.FieldType == typeof(GatedPattern))
                .Select(field => (type.Name, field.Name, (GatedPattern)field.GetValue(null)!)));

    internal static List<string> Lines()
    {
        var texts = new List<string>();
        texts.AddRange(Directory.GetFiles(Path.Combine(SourceTree.Root, "tests", "AgentGuard.Policy.Tests", "Corpus"), "*.md").Concat(Directory.GetFiles(Path.Combine(SourceTree.Root, "docs"), "*.md")).Select(File.ReadAllText));
        texts.AddRange(RealCorpusFiles.Rows().Select(row => row.Text));
        texts.AddRange(StyleTable.Entries.SelectMany(entry => entry.Reads.Concat(entry.Ignores)));
        var lines = new List<string>();
        foreach (var line in texts.SelectMany(text => text.Split('\n')).Select(line => line.Trim()).Where(line => line.Length > 0))
        {
            lines.Add(line);
            var index = 0;
            lines.Add(CodeSpan.Replace(line, _ => "\u0001" + index++ + "\u0002"));
        }

        return lines;
    }

    [Fact]
    public void The_reader_has_gated_patterns_to_check()
    {
        Assert.True(AllGatedPatterns().Count() >= 8, string.Join(", ", AllGatedPatterns().Select(p => p.Owner + "." + p.Name)));
    }

    [Fact]
    public void No_gated_pattern_skips_a_line_it_matches()
    {
        var lines = Lines();
        Assert.True(lines.Count > 2000, $"{lines.Count} lines");
        var misses = new List<string>();
        foreach (var (owner, name, pattern) in AllGatedPatterns())
        {
            foreach (var line in lines.Where(line => pattern.Regex.IsMatch(line) && !pattern.CanMatch(line)))
            {
                misses.Add($"{owner}.{name}: {line}");
            }
        }

        Assert.Empty(misses);
    }

    [Theory]
    [InlineData("Use \u00010\u0002, never \u00011\u0002")]
    [InlineData("Log through \u00010\u0002 and do  not call \u00011\u0002")]
    [InlineData("Wrap it,\tand\tgo through \u00010\u0002")]
    [InlineData("Prefer records or avoid classes")]
    [InlineData("Keep it short: one screen")]
    [InlineData("Never use \u00010\u0002 -- use \u00011\u0002")]
    [InlineData("Never use \u00010\u0002 (use \u00011\u0002)")]
    [InlineData("Stop. Never call it")]
    public void The_clause_pre_check_opens_for_every_kind_of_boundary(string text)
    {
        Assert.True(BulletInterpreter.ClauseBoundary.IsMatch(text));
        Assert.True(BulletInterpreter.MayHaveClauseBoundary(text));
    }

    [Fact]
    public void The_clause_pre_check_never_skips_a_line_the_clause_pattern_splits()
    {
        var lines = Lines();
        var misses = lines.Where(line => BulletInterpreter.ClauseBoundary.IsMatch(line) && !BulletInterpreter.MayHaveClauseBoundary(line)).ToList();

        Assert.Empty(misses);
        Assert.Contains(lines, line => !BulletInterpreter.MayHaveClauseBoundary(line));
    }

    [Fact]
    public void No_style_entry_is_skipped_on_a_line_its_pattern_matches()
    {
        var lines = Lines();
        var misses = new List<string>();
        foreach (var entry in StyleTable.Entries)
        {
            foreach (var line in lines.Where(line => entry.Pattern.IsMatch(line.Replace('\u2019', '\'')) && !StyleTable.IsTriggered(entry, line.Replace('\u2019', '\''))))
            {
                misses.Add($"{entry.Name}: {line}");
            }
        }

        Assert.Empty(misses);
    }

    [Fact]
    public void The_style_table_reads_a_line_once_for_all_entries_as_each_entry_would_alone()
    {
        // An entry's word counts at the start of a word of the line, in any case; a word that starts with no letter counts anywhere.
        static bool Holds(string line, IReadOnlyList<string>? words)
        {
            if (words == null)
            {
                return true;
            }

            foreach (var word in words)
            {
                for (var at = line.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = line.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
                {
                    if (at == 0 || !char.IsLetter(line[at - 1]) || !char.IsLetter(word[0]))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        var lines = Lines();
        lines.AddRange(new[] { "VAR everywhere", "GetEnvironmentVariable", "x#REGION y", "Use `var`", "use var", "IMPLICITLY typed", "var" });
        var misses = new List<string>();
        var triggeredSomewhere = 0;
        foreach (var entry in StyleTable.Entries)
        {
            var words = StyleTable.TriggerWords(entry);
            foreach (var line in lines)
            {
                var expected = Holds(line, words);
                if (StyleTable.IsTriggered(entry, line) != expected)
                {
                    misses.Add($"{entry.Name} ({expected}): {line}");
                }

                triggeredSomewhere += expected && words != null ? 1 : 0;
            }
        }

        Assert.Empty(misses);
        Assert.True(triggeredSomewhere > 100, $"{triggeredSomewhere}");
    }

    [Fact]
    public void A_gate_without_its_words_answers_no_match_and_leaves_text_alone()
    {
        var pattern = new GatedPattern(@"\bexcept\s+in\s+tests\b", RegexOptions.IgnoreCase, "except");
        Assert.False(pattern.IsMatch("Never use it in tests"));
        Assert.True(pattern.IsMatch("Never use it, EXCEPT in tests"));
        Assert.Same("Never use it", pattern.Replace("Never use it", " "));
        Assert.False(pattern.Match("nothing here").Success);
    }
}
