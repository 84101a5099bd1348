using System.Threading.Tasks;
using AgentGuard.Analyzers.Builtins;
using AgentGuard.Analyzers.Tests.Verification;
using AgentGuard.Testing;

namespace AgentGuard.Analyzers.Tests;

/// <summary>AG1002: placeholder text, hosts and keys in production strings, and the real things that resemble them.</summary>
public class PlaceholderContentAnalyzerTests
{
    [Fact]
    public Task Placeholder_text_hosts_and_keys_are_reported() =>
        GuardAnalyzerTest<PlaceholderContentAnalyzer>.VerifyAsync("""
            class Settings
            {
                /// <summary>{|AG1002:Lorem ipsum|} dolor sit amet.</summary>
                string Intro => {|AG1002:"Lorem ipsum dolor sit amet, consectetur adipiscing elit."|};
                string Api => {|AG1002:"https://api.example.com/v1/orders"|};
                string Sender => {|AG1002:"noreply@example.org"|};
                string Hook(int id) => $"{|AG1002:https://hooks.your-domain.com/orders/|}{id}";
                string Key => {|AG1002:"your-api-key"|};
                string Secret => {|AG1002:"Password=<password>;User=app"|};
                string Admin => {|AG1002:"changeme"|};
                string Token => {|AG1002:"replace-me"|};
                string Upstream => {|AG1002:"http://service.foo.bar:8080"|};
            }
            """);

    [Fact]
    public Task Real_hosts_ordinary_words_and_documentation_examples_are_not_reported() =>
        GuardAnalyzerTest<PlaceholderContentAnalyzer>.VerifyAsync("""
            class Settings
            {
                /// <summary>Calls the API.</summary>
                /// <example>client.BaseAddress = new Uri("https://api.example.com");</example>
                string Docs => "https://learn.microsoft.com/dotnet/";
                string Code => "https://github.com/shop/orders";
                string Stripe => "https://api.stripe.com/v1/charges";
                string Examples => "https://examples.com/catalog";
                string Mine => "https://myexample.com/";
                string Prose => "For example, the order total includes tax.";
                string Json => "$.foo.bar";
                string Field => "apiKey";
                string Label => "Your API key is shown once";
                string Pattern => "xxx-xx-xxxx";
                int exampleCount = 0;
                string Format => "Lorem";
                string Masked => "Password=xxxxxxxx;";
                string PasswordLabel => "Your password";
                string Relative(string path) => new System.Uri(new System.Uri("http://example.com"), path).AbsolutePath;
                [System.ComponentModel.Description("Sent from noreply@example.com in the docs")]
                string Hint => "";
            }
            """);

    [Fact]
    public Task Test_projects_are_skipped_unless_the_editorconfig_includes_them() =>
        new GuardAnalyzerTest<PlaceholderContentAnalyzer>
        {
            Sources = { "class OrderTests { string Email => \"buyer@example.com\"; string Text => \"Lorem ipsum dolor\"; }" },
            BuildProperties = { ["IsTestProject"] = "true" },
        }.RunAsync();

    [Fact]
    public Task Test_projects_are_analyzed_when_included()
    {
        var test = new GuardAnalyzerTest<PlaceholderContentAnalyzer>
        {
            Sources = { "class OrderTests { string Email => {|AG1002:\"buyer@example.com\"|}; }" },
            BuildProperties = { ["IsTestProject"] = "true" },
        };
        test.WithEditorConfig("[/0/Test0.cs]\nagentguard.ag1002.include_tests = true\n");
        return test.RunAsync();
    }

    [Fact]
    public Task Generated_code_is_not_analyzed() =>
        new GuardAnalyzerTest<PlaceholderContentAnalyzer>
        {
            Sources = { ("/src/Api.g.cs", "class Api { string Url => \"https://api.example.com\"; }") },
        }.RunAsync();
}
