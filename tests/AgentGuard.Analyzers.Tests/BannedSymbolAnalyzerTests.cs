using System.Threading.Tasks;
using AgentGuard.Analyzers.GoldenRules;
using AgentGuard.Analyzers.Tests.Verification;
using AgentGuard.Testing;
using Microsoft.CodeAnalysis;

namespace AgentGuard.Analyzers.Tests;

/// <summary>AG0001: what a golden rule bans, and what looks like it but is not a use.</summary>
public class BannedSymbolAnalyzerTests
{
    private static Task Verify(string rules, string source) =>
        GuardAnalyzerTest<BannedSymbolAnalyzer>.VerifyAsync(source, ("/repo/CLAUDE.md", rules));

    [Theory]
    [InlineData("- Never use `DateTime.Now` — use `TimeProvider`")]
    [InlineData("### Never\n- Use `DateTime.Now` in library code")]
    [InlineData("### Always\n- Read the time through `TimeProvider` — never `DateTime.Now`")]
    [InlineData("- Use `TimeProvider` instead of `DateTime.Now`")]
    [InlineData("- Don't use `DateTime.Now`")]
    [InlineData("- Do not use `DateTime.Now`")]
    [InlineData("- Avoid `DateTime.Now`")]
    [InlineData("- Never use `M:System.DateTime.get_Now`")]
    [InlineData("- Never use `P:System.DateTime.Now`")]
    [InlineData("- Never use `System.DateTime.Now`")]
    [InlineData("- Never use `global::System.DateTime.Now`")]
    public async Task Every_polarity_form_and_name_form_bans_DateTime_Now(string rules)
    {
        await Verify(rules, """
            using System;
            class Clock
            {
                DateTime Stamp() => {|AG0001:DateTime.Now|};
                DateTime Qualified() => {|AG0001:System.DateTime.Now|};
            }
            """);
    }

    [Fact]
    public async Task Method_name_bans_all_its_overloads()
    {
        await Verify("- Never use `Console.WriteLine`", """
            using System;
            class Report
            {
                void Print(int count, string name)
                {
                    {|AG0001:Console.WriteLine|}(name);
                    {|AG0001:Console.WriteLine|}(count);
                    {|AG0001:Console.WriteLine|}();
                    {|AG0001:Console.WriteLine|}("{0} {1}", count, name);
                    Console.Write(name);
                }
            }
            """);
    }

    [Fact]
    public async Task Method_documentation_id_without_parameters_is_exact_the_parameterless_overload()
    {
        await Verify("- Never call `M:System.Console.WriteLine`", """
            using System;
            class Report
            {
                void Print() { {|AG0001:Console.WriteLine|}(); Console.WriteLine(1); }
            }
            """);
    }

    [Fact]
    public async Task Method_documentation_id_without_parameters_bans_the_method_group_when_no_overload_is_parameterless()
    {
        await Verify("- Never call `M:System.Environment.Exit`", """
            class Shutdown
            {
                void Stop() => {|AG0001:System.Environment.Exit|}(2);
            }
            """);
    }

    [Fact]
    public async Task Method_documentation_id_with_parameters_bans_only_that_overload()
    {
        await Verify("- Never call `M:System.Console.WriteLine(System.String)`", """
            using System;
            class Report
            {
                void Print() { {|AG0001:Console.WriteLine|}("a"); Console.WriteLine(1); }
            }
            """);
    }

    [Fact]
    public async Task Call_written_with_parentheses_bans_the_method()
    {
        await Verify("- Never call `Environment.Exit()` from a library", """
            class Shutdown
            {
                void Stop() => {|AG0001:System.Environment.Exit|}(1);
            }
            """);
    }

    [Fact]
    public async Task Banned_type_is_reported_in_declarations_new_typeof_generic_arguments_and_base_lists()
    {
        await Verify("- Never use `System.Random`; inject `IRandomSource`", """
            using System;
            using System.Collections.Generic;
            class Dice : {|AG0001:Random|}
            {
                {|AG0001:Random|} _field = new {|AG0001:Random|}(42);
                List<{|AG0001:Random|}> _pool = new();
                Type Kind() => typeof({|AG0001:Random|});
                int Roll({|AG0001:Random|} random) => {|AG0001:random.Next|}(6);
                {|AG0001:Random|} Create() => {|AG0001:Random.Shared|};
            }
            """);
    }

