using System.Linq;
using AgentGuard.Policy;

namespace AgentGuard.Policy.Tests;

public class RuleFileReaderTests
{
    private static string[] Banned(string markdown) =>
        RuleFileReader.Read(markdown).Rules.SelectMany(rule => rule.BannedTargets).Select(target => target.Text).ToArray();

    private static GoldenRule Single(string markdown) => Assert.Single(RuleFileReader.Read(markdown).Rules);

    [Fact]
    public void Never_bullet_with_member_code_span_bans_the_member()
    {
        var rule = Single("- Never use `DateTime.Now` — use `TimeProvider`\n");

        Assert.Equal(new[] { "DateTime.Now" }, rule.BannedTargets.Select(t => t.Text));
        Assert.Equal(RulePolarity.Never, rule.Polarity);
        Assert.Equal(1, rule.Line);
        Assert.Equal("Never use DateTime.Now — use TimeProvider", rule.Text);
    }

    [Theory]
    [InlineData("- Do not use `DateTime.Now`")]
    [InlineData("- Don't use `DateTime.Now`")]
    [InlineData("- Don’t call `DateTime.Now` anywhere")]
    [InlineData("- Avoid `DateTime.Now` in domain code")]
    [InlineData("- **Never** use `DateTime.Now`")]
    [InlineData("- NEVER use `DateTime.Now`")]
    [InlineData("- You MUST NOT call `DateTime.Now`")]
    [InlineData("- No `DateTime.Now` in services")]
    [InlineData("- `DateTime.Now` is banned")]
    [InlineData("* Never use `DateTime.Now`")]
    [InlineData("1. Never use `DateTime.Now`")]
    [InlineData("- ❌ `DateTime.Now`")]
    public void Negative_wording_of_the_bullet_bans_its_code_span(string bullet)
    {
        Assert.Equal(new[] { "DateTime.Now" }, Banned(bullet));
    }

    [Fact]
    public void Never_heading_makes_a_use_bullet_a_ban()
    {
        var markdown = "### Never\n- Use `Console.WriteLine` in library code\n";

        var rule = Single(markdown);

        Assert.Equal(new[] { "Console.WriteLine" }, rule.BannedTargets.Select(t => t.Text));
        Assert.Equal(2, rule.Line);
        Assert.Equal("Never: Use Console.WriteLine in library code", rule.Text);
    }

    [Fact]
    public void Nested_item_under_a_lead_in_is_quoted_with_the_lead_in()
    {
        var rules = RuleFileReader.Read("- Never call these from library code:\n  - `Environment.Exit`\n").Rules;

        Assert.Equal("Never call these from library code: Environment.Exit", rules[1].Text);
    }

    [Theory]
    [InlineData("## Don'ts")]
    [InlineData("### ❌ NEVER:")]
    [InlineData("## Things to avoid")]
    [InlineData("## Do NOT")]
    public void Negative_headings_give_their_bullets_polarity(string heading)
    {
        Assert.Equal(new[] { "Thread.Sleep" }, Banned(heading + "\n\n- `Thread.Sleep` in async code\n"));
    }

    [Fact]
    public void Never_clause_inside_an_always_bullet_bans_only_what_follows_never()
    {
        var markdown = "### Always\n- Read the time through `TimeProvider` — never `DateTime.Now`\n";

        Assert.Equal(new[] { "DateTime.Now" }, Banned(markdown));
    }

    [Theory]
    [InlineData("- Use `ILogger<T>` instead of `Console.WriteLine`")]
    [InlineData("- Prefer `ILogger<T>` rather than `Console.WriteLine`")]
    [InlineData("### Always\n- `ILogger<T>` instead of `Console.WriteLine`")]
    public void Instead_of_bans_the_replaced_symbol_and_not_the_suggestion(string markdown)
    {
        Assert.Equal(new[] { "Console.WriteLine" }, Banned(markdown));
    }

