using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Xunit;

namespace AgentGuard.Policy.Tests;

/// <summary>
/// The style table (<see cref="StyleTable"/>): every entry reads the wordings it lists, through the real reader, and none of
/// its look-alikes; directions map to opposite options; conditions stay guidance; docs/style-rules.md is the table.
/// </summary>
public class StyleTableTests
{
    public static TheoryData<string> EntryNames()
    {
        var data = new TheoryData<string>();
        foreach (var entry in StyleTable.Entries)
        {
            data.Add(entry.Name);
        }

        return data;
    }

    [Fact]
    public void The_table_has_at_least_forty_entries_with_unique_names()
    {
        Assert.True(StyleTable.Entries.Count >= 40, $"{StyleTable.Entries.Count} entries");
        Assert.Equal(StyleTable.Entries.Count, StyleTable.Entries.Select(e => e.Name).Distinct().Count());
    }

    [Fact]
    public void Every_entry_has_the_words_that_let_its_pattern_run()
    {
        Assert.True(StyleTable.EveryEntryHasTriggers);
    }

    [Theory]
    [MemberData(nameof(EntryNames))]
    public void Each_entry_reads_its_wordings_and_none_of_its_look_alikes(string name)
    {
        var entry = StyleTable.Entries.Single(e => e.Name == name);
        Assert.NotEmpty(entry.Reads);
        Assert.NotEmpty(entry.Ignores);
        foreach (var wording in entry.Reads)
        {
            var rule = Single(wording);
            Assert.True(rule != null && rule.Styles.Any(s => s.Name == name), $"'{wording}' should map to '{name}'; it maps to [{string.Join("; ", rule?.Styles.Select(s => s.Name) ?? Array.Empty<string>())}] ({rule?.GuidanceReason})");
        }

        foreach (var wording in entry.Ignores)
        {
            var rule = Single(wording);
            Assert.False(rule != null && rule.Styles.Any(s => s.Name == name), $"'{wording}' must not map to '{name}'");
        }
    }

    [Fact]
    public void Use_var_and_never_use_var_map_to_opposite_option_values()
    {
        var use = Single("- Use `var` for local variables")!.Styles.Single();
        var never = Single("- Never use `var`")!.Styles.Single();

        Assert.Equal("IDE0007", Assert.Single(use.Ids));
        Assert.Equal("IDE0008", Assert.Single(never.Ids));
        Assert.Contains(new KeyValuePair<string, string>("csharp_style_var_elsewhere", "true"), use.Options);
        Assert.Contains(new KeyValuePair<string, string>("csharp_style_var_elsewhere", "false"), never.Options);
    }

    [Fact]
    public void File_scoped_namespaces_under_a_never_heading_map_to_block_scoped()
    {
        var rules = RuleFileReader.Read("## Never\n\n- Use file-scoped namespaces\n").Rules;

        var style = Assert.Single(Assert.Single(rules).Styles);
        Assert.Equal("IDE0160", Assert.Single(style.Ids));
    }

    [Fact]
    public void A_plain_rule_is_an_error_and_a_preference_a_warning()
    {
        Assert.Equal(RuleSeverity.Error, Single("- Use file-scoped namespaces.")!.Styles.Single().Severity);
        Assert.Equal(RuleSeverity.Warning, Single("- Prefer file-scoped namespaces.")!.Styles.Single().Severity);
        Assert.Equal(RuleSeverity.Warning, Single("- **Readonly fields** where possible")!.Styles.Single().Severity);
    }

    [Theory]
    [InlineData("- Use file-scoped namespaces in new files")]
    [InlineData("- No `var` except in generated code")]
    [InlineData("- In `src/Legacy/`, always use braces")]
    [InlineData("- In TypeScript, always use braces")]
    public void A_style_rule_with_a_condition_the_options_cannot_express_stays_guidance(string bullet)
    {
        var rule = Single(bullet);

        Assert.NotNull(rule);
        Assert.Empty(rule!.Styles);
        Assert.True(rule.IsGuidance || rule.Styles.Count == 0);
    }

    [Theory]
    [InlineData("- Sort `System` usings first")]
    [InlineData("- Use 4 spaces for indentation")]
    [InlineData("- Braces on the next line (Allman style)")]
    [InlineData("- Remove trailing whitespace")]
    public void Formatting_rules_only_IDE0055_checks_stay_guidance(string bullet)
    {
        var rule = Single(bullet);

        Assert.True(rule == null || rule.Styles.Count == 0);
    }

    [Fact]
    public void A_file_header_rule_takes_its_template_from_the_quoted_lines()
    {
        var style = Single("- **File header required**: `// Copyright (c) Contoso Ltd.` + `// Licensed under the MIT License.`")!.Styles.Single();

        Assert.Contains(new KeyValuePair<string, string>("file_header_template", "Copyright (c) Contoso Ltd.\\nLicensed under the MIT License."), style.Options);
    }