    [Fact]
    public async Task Banned_type_bans_its_members_reported_once_per_access()
    {
        await Verify("- Never use `T:System.Console`", """
            using System;
            class Report
            {
                void Print() => {|AG0001:Console.Out|}.WriteLine("x");
                void Beep() => {|AG0001:Console.Beep|}();
            }
            """);
    }

    [Fact]
    public async Task Using_static_of_a_banned_type_and_its_imported_members_are_reported()
    {
        await Verify("- Never use `T:System.Console`", """
            using static {|AG0001:System.Console|};
            class Report
            {
                void Print() => {|AG0001:WriteLine|}("x");
            }
            """);
    }

    [Fact]
    public async Task Namespace_ban_reports_using_directives_and_every_type_from_it_where_it_is_named()
    {
        await Verify("- Never use `N:Legacy.Data`", """
            using {|AG0001:Legacy.Data|};
            namespace Legacy.Data
            {
                public class SqlGateway { public void Run() { } }
                namespace Internal { public class Cursor { } }
            }
            namespace Shop
            {
                class Orders
                {
                    void Load({|AG0001:SqlGateway|} gateway) => gateway.Run();
                    {|AG0001:Legacy.Data.Internal.Cursor|} Open() => new {|AG0001:Legacy.Data.Internal.Cursor|}();
                }
            }
            """);
    }

    [Fact]
    public async Task Namespace_written_as_a_name_is_banned_like_a_documentation_id()
    {
        await Verify("- Never use `System.Net.Http`", """
            class Client
            {
                {|AG0001:System.Net.Http.HttpClient|} Create() => new {|AG0001:System.Net.Http.HttpClient|}();
            }
            """);
    }

    [Fact]
    public async Task Generic_type_written_with_type_parameters_is_banned_with_any_type_argument()
    {
        await Verify("- Use `ImmutableArray<T>` instead of `List<T>` in public APIs", """
            using System.Collections.Generic;
            class Catalog
            {
                public {|AG0001:List<string>|} Names() => new {|AG0001:List<string>|}();
                public IList<string> Other() => new string[0];
            }
            """);
    }

    [Fact]
    public async Task Property_of_a_generic_type_named_without_arity_is_found()
    {
        await Verify("- Never use `Task.Result`", """
            using System.Threading.Tasks;
            class Sync
            {
                int Get(Task<int> task) => {|AG0001:task.Result|};
                Task Done() => Task.CompletedTask;
            }
            """);
    }

    [Fact]
    public async Task Extension_method_is_banned_when_called_as_an_extension()
    {
        await Verify("- Never use `Enumerable.ToList` on hot paths", """
            using System.Linq;
            class Query
            {
                object Run(int[] xs) => {|AG0001:xs.ToList|}();
                object Again(int[] xs) => {|AG0001:Enumerable.ToList|}(xs);
            }
            """);
    }

    [Fact]
    public async Task Keyword_type_name_resolves_to_its_system_type()
    {
        await Verify("- Never use `string.Format`; use interpolation", """
            class Text
            {
                string Make(int n) => {|AG0001:string.Format|}("{0}", n);
                string Other(int n) => $"{n}";
            }
            """);
    }

    [Fact]
    public async Task Same_member_name_on_another_type_does_not_fire()
    {
        await Verify("- Never use `Console.WriteLine`", """
            using System;
            class Logger { public void WriteLine(string text) { } }
            class Report
            {
                void Print(Logger logger, System.IO.TextWriter writer)
                {
                    logger.WriteLine("x");
                    writer.WriteLine("y");
                    Console.Error.WriteLine("z");
                }
            }
            """);
    }

    [Fact]
    public async Task Sibling_member_of_a_banned_member_does_not_fire()
    {
        await Verify("- Never use `DateTime.Now`", """
            using System;
            class Clock
            {
                DateTime Utc() => DateTime.UtcNow;
                DateTime Day() => DateTime.Today;
                DateTime Parse(string s) => DateTime.Parse(s);
            }
            """);
    }