    [Theory]
    [InlineData("- Don't use `DateTime.Now`, use `TimeProvider` instead")]
    [InlineData("- Don't use `DateTime.Now`; call `TimeProvider.GetUtcNow()`")]
    [InlineData("- Never use `DateTime.Now`. Use `TimeProvider`.")]
    [InlineData("- Never use `DateTime.Now` (use `TimeProvider` instead)")]
    [InlineData("- Never use `DateTime.Now` - use `TimeProvider`")]
    [InlineData("- Never use `DateTime.Now` instead of `TimeProvider`")]
    public void Suggested_replacement_in_a_never_bullet_is_not_banned(string bullet)
    {
        Assert.Equal(new[] { "DateTime.Now" }, Banned(bullet));
    }

    [Fact]
    public void Several_code_spans_in_one_never_clause_are_all_banned()
    {
        Assert.Equal(new[] { "Task.Result", "Task.Wait()" }, Banned("- Never call `Task.Result` or `Task.Wait()`"));
    }

    [Fact]
    public void Explanation_after_a_colon_is_not_banned()
    {
        Assert.Equal(new[] { "DateTime.Now" }, Banned("- Never use `DateTime.Now`: it makes `OrderTests` flaky"));
    }

    [Fact]
    public void Lead_in_bullet_hands_its_polarity_to_nested_items()
    {
        var markdown = "- Never use the following:\n  - `DateTime.Now`\n  - `Environment.Exit`\n- Keep methods short\n";

        Assert.Equal(new[] { "DateTime.Now", "Environment.Exit" }, Banned(markdown));
    }

    [Theory]
    [InlineData("- `src/Shop` holds the web app; `DateTime.Now` is read in `Clock.cs`")]
    [InlineData("- Run `dotnet test` before pushing")]
    [InlineData("- The service uses `Dapper` instead of `EntityFramework`")]
    [InlineData("- No need to call `ConfigureAwait(false)` in tests")]
    [InlineData("Never use `DateTime.Now` in a paragraph that is not a list item.")]
    [InlineData("```\n- Never use `DateTime.Now`\n```")]
    [InlineData("    - Never use DateTime.Now in an indented code block")]
    public void Descriptive_bullets_and_non_list_text_ban_nothing(string markdown)
    {
        Assert.Empty(Banned(markdown));
    }

    [Fact]
    public void Heading_polarity_ends_at_the_next_heading()
    {
        var markdown = "## Never\n- `DateTime.Now`\n\n## Build\n- Use `dotnet build -c Release`\n- `Console.WriteLine` logs the result\n";

        Assert.Equal(new[] { "DateTime.Now" }, Banned(markdown));
    }

    [Fact]
    public void Document_title_with_never_does_not_turn_later_sections_into_bans()
    {
        var markdown = "# Never break the build\n\n## Layout\n- `Console.WriteLine` prints the banner\n";

        Assert.Empty(Banned(markdown));
    }

    [Fact]
    public void Dos_and_donts_heading_has_no_polarity_of_its_own()
    {
        Assert.Empty(Banned("## Dos and Don'ts\n- `Console.WriteLine` prints the banner\n"));
    }

    [Fact]
    public void Hard_wrapped_bullet_is_one_rule_with_its_first_line()
    {
        var rule = Single("Intro\n\n- Never read the clock with\n  `DateTime.Now`; inject\n  `TimeProvider` instead\n");

        Assert.Equal(3, rule.Line);
        Assert.Equal(new[] { "DateTime.Now" }, rule.BannedTargets.Select(t => t.Text));
        Assert.Equal("Never read the clock with DateTime.Now; inject TimeProvider instead", rule.Text);
    }

    [Fact]
    public void Yaml_front_matter_is_skipped()
    {
        var markdown = "---\ntitle: Rules\n- Never use `Environment.Exit`\n---\n- Never use `DateTime.Now`\n";

        var rule = Single(markdown);

        Assert.Equal(5, rule.Line);
        Assert.Equal(new[] { "DateTime.Now" }, rule.BannedTargets.Select(t => t.Text));
    }

