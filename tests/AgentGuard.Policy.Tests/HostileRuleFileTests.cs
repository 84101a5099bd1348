using System;
using System.Linq;
using System.Threading;
using AgentGuard.Policy;

namespace AgentGuard.Policy.Tests;

/// <summary>
/// Rule files are written by people and by agents and come through pull requests: whatever one holds, reading it
/// neither crashes nor blinds the rest of the file. Each read runs on a 256 KB stack, so a recursion the input can
/// deepen fails here instead of passing on a big stack.
/// </summary>
public class HostileRuleFileTests
{
    private const string Before = "- Never use `DateTime.Now`\n\n";
    private const string After = "\n\n- Don't call `Environment.Exit`\n";

    private static RuleFile ReadOnSmallStack(string text)
    {
        RuleFile? file = null;
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    file = RuleFileReader.Read(text);
                }
                catch (Exception exception)
                {
                    failure = exception;
                }
            },
            256 * 1024);
        thread.Start();
        thread.Join();
        Assert.Null(failure);
        return file!;
    }

    private static void AssertNeighboursEnforced(RuleFile file)
    {
        Assert.Equal(new[] { "DateTime.Now", "Environment.Exit" }, file.Rules.SelectMany(rule => rule.BannedTargets).Select(target => target.Text));
        Assert.Null(file.ReadError);
    }

    [Fact]
    public void Bullet_of_two_hundred_thousand_asterisks_is_reported_on_its_line_and_the_other_rules_stay()
    {
        var file = ReadOnSmallStack(Before + "- Never use " + new string('*', 200_000) + "a" + new string('*', 200_000) + After);

        AssertNeighboursEnforced(file);
        var problem = Assert.Single(file.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Equal("its Markdown nests more than 32 levels deep", problem.Reason);
    }

    [Fact]
    public void Bullet_nested_twenty_thousand_levels_that_the_parser_refuses_costs_only_its_line()
    {
        var nested = string.Concat(Enumerable.Repeat("*a _", 20_000)) + "x" + string.Concat(Enumerable.Repeat("_ *", 20_000));
        var file = ReadOnSmallStack(Before + "- Never use " + nested + After);

        AssertNeighboursEnforced(file);
        var problem = Assert.Single(file.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Equal("its Markdown nests deeper than the Markdown parser allows", problem.Reason);
    }

    [Fact]
    public void Refused_item_in_a_list_costs_that_item_not_its_neighbours()
    {
        var file = ReadOnSmallStack("## Never\n\n- `DateTime.Now`\n- " + new string('[', 20_000) + "x" + new string(']', 20_000) + "\n- `Environment.Exit`\n");

        AssertNeighboursEnforced(file);
        Assert.Equal(4, Assert.Single(file.Problems).Line);
    }

    [Fact]
    public void Quotes_nested_past_the_block_parsers_limit_cost_only_their_line()
    {
        var file = ReadOnSmallStack(Before + string.Concat(Enumerable.Repeat("> ", 300)) + "- Never use `GC.Collect`" + After);

        AssertNeighboursEnforced(file);
        Assert.Equal(3, Assert.Single(file.Problems).Line);
    }

    [Fact]
    public void Run_of_refused_lines_is_one_report_for_the_whole_run()
    {
        var deep = string.Concat(Enumerable.Repeat(string.Concat(Enumerable.Repeat(">", 300)) + " x\n", 5));
        var file = ReadOnSmallStack(Before + deep + After);

        AssertNeighboursEnforced(file);
        var problem = Assert.Single(file.Problems);
        Assert.Equal("lines 3-7", problem.Lines);
    }

    [Fact]
    public void Lists_nested_deeper_than_the_reader_goes_are_reported_where_they_pass_the_limit()
    {
        var nested = string.Concat(Enumerable.Range(0, 40).Select(depth => new string(' ', depth * 2) + "- Never use `Thread.Sleep`\n"));
        var file = ReadOnSmallStack(Before + nested + After);

        Assert.Contains(file.Problems, problem => problem.Reason.Contains("nests"));
        Assert.Contains("DateTime.Now", file.Rules.SelectMany(rule => rule.BannedTargets).Select(target => target.Text));
    }

    [Fact]
    public void Many_unreadable_parts_are_reported_one_by_one_up_to_a_limit_then_counted()
    {
        var bad = "- " + new string('*', 100) + "x" + new string('*', 100) + "\n\n";
        var file = ReadOnSmallStack(Before + string.Concat(Enumerable.Repeat(bad, 30)) + After);

        AssertNeighboursEnforced(file);
        Assert.Equal(ReadLimits.MaxProblemsPerFile + 1, file.Problems.Count);
        Assert.StartsWith("10 more parts of the file could not be read", file.Problems[^1].Reason);
    }

    [Fact]
    public void Bullet_longer_than_a_rule_is_reported_not_read()
    {
        var file = ReadOnSmallStack(Before + "- Never use `GC.Collect` " + new string('x', 5000) + After);

        AssertNeighboursEnforced(file);
        Assert.StartsWith("the item is 5,021 characters long", Assert.Single(file.Problems).Reason);
    }

    [Fact]
    public void Rule_file_over_one_mebibyte_is_reported_as_a_whole_and_not_parsed()
    {
        var file = ReadOnSmallStack("- Never use `DateTime.Now`\n" + new string('x', ReadLimits.MaxFileLength));

        Assert.Empty(file.Rules);
        Assert.StartsWith("it is 1,048,603 characters long", file.ReadError);
    }

    [Fact]
    public void Binary_content_is_reported_as_a_whole()
    {
        var file = ReadOnSmallStack("- Never use `DateTime.Now`\n\0\u0001\u0002");

        Assert.Empty(file.Rules);
        Assert.Equal("it holds binary content (NUL characters), not text", file.ReadError);
    }

    [Fact]
    public void Lone_surrogates_and_control_characters_are_read_as_text()
    {
        var file = ReadOnSmallStack("- Never use `DateTime.Now` \uD800\u0007\n\n- Don't call `Environment.Exit` \uDC00\u001B[31m\n");

        AssertNeighboursEnforced(file);
    }

    [Fact]
    public void Front_matter_stays_front_matter_when_the_file_is_read_part_by_part()
    {
        var nested = string.Concat(Enumerable.Repeat("*a _", 20_000)) + "x" + string.Concat(Enumerable.Repeat("_ *", 20_000));
        var file = ReadOnSmallStack("---\napplyTo: \"**/*.cs\"\n---\n" + Before + "---\n\n- " + nested + "\n\n---\n" + After);

        AssertNeighboursEnforced(file);
        Assert.Equal(8, Assert.Single(file.Problems).Line);
    }
}