    [Fact]
    public async Task Strings_comments_crefs_and_nameof_are_mentions_not_uses()
    {
        await Verify("- Never use `DateTime.Now`", """
            using System;
            class Clock
            {
                // DateTime.Now would make this flaky
                /* DateTime.Now */
                /// <summary>Unlike <see cref="DateTime.Now"/>, this is testable.</summary>
                string Describe() => "DateTime.Now" + nameof(DateTime.Now) + $"{nameof(DateTime.Now)}";
            }
            """);
    }

    [Fact]
    public async Task Local_variables_parameters_and_own_members_with_the_banned_name_do_not_fire()
    {
        await Verify("- Never use `DateTime.Now`", """
            using System;
            class Clock
            {
                public DateTime Now { get; set; }
                DateTime Read(DateTime Now) => Now;
                DateTime Own() { var now = this.Now; return now; }
            }
            """);
    }

    [Fact]
    public async Task Type_with_the_banned_name_in_another_namespace_does_not_fire_for_a_qualified_rule()
    {
        await Verify("- Never use `System.Console.WriteLine`", """
            namespace Shop.Terminal
            {
                public static class Console { public static void WriteLine(string s) { } }
                class Screen
                {
                    void Show() => Console.WriteLine("ok");
                }
            }
            """);
    }

    [Fact]
    public async Task Unqualified_rule_matching_types_in_two_namespaces_is_reported_on_its_line_and_bans_nothing()
    {
        var test = new GuardAnalyzerTest<BannedSymbolAnalyzer>
        {
            Sources =
            {
                """
                namespace Shop.Terminal
                {
                    public static class Console { public static void WriteLine(string s) { } }
                    class Screen
                    {
                        void Show() { Console.WriteLine("a"); System.Console.WriteLine("b"); }
                    }
                }
                """,
            },
            AdditionalFiles = { ("/repo/CLAUDE.md", "# Rules\n{|#0:- Never use `Console.WriteLine`|}\n") },
            ExpectedDiagnostics =
            {
                GuardAnalyzerTest<BannedSymbolAnalyzer>.Diagnostic("AG0011").WithLocation(0).WithSeverity(DiagnosticSeverity.Warning).WithMessage(
                    "Golden rule not enforced: 'Console.WriteLine' matches Shop.Terminal.Console and System.Console; "
                    + "write 'Shop.Terminal.Console.WriteLine' or a documentation ID to name the one you mean"),
            },
        };

        await test.RunAsync();
    }

    [Fact]
    public async Task Name_that_is_not_in_the_compilation_reports_nothing()
    {
        await Verify("- Never use `Newtonsoft.Json.JsonConvert`\n- Never use `SqlConnection.Open`", """
            class Plain { int Value => 1; }
            """);
    }

    [Fact]
    public async Task Generated_code_is_not_analyzed()
    {
        var test = new GuardAnalyzerTest<BannedSymbolAnalyzer>
        {
            Sources =
            {
                ("/src/Client.g.cs", "class Client { System.DateTime Stamp() => System.DateTime.Now; }"),
                ("/src/Proxy.cs", "// <auto-generated/>\nclass Proxy { System.DateTime Stamp() => System.DateTime.Now; }"),
                ("/src/Clock.cs", "class Clock { System.DateTime Stamp() => {|AG0001:System.DateTime.Now|}; }"),
            },
            AdditionalFiles = { ("/repo/CLAUDE.md", "- Never use `DateTime.Now`") },
        };

        await test.RunAsync();
    }