    [Theory]
    [InlineData("- Never use `DateTime.Now` unless explicitly asked")]
    [InlineData("- Avoid `DateTime.Now` where possible")]
    [InlineData("- Never use `DateTime.Now` except when the user asks for local time")]
    public void Escape_clause_marks_the_rule(string bullet)
    {
        Assert.True(Single(bullet).HasEscapeClause);
    }

    [Fact]
    public void Rule_without_an_escape_clause_is_not_marked()
    {
        Assert.False(Single("- Never use `DateTime.Now`").HasEscapeClause);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("# Only a heading")]
    [InlineData("\0\u0001\u0002PK\u0003\u0004binary")]
    public void Empty_or_binary_text_has_no_rules(string text)
    {
        Assert.Empty(RuleFileReader.Read(text).Rules);
    }

    [Fact]
    public void Null_text_has_no_rules()
    {
        Assert.Empty(RuleFileReader.Read(null).Rules);
    }

    [Fact]
    public void Byte_order_mark_does_not_hide_the_first_bullet()
    {
        Assert.Equal(new[] { "DateTime.Now" }, Banned("\uFEFF- Never use `DateTime.Now`\n"));
    }

    [Fact]
    public void Crlf_line_endings_keep_lines_and_rules()
    {
        var rules = RuleFileReader.Read("# Rules\r\n\r\n- Never use `DateTime.Now`\r\n- Never use `Environment.Exit`\r\n").Rules;

        Assert.Equal(new[] { 3, 4 }, rules.Select(r => r.Line));
        Assert.Equal(new[] { "Environment.Exit" }, rules[1].BannedTargets.Select(t => t.Text));
    }

    [Fact]
    public void Large_rule_file_is_read_completely()
    {
        var builder = new System.Text.StringBuilder();
        var line = 0;
        while (builder.Length < ReadLimits.MaxFileLength - 100)
        {
            builder.Append("- Keep the module boundaries described in the architecture notes, section ").Append(line++).Append('\n');
        }

        builder.Append("- Never use `DateTime.Now`\n");

        var rule = Assert.Single(RuleFileReader.Read(builder.ToString()).Rules, r => r.BannedTargets.Count > 0);
        Assert.Equal(line + 1, rule.Line);
    }
}

public class RuleImportTests
{
    [Fact]
    public void Import_lines_and_inline_imports_are_recorded_with_their_lines()
    {
        var file = RuleFileReader.Read("@AGENTS.md\n\nRead @docs/agents/testing.md before writing tests.\n\n- Never use `DateTime.Now`\n");

        Assert.Equal(new[] { ("AGENTS.md", 1), ("docs/agents/testing.md", 3) }, file.Imports.Select(i => (i.Path, i.Line)));
    }

    [Theory]
    [InlineData("Mention `@AGENTS.md` in a code span")]
    [InlineData("Mail agents@example.md")]
    [InlineData("```\n@AGENTS.md\n```")]
    public void Text_that_only_looks_like_an_import_is_not_one(string markdown)
    {
        Assert.Empty(RuleFileReader.Read(markdown).Imports);
    }
}

public class GuidanceReasonTests
{
    [Theory]
    [InlineData("- Don't modify `IOrderService` without a design note", "condition")]
    [InlineData("- Never catch `Exception`", "something else than using 'Exception'")]
    [InlineData("- Keep methods short and focused", "names nothing AgentGuard can check")]
    [InlineData("- Never use `Console.WriteLine` <!-- agentguard: ignore -->", "ignored by an agentguard: annotation")]
    public void Guidance_rule_says_why_it_is_not_enforced(string bullet, string reason)
    {
        var rule = Assert.Single(RuleFileReader.Read(bullet).Rules);

        Assert.True(rule.IsGuidance);
        Assert.Contains(reason, rule.GuidanceReason);
    }

    [Fact]
    public void Enforced_rule_has_no_guidance_reason()
    {
        Assert.Null(Assert.Single(RuleFileReader.Read("- Never use `DateTime.Now`").Rules).GuidanceReason);
    }
}

