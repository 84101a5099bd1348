using System.Threading.Tasks;
using AgentGuard.Analyzers.GoldenRules;
using AgentGuard.Analyzers.Tests.Verification;
using AgentGuard.Testing;

namespace AgentGuard.Analyzers.Tests;

/// <summary>AG0002: each construct of the table, and what looks like it but is not.</summary>
public class BannedConstructAnalyzerTests
{
    private static Task Verify(string rules, string source) =>
        GuardAnalyzerTest<BannedConstructAnalyzer>.VerifyAsync(source, ("/repo/CLAUDE.md", rules));

    /// <summary>
    /// For a rule that bans '#pragma warning disable' itself: the library's round that puts one above the file would
    /// find it banned too.
    /// </summary>
    private static Task VerifyWithoutPragmaRound(string rules, string source) =>
        new GuardAnalyzerTest<BannedConstructAnalyzer>
        {
            Sources = { source },
            AdditionalFiles = { ("/repo/CLAUDE.md", rules) },
            TestBehaviors = TestBehaviors.SkipSuppressionCheck,
        }.RunAsync();

    [Fact]
    public Task Async_void_methods_and_local_functions_are_reported_but_event_handlers_and_overrides_are_not() =>
        Verify("- Never use `async void`", """
            using System;
            using System.Threading.Tasks;
            class Base { public virtual void Load() { } }
            class Page : Base
            {
                public {|AG0002:async void|} Save() => await Task.Delay(1);
                async Task SaveAsync() => await Task.Delay(1);
                async void OnClick(object sender, EventArgs e) => await Task.Delay(1);
                async void OnResize(object? sender, ResizeEventArgs e) => await Task.Delay(1);
                public override async void Load() => await Task.Delay(1);
                void Run()
                {
                    {|AG0002:async void|} Local() => await Task.Delay(1);
                    Action lambda = async () => await Task.Delay(1);
                }
            }
            class ResizeEventArgs : EventArgs { }
            """);

    [Fact]
    public Task Dynamic_type_is_reported_but_an_identifier_named_dynamic_is_not() =>
        Verify("- Avoid `dynamic`", """
            using System.Collections.Generic;
            class Json
            {
                {|AG0002:dynamic|} Parse(object o) => o;
                List<{|AG0002:dynamic|}> All() => new();
                int Count() { var dynamic = 3; return dynamic; }
            }
            """);

    [Fact]
    public Task Goto_statements_are_reported_in_every_form() =>
        Verify("- Never use `goto`", """
            class Flow
            {
                int Pick(int x)
                {
                    switch (x)
                    {
                        case 1: {|AG0002:goto|} case 2;
                        case 2: {|AG0002:goto|} default;
                        default: break;
                    }

                    {|AG0002:goto|} done;
                    done:
                    return x;
                }
            }
            """);

    [Fact]
    public Task Regions_nullable_disable_and_pragma_disable_directives_are_reported_but_restore_and_enable_are_not() =>
        VerifyWithoutPragmaRound("- No `#region` blocks\n- Don't use `#nullable disable`\n- Never use `#pragma warning disable`", """
            class Layout
            {
                {|AG0002:#region|} Fields
                int _x;
                #endregion
            {|AG0002:#nullable disable|}
                string _name;
            #nullable enable
            #nullable restore
            {|AG0002:#pragma warning disable|} CS0169
                int _unused;
            #pragma warning restore CS0169
                string Text => "#region not a directive";
            }
            """);

    [Fact]
    public Task Null_forgiving_operator_is_reported_but_logical_not_is_not() =>
        Verify("- Never use the null-forgiving operator", """
            class Names
            {
                string? _name;
                int Length() => _name{|AG0002:!|}.Length;
                bool Empty(bool full) => !full;
                string Default() => null{|AG0002:!|};
            }
            """);

    [Fact]
    public Task Lock_on_this_is_reported_but_lock_on_a_private_gate_is_not() =>
        Verify("- MUST NOT use `lock (this)`", """
            class Counter
            {
                private readonly object _gate = new();
                int _count;
                void Up() { {|AG0002:lock (this)|} { _count++; } }
                void Down() { lock (_gate) { _count--; } }
            }
            """);

    [Fact]
    public Task Blocking_on_tasks_is_reported_but_other_Result_and_Wait_members_are_not() =>
        Verify("- Don't block on tasks with `.Result`, `.Wait()` or `.GetAwaiter().GetResult()`", """
            using System.Threading;
            using System.Threading.Tasks;
            class Sync
            {
                record Outcome(int Result);
                int A(Task<int> task) => {|AG0002:task.Result|};
                void B(Task task) => {|AG0002:task.Wait|}();
                int C(Task<int> task) => task.{|AG0002:GetAwaiter().GetResult()|};
                int D(ValueTask<int> task) => {|AG0002:task.Result|};
                int E(Outcome outcome) => outcome.Result;
                void F(Task[] tasks) => Task.WaitAll(tasks);
                void G(SemaphoreSlim gate) => gate.Wait();
                async Task<int> H(Task<int> task) => await task;
            }
            """);

    [Fact]
    public Task Unsafe_code_is_reported() =>
        Verify("- Avoid `unsafe` code", """
            class Buffers
            {
                {|AG0002:unsafe|} int* Pointer() => null;
                void Copy() { {|AG0002:unsafe|} { } }
                string Word => "unsafe";
            }
            """);

    [Fact]
    public Task Conditional_rule_bans_no_construct()
        => Verify("- Don't use `dynamic` when a generic method works", "class Json { dynamic Parse(object o) => o; }");

    [Fact]
    public Task Generated_code_is_not_analyzed()
    {
        var test = new GuardAnalyzerTest<BannedConstructAnalyzer>
        {
            Sources =
            {
                ("/src/Proxy.g.cs", "class Proxy { void Go() { goto end; end: ; } }"),
                ("/src/Flow.cs", "class Flow { void Go() { {|AG0002:goto|} end; end: ; } }"),
            },
            AdditionalFiles = { ("/repo/CLAUDE.md", "- Never use `goto`") },
        };
        return test.RunAsync();
    }

    [Fact]
    public async Task Message_names_the_construct_and_quotes_the_rule()
    {
        var test = new GuardAnalyzerTest<BannedConstructAnalyzer>
        {
            Sources = { "class Flow { void Go() { {|#0:goto|} end; end: ; } }" },
            AdditionalFiles = { ("/repo/AGENTS.md", "# Style\n\n- Never use `goto`\n") },
            BuildProperties = { ["AgentGuardRepositoryRoot"] = "/repo" },
            ExpectedDiagnostics =
            {
                GuardAnalyzerTest<BannedConstructAnalyzer>.DiagnosticWithArguments("AG0002", "goto", "AGENTS.md", 3, "Never use goto").WithLocation(0),
            },
        };

        await test.RunAsync();
    }
}

public class NullLiteralForgivingTests
{
    [Fact]
    public Task Null_bang_rule_reports_null_and_default_literals_only() =>
        GuardAnalyzerTest<BannedConstructAnalyzer>.VerifyAsync("""
            #nullable enable
            class Order
            {
                public string Name { get; set; } = {|AG0002:null!|};
                public string Code { get; set; } = {|AG0002:default!|};
                string? _note;
                int Length() => _note!.Length;
            }
            """, ("/repo/CLAUDE.md", "- Avoid `null!` initializers; use `required` members"));
}
