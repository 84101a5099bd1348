using System.Linq;
using System.Threading.Tasks;
using AgentGuard.Analyzers.GoldenRules;
using AgentGuard.Analyzers.Tests.Verification;
using AgentGuard.Testing;
using Microsoft.CodeAnalysis;

namespace AgentGuard.Analyzers.Tests;

/// <summary>AG0011 and AG0012 on the rule file: what keeps a rule from being enforced as written.</summary>
public class RuleFileAnalyzerTests
{
    [Fact]
    public async Task Malformed_annotation_is_an_error_on_the_rule_line()
    {
        var test = new GuardAnalyzerTest<RuleFileAnalyzer>
        {
            Sources = { "class Empty { }" },
            AdditionalFiles = { ("/repo/AGENTS.md", "# Rules\n\n{|#0:- Never trigger collections yourself <!-- agentguard: bam M:System.GC.Collect -->|}\n") },
            ExpectedDiagnostics = { GuardAnalyzerTest<RuleFileAnalyzer>.Diagnostic("AG0012").WithLocation(0).WithSeverity(DiagnosticSeverity.Error) },
            DiagnosticVerifier = (actual, _, _) => Assert.StartsWith(
                "Malformed agentguard annotation: 'bam' is not an annotation directive; write one of: ban, construct", actual.GetMessage()),
        };

        await test.RunAsync();
    }

    [Theory]
    [InlineData("severity loud", "'loud' is not a severity")]
    [InlineData("construct regions-everywhere", "'regions-everywhere' is not a construct")]
    [InlineData("ban", "'ban' needs an argument")]
    [InlineData("ban dotnet format", "'dotnet format' is neither a C# name nor a documentation ID")]
    [InlineData("forbid-dependency Shop.Domain", "write 'forbid-dependency <from> -> <to>'")]
    [InlineData("builtin AG9999", "'AG9999' is not a built-in check")]
    public async Task Each_malformed_directive_says_what_to_write(string directive, string expected)
    {
        var test = new GuardAnalyzerTest<RuleFileAnalyzer>
        {
            Sources = { "class Empty { }" },
            AdditionalFiles = { ("/repo/CLAUDE.md", "{|AG0012:- Never do this <!-- agentguard: " + directive + " -->|}") },
            DiagnosticVerifier = (actual, _, _) => Assert.Contains(expected, actual.GetMessage()),
        };

        await test.RunAsync();
    }

    [Fact]
    public Task Member_without_its_type_is_reported_as_imprecise() =>
        GuardAnalyzerTest<RuleFileAnalyzer>.VerifyAsync("class Empty { }", ("/repo/CLAUDE.md", "# Rules\n{|AG0011:- Never use `.Value` on nullables|}\n"));

    [Fact]
    public Task Well_formed_annotations_and_plain_rules_report_nothing() =>
        GuardAnalyzerTest<RuleFileAnalyzer>.VerifyAsync("class Empty { }", ("/repo/CLAUDE.md", """
            - Never trigger collections <!-- agentguard: ban M:System.GC.Collect; severity warning -->
            - Never use `Console.WriteLine` <!-- agentguard: ignore -->
            - Domain stays pure <!-- agentguard: forbid-dependency Shop.Domain -> Shop.Web; scope src/** -->
            - Never use `DateTime.Now`
            """));

    [Fact]
    public async Task Line_nested_too_deep_to_parse_is_reported_on_its_line_and_the_other_rules_stay_enforced()
    {
        var test = new GuardAnalyzerTest<RuleFileAnalyzer>
        {
            Sources = { "class Empty { }" },
            AdditionalFiles = { ("/repo/CLAUDE.md", "- Never use `DateTime.Now`\n\n{|#0:" + string.Concat(Enumerable.Repeat("> ", 200)) + "- Never use `GC.Collect`|}\n\n- Never use `Environment.Exit`\n") },
            ExpectedDiagnostics =
            {
                GuardAnalyzerTest<RuleFileAnalyzer>.Diagnostic("AG0011").WithLocation(0).WithMessage(
                    "Golden rule not enforced: CLAUDE.md line 3 could not be read (its Markdown nests deeper than the Markdown parser allows); a rule written there is not enforced, the file's other rules are"),
            },
        };

        await test.RunAsync();
    }

    [Fact]
    public async Task Binary_rule_file_is_reported_once_on_its_first_line()
    {
        var test = new GuardAnalyzerTest<RuleFileAnalyzer>
        {
            Sources = { "class Empty { }" },
            AdditionalFiles = { ("/repo/AGENTS.md", "{|#0:- Never use `GC.Collect` \0\u0001\u00FF|}\n- Never use `DateTime.Now`\0\n") },
            ExpectedDiagnostics =
            {
                GuardAnalyzerTest<RuleFileAnalyzer>.Diagnostic("AG0011").WithLocation(0).WithMessage(
                    "Golden rule not enforced: AGENTS.md could not be read (it holds binary content (NUL characters), not text); none of its rules are enforced"),
            },
        };

        await test.RunAsync();
    }

    [Fact]
    public async Task Annotation_replaces_what_the_prose_says_and_ignore_enforces_nothing()
    {
        var test = new GuardAnalyzerTest<BannedSymbolAnalyzer>
        {
            Sources =
            {
                """
                class Memory
                {
                    void Free() => {|AG0001:System.GC.Collect|}();
                    void Print() => System.Console.WriteLine("ok");
                    System.DateTime Now() => System.DateTime.Now;
                }
                """,
            },
            AdditionalFiles =
            {
                ("/repo/CLAUDE.md", "- Don't trigger garbage collections yourself; see `DateTime.Now` docs <!-- agentguard: ban M:System.GC.Collect -->\n- Never use `Console.WriteLine` <!-- agentguard: ignore -->\n"),
            },
        };

        await test.RunAsync();
    }

    [Fact]
    public Task Documentation_id_that_does_not_parse_is_reported_not_guessed() =>
        GuardAnalyzerTest<RuleFileAnalyzer>.VerifyAsync("class Empty { }", ("/repo/CLAUDE.md", "{|AG0011:- Never use `M:System.Console.WriteLine(System.String`|}"));
}
