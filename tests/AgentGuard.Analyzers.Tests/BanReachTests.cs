using System.Threading.Tasks;
using AgentGuard.Analyzers.GoldenRules;
using AgentGuard.Analyzers.Tests.Verification;
using AgentGuard.Testing;

namespace AgentGuard.Analyzers.Tests;

/// <summary>How far a ban reaches: members through the banned type only, never the banned type's own code, construction only when asked.</summary>
public class BanReachTests
{
    private static Task Verify(string rules, string source) =>
        GuardAnalyzerTest<BannedSymbolAnalyzer>.VerifyAsync(source, ("/repo/CLAUDE.md", rules));

    [Fact]
    public Task Inherited_member_reached_through_another_type_is_not_a_use_of_the_banned_base() =>
        Verify("- Never use `T:System.Exception`; throw specific exceptions", """
            using System;
            class Parser
            {
                string Describe(ArgumentException error) => error.Message;
                {|AG0001:Exception|} Wrap(string text) => new {|AG0001:Exception|}(text);
                string Read({|AG0001:Exception|} error) => {|AG0001:error.Message|};
            }
            """);

    [Fact]
    public Task Banned_type_own_code_is_not_a_use_of_it() =>
        Verify("- Never use `Shop.LegacyPricing`; use `PriceList`", """
            namespace Shop
            {
                public class LegacyPricing
                {
                    public decimal Price(int sku) => Round(sku * 1.1m);
                    private static decimal Round(decimal value) => System.Math.Round(value, 2);
                    public LegacyPricing Clone() => new LegacyPricing();
                }

                class Checkout
                {
                    decimal Total({|AG0001:LegacyPricing|} pricing) => {|AG0001:pricing.Price|}(1);
                }
            }
            """);

    [Fact]
    public Task Other_constructors_ban_reports_every_constructor_but_the_one_asked_for() =>
        Verify("- Use `Shop.Feed(FeedOptions)`, not the other `Shop.Feed` constructors", """
            namespace Shop
            {
                public sealed class FeedOptions { public int Capacity { get; set; } }
                public class Feed
                {
                    public Feed() { }
                    public Feed(int capacity) { }
                    public Feed(FeedOptions options) { }
                }

                class Orders
                {
                    Feed Bounded() => new Feed(new FeedOptions { Capacity = 10 });
                    Feed Target() { Feed feed = new(new FeedOptions()); return feed; }
                    Feed Plain() => {|AG0001:new Feed|}();
                    Feed Sized() => {|AG0001:new Feed|}(10);
                    Feed Passed(Feed feed) => feed;
                    Feed Derived() => new TracingFeed();
                }

                class TracingFeed : Feed { public TracingFeed() : base(new FeedOptions()) { } }
            }
            """);

    [Fact]
    public Task Other_constructors_ban_matches_optional_parameters_and_generic_types_as_declared() =>
        Verify("- Use `Shop.Pool(PoolOptions)` and `Shop.Index<TKey>(IEqualityComparer<TKey>)`, not the other `Shop.Pool` constructors or the other `Shop.Index` constructors", """
            using System.Collections.Generic;
            namespace Shop
            {
                public sealed class PoolOptions { }
                public sealed class Pool
                {
                    public Pool(PoolOptions options, string? name = null) { }
                    public Pool(int size) { }
                }

                public sealed class Index<TKey>
                {
                    public Index() { }
                    public Index(IEqualityComparer<TKey> comparer) { }
                }

                class Store
                {
                    Pool Configured() => new Pool(new PoolOptions());
                    Pool Named() => new Pool(new PoolOptions(), "orders");
                    Pool Sized() => {|AG0001:new Pool|}(4);
                    Index<string> ByName() => new Index<string>(System.StringComparer.Ordinal);
                    Index<string> Plain() => {|AG0001:new Index<string>|}();
                }
            }
            """);

    [Fact]
    public Task Construction_ban_reports_new_and_not_other_uses_of_the_type() =>
        Verify("- Use `IHttpClientFactory` rather than `new HttpClient()`", """
            using System.Net.Http;
            class Client : System.IDisposable
            {
                private readonly HttpClient _http;
                Client(HttpClient http) => _http = http;
                static HttpClient Create() => {|AG0001:new HttpClient|}();
                static HttpClient Target() { HttpClient client = {|AG0001:new|}(); return client; }
                static HttpClient Derived() => {|AG0001:new RetryingClient|}();
                public void Dispose() => _http.Dispose();
            }
            class RetryingClient : HttpClient { }
            """);

    [Fact]
    public Task Construction_worded_in_prose_bans_only_construction() =>
        Verify("- Never instantiate `HttpClient` directly", """
            using System.Net.Http;
            class Client
            {
                HttpClient Create() => {|AG0001:new HttpClient|}();
                HttpClient Pass(HttpClient http) => http;
            }
            """);

    [Theory]
    [InlineData("- Don't modify `IOrderService` without updating its tests")]
    [InlineData("- Never catch `Exception`")]
    [InlineData("- Never concatenate `string`s in loops")]
    [InlineData("- Don't throw `System.Exception` directly")]
    [InlineData("- Never block on a `Task` with a timeout")]
    public Task Rules_about_something_else_than_using_a_type_ban_nothing(string rules) =>
        Verify(rules, """
            using System;
            using System.Threading.Tasks;
            interface IOrderService { Task Place(); }
            class Orders : IOrderService
            {
                public async Task Place()
                {
                    try { await Task.Delay(1); }
                    catch (Exception error) { throw new Exception(error.Message + string.Concat("a", "b")); }
                }
            }
            """);
}