    [Fact]
    public async Task Message_quotes_the_rule_and_names_its_file_and_line_relative_to_the_repository()
    {
        var test = new GuardAnalyzerTest<BannedSymbolAnalyzer>
        {
            Sources = { "class Clock { System.DateTime Stamp() => {|#0:System.DateTime.Now|}; }" },
            AdditionalFiles = { ("/repo/docs/AGENTS.md", "# Agents\n\n## Time\n{|#1:- Never use `DateTime.Now` — use `TimeProvider`|}\n") },
            BuildProperties = { ["AgentGuardRepositoryRoot"] = "/repo" },
            ExpectedDiagnostics =
            {
                GuardAnalyzerTest<BannedSymbolAnalyzer>.DiagnosticWithArguments("AG0001", "DateTime.Now", "docs/AGENTS.md", 4, "Never use DateTime.Now — use TimeProvider")
                    .WithOptions(DiagnosticOptions.None)
                    .WithLocation(0)
                    .WithLocation(1, DiagnosticLocationOptions.IgnoreLength)
                    .WithSeverity(DiagnosticSeverity.Error),
            },
            DiagnosticVerifier = (actual, _, _) =>
                Assert.Equal("https://github.com/agentguard-dev/agentguard/blob/main/docs/rules/AG0001.md", actual.Descriptor.HelpLinkUri),
        };

        await test.RunAsync();
    }

    [Fact]
    public async Task Rule_with_an_escape_clause_is_reported_as_a_warning()
    {
        var test = new GuardAnalyzerTest<BannedSymbolAnalyzer>
        {
            Sources = { "class Clock { System.DateTime Stamp() => {|#0:System.DateTime.Now|}; }" },
            AdditionalFiles = { ("/repo/CLAUDE.md", "- Avoid `DateTime.Now` unless the user asks for local time") },
            ExpectedDiagnostics = { GuardAnalyzerTest<BannedSymbolAnalyzer>.Diagnostic("AG0001").WithLocation(0).WithSeverity(DiagnosticSeverity.Warning) },
        };

        await test.RunAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Same_symbol_banned_twice_is_reported_once_quoting_the_first_file_by_path_whatever_order_the_files_arrive_in(bool reversed)
    {
        var files = new[] { ("/repo/CLAUDE.md", "- Never use `DateTime.Now`"), ("/repo/AGENTS.md", "- Don't read `DateTime.Now`") };
        var test = new GuardAnalyzerTest<BannedSymbolAnalyzer> { Sources = { "class Clock { System.DateTime Stamp() => {|AG0001:System.DateTime.Now|}; }" } };
        foreach (var file in reversed ? System.Linq.Enumerable.Reverse(files) : files)
        {
            test.AdditionalFiles.Add(file);
        }

        test.DiagnosticVerifier = (actual, _, _) => Assert.Contains("(AGENTS.md line 1:", actual.GetMessage());

        await test.RunAsync();
    }

    [Fact]
    public async Task Additional_files_that_are_not_rule_files_are_ignored()
    {
        await GuardAnalyzerTest<BannedSymbolAnalyzer>.VerifyAsync(
            "class Clock { System.DateTime Stamp() => System.DateTime.Now; }",
            ("/repo/README.md", "- Never use `DateTime.Now`"),
            ("/repo/src/PublicAPI.Shipped.txt", "- Never use `DateTime.Now`"));
    }

    [Fact]
    public async Task File_marked_as_rule_file_by_the_package_targets_is_read_whatever_its_name()
    {
        var test = new GuardAnalyzerTest<BannedSymbolAnalyzer>
        {
            Sources = { "class Clock { System.DateTime Stamp() => {|AG0001:System.DateTime.Now|}; }" },
            AdditionalFiles = { ("/repo/docs/agent-rules.md", "- Never use `DateTime.Now`") },
            FileMetadata = { ["/repo/docs/agent-rules.md"] = new() { ["build_metadata.AdditionalFiles.AgentGuardRuleFile"] = "true" } },
        };

        await test.RunAsync();
    }

    [Fact]
    public async Task AgentGuardEnabled_false_reports_nothing()
    {
        var test = new GuardAnalyzerTest<BannedSymbolAnalyzer>
        {
            Sources = { "class Clock { System.DateTime Stamp() => System.DateTime.Now; }" },
            AdditionalFiles = { ("/repo/CLAUDE.md", "- Never use `DateTime.Now`") },
            BuildProperties = { ["AgentGuardEnabled"] = "false" },
        };

        await test.RunAsync();
    }
}