public class TargetFormTests
{
    [Theory]
    [InlineData("- **Never** use **DateTime.Now** in services", "DateTime.Now")]
    [InlineData("- Never call Directory.SetCurrentDirectory — it changes process state", "Directory.SetCurrentDirectory")]
    [InlineData("- Don't call Trace.WriteLine() from library code", "Trace.WriteLine()")]
    public void Bold_names_and_dotted_identifiers_in_prose_are_targets(string bullet, string target)
    {
        Assert.Equal(new[] { target }, Assert.Single(RuleFileReader.Read(bullet).Rules).BannedTargets.Select(t => t.Text));
    }

    [Theory]
    [InlineData("- **Never** skip code review")]
    [InlineData("- Never deploy ASP.NET apps from a laptop")]
    [InlineData("- Never commit **README.md** changes without review")]
    public void Bold_emphasis_and_dotted_words_that_are_not_names_are_not_symbol_targets(string bullet)
    {
        Assert.Empty(RuleFileReader.Read(bullet).Rules.SelectMany(r => r.BannedTargets));
    }
}

public class HostileInputTests
{
    [Fact]
    public void Code_span_that_once_made_the_parameter_pattern_backtrack_is_read_at_once()
    {
        var rules = RuleFileReader.Read("- Never use `Configure(ASPNETCORE_ENVIRONMENT_NAME_FOR_INTEGRATION_TESTS_AND_MORE_CAPITALS - 1)`\n").Rules;

        Assert.Empty(Assert.Single(rules).BannedTargets);
    }

    [Fact]
    public void Placeholder_characters_in_the_text_are_not_read_as_code_spans()
    {
        var rules = RuleFileReader.Read("- Never use \u00019\u0002 or \u000199999999999999999999\u0002 `DateTime.Now`\n").Rules;

        Assert.Equal(new[] { "DateTime.Now" }, Assert.Single(rules).BannedTargets.Select(t => t.Text));
    }

    [Theory]
    [InlineData("<!-- agentguard: scope src/../shared/** -->")]
    [InlineData("<!-- agentguard: forbid-path ../deploy/** -->")]
    public void Glob_that_leaves_the_rule_file_folder_is_a_malformed_annotation(string annotation)
    {
        var rule = Assert.Single(RuleFileReader.Read("- Never use `DateTime.Now` " + annotation + "\n").Rules);

        Assert.Contains(rule.Problems, p => p.Kind == RuleProblemKind.MalformedAnnotation && p.Message.Contains("'..'"));
    }

    [Fact]
    public void Glob_with_parent_segments_matches_nothing_and_never_throws()
    {
        var glob = PathGlob.Parse("src/../shared/**");

        Assert.False(glob.IsMatch("shared/Clock.cs"));
        Assert.NotNull(PathGlob.Problem("src/../shared/**"));
    }

    [Theory]
    [InlineData("src/Domain/**", "src/Domain/Orders/Order.cs", true)]
    [InlineData("src/Domain/**", "src/Web/Page.cs", false)]
    [InlineData("*.g.cs", "src/Api/Client.g.cs", true)]
    [InlineData("src/Generated/", "src/Generated/Api.cs", true)]
    [InlineData("src/Domain", "src/Domain/Order.cs", true)]
    [InlineData("SRC/domain/**", "src/Domain/Order.cs", true)]
    public void Globs_match_like_gitignore_relative_to_their_folder(string glob, string path, bool matches)
    {
        Assert.Equal(matches, PathGlob.Parse(glob).IsMatch(path));
    }
}

public class QuantifiedRuleTests
{
    [Fact]
    public void Every_test_must_assert_hands_over_the_assertion_check_without_a_heading()
    {
        var rule = Assert.Single(RuleFileReader.Read("## Testing\n- Every test must assert something observable\n").Rules);

        Assert.Equal(new[] { "AG1006" }, rule.Builtins);
    }

    [Fact]
    public void Quantified_rule_about_a_type_bans_nothing()
    {
        var rule = Assert.Single(RuleFileReader.Read("- Every `Controller` must not use `DbContext` directly\n").Rules);

        Assert.True(rule.IsGuidance);
    }
}