    [Fact]
    public void A_file_header_rule_without_the_header_text_stays_guidance_and_says_why()
    {
        var rule = Single("- Every file needs the license header.")!;

        Assert.Empty(rule.Styles);
        Assert.Contains("without quoting it", rule.GuidanceReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_that_sets_one_option_two_ways_stays_guidance()
    {
        var rule = Single("- Use `var` for local variables; use explicit types instead of `var` for fields")!;

        Assert.Empty(rule.Styles);
    }

    [Fact]
    public void An_ignore_annotation_switches_a_style_rule_off()
    {
        var rule = Single("- Use file-scoped namespaces <!-- agentguard: ignore -->")!;

        Assert.Empty(rule.Styles);
        Assert.True(rule.IsGuidance);
    }

    [Fact]
    public void The_style_rules_page_lists_every_entry_of_the_table()
    {
        var page = Path.Combine(RepositoryRoot(), "docs", "style-rules.md");
        var expected = StyleRulesPage.Render();
        if (Environment.GetEnvironmentVariable("AGENTGUARD_WRITE_DOCS") == "1")
        {
            File.WriteAllText(page, expected);
        }

        Assert.True(File.Exists(page), "docs/style-rules.md is missing; run the tests with AGENTGUARD_WRITE_DOCS=1 to write it");
        var actual = File.ReadAllText(page).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.True(actual == expected, "docs/style-rules.md differs from the table; run the tests with AGENTGUARD_WRITE_DOCS=1 to write it again");
    }

    private static GoldenRule? Single(string bullet)
    {
        var text = bullet.StartsWith("- ", StringComparison.Ordinal) || bullet.StartsWith("* ", StringComparison.Ordinal) || char.IsDigit(bullet[0]) ? bullet : "- " + bullet;
        return RuleFileReader.Read(text + "\n").Rules.SingleOrDefault();
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder != null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "AgentGuard.Analyzers.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("the repository root was not found");
    }
}

/// <summary>docs/style-rules.md, rendered from the table.</summary>
public static class StyleRulesPage
{
    public static string Render()
    {
        var page = new StringBuilder();
        page.Append("# Style rules\n\n");
        page.Append("A golden rule that names a style the .NET SDK's analyzers already check is enforced through them: the package\n");
        page.Append("switches on the analyzer's diagnostic at the rule's severity (error for a plain rule, warning for one that says\n");
        page.Append("\"prefer\" or \"where possible\") and sets the options that say which way, in\n");
        page.Append("`obj/agentguard/agentguard.globalconfig` (see [golden-rules.md](golden-rules.md#style-rules)). The findings are the\n");
        page.Append("analyzers' own (IDE0008, CA1507, ...), so the IDE's fixes and `dotnet format` repair them.\n\n");
        page.Append("A wording the table does not know stays guidance, and so does a style rule with a condition the options cannot\n");
        page.Append("express (\"except for anonymous types\", \"in new code\", \"in the API layer\", another language). Formatting rules\n");
        page.Append("(indentation, brace placement, `System` usings first) are only checked by IDE0055, which checks all formatting at\n");
        page.Append("once: they stay guidance.\n\n");
        page.Append("This page is generated from `StyleTable` in AgentGuard.Policy; a test keeps the two equal.\n\n");
        page.Append("| Rule | IDs | Options | Read, for example | Not read |\n");
        page.Append("|---|---|---|---|---|\n");
        foreach (var entry in StyleTable.Entries)
        {
            var options = entry.Options.Count == 0 ? "-" : string.Join("<br>", entry.Options.Select(o => $"`{o.Key} = {o.Value}`"));
            page.Append(CultureInvariant($"| {entry.Name} | {string.Join(", ", entry.Ids)} | {options} | {Cell(entry.Reads)} | {Cell(entry.Ignores)} |\n"));
        }

        page.Append("\n`{severity}` is the rule's severity; `{header}` is the header the rule quotes, its comment lines joined.\n");
        page.Append("The `Async` suffix rule leaves test projects alone unless it names tests (test methods are named for their behaviour);\n");
        page.Append("it does apply to an `async Task Main`, which the naming rules cannot tell apart. The XML docs rule leaves test projects\n");
        page.Append("alone the same way. The naming rules (IDE1006) are left out where the project's `.editorconfig` has naming rules of its\n");
        page.Append("own: in a build IDE1006's severity is every naming rule's, so raising it would raise theirs too (AG0011 says so).\n");
        page.Append("IDE0041 reports `ReferenceEquals(x, null)`-style checks; a plain `x == null` is no finding of any SDK analyzer.\n");
        page.Append("Under a \"Don'ts\" heading or on a ❌ line, a style the rule names is what it is against: only the entries that read\n");
        page.Append("a ban themselves (\"Never use `var`\", \"Do not use file-scoped namespaces\") apply there.\n");
        page.Append("IDE rules need `EnforceCodeStyleInBuild` in builds, CA rules the .NET analyzers, CS1591 and IDE0005 a\n");
        page.Append("documentation file: [golden-rules.md](golden-rules.md#style-rules) says what the package does about each.\n");
        return page.ToString();
    }

    private static string Cell(IReadOnlyList<string> wordings) => string.Join("<br>", wordings.Select(w => w.Replace("|", "\\|", StringComparison.Ordinal)));

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);
}
