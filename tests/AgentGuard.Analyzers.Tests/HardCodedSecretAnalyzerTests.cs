using System;
using System.Linq;
using System.Threading.Tasks;
using AgentGuard.Analyzers.Builtins;
using AgentGuard.Analyzers.Tests.Verification;
using AgentGuard.Testing;
using Microsoft.CodeAnalysis;

namespace AgentGuard.Analyzers.Tests;

/// <summary>
/// AG1009: secrets in well-known formats and literal connection-string passwords, and the many strings that only look
/// like them. Secret-shaped values are generated at run time, so this file holds none.
/// </summary>
public class HardCodedSecretAnalyzerTests
{
    private static readonly Random Seeded = new(20261122);

    private static string Random(string alphabet, int length) =>
        new(Enumerable.Range(0, length).Select(_ => alphabet[Seeded.Next(alphabet.Length)]).ToArray());

    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string Base62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string Base64 = Base62 + "+/";

    public static TheoryData<string, string> Secrets() => new()
    {
        { "AK" + "IA" + Random(Upper, 16), "an AWS access key ID" },
        { "gh" + "p_" + Random(Base62, 36), "a GitHub token" },
        { "sk" + "_live_" + Random(Base62, 28), "a Stripe live key" },
        { "xo" + "xb-" + Random("0123456789", 12) + "-" + Random(Base62, 24), "a Slack token" },
        { "DefaultEndpointsProtocol=https;AccountName=shop;Account" + "Key=" + Random(Base64, 86) + "==;EndpointSuffix=core.windows.net", "an Azure storage account key" },
        { "-----BEGIN RSA PRIVATE" + " KEY-----\n" + Random(Base64, 64) + "\n" + Random(Base64, 64), "a private key" },
        { "ey" + "J" + Random(Base62, 20) + ".ey" + "J" + Random(Base62, 40) + "." + Random(Base62, 43), "a signed JWT" },
        { "Server=sql-prod-01.shop.internal;Database=Orders;User Id=app;Pass" + "word=" + Random(Base62, 18) + ";", "a connection string with a literal password" },
        { "Host=db.shop.net;Username=app;Pw" + "d=" + Random(Base62, 14), "a connection string with a literal password" },
    };

    [Theory]
    [MemberData(nameof(Secrets))]
    public void Secrets_in_well_known_formats_are_recognized(string text, string kind)
    {
        Assert.Equal(kind, HardCodedSecretAnalyzer.SecretKind(text, isTestProject: false));
    }

    public static TheoryData<string> NotSecrets() => new()
    {
        "AK" + "IAIOSFODNN7EXAMPLE",
        "gh" + "p_" + new string('x', 36),
        "gh" + "p_" + string.Concat(Enumerable.Repeat("abc123", 6)),
        "sk" + "_test_" + Random(Base62, 28),
        "ey" + "JhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
        "Server=localhost;Database=Orders;User Id=sa;Pass" + "word=" + Random(Base62, 16) + ";",
        "Server=(localdb)\\MSSQLLocalDB;Database=Orders;Pass" + "word=" + Random(Base62, 16),
        "Host=127.0.0.1;Port=5432;Username=postgres;Pass" + "word=" + Random(Base62, 16),
        "Server=sql.shop.net;Database=Orders;Pass" + "word={0}",
        "Server=sql.shop.net;Database=Orders;Pass" + "word=${DB_PASSWORD}",
        "Server=sql.shop.net;Database=Orders;Pass" + "word=%DB_PASSWORD%",
        "Server=sql.shop.net;Database=Orders;Pass" + "word=<your-password>",
        "Server=sql.shop.net;Database=Orders;Pass" + "word=changeme",
        "Server=sql.shop.net;Database=Orders;Pass" + "word=;",
        "Server=sql.shop.net;Database=Orders;Integrated Security=true",
        "Pass" + "word=" + Random(Base62, 16),
        "The password must be at least 12 characters long",
        Random(Base64, 88),
        Guid.NewGuid().ToString(),
        "3f786850e387550fdab836ed7e6dc881de23001b",
        "https://github.com/shop/orders/issues/12",
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;Account" + "Key=" + Random(Base64, 86) + "==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1",
        "AccountEndpoint=https://localhost:8081/;Account" + "Key=" + Random(Base64, 86) + "==",
        "Host=postgres;Database=orders;Username=postgres;Pass" + "word=" + Random(Base62, 12),
        "Server=db;User Id=sa;Pass" + "word=" + Random(Base62, 12),
        "Server=(local);Database=Orders;Pass" + "word=" + Random(Base62, 12),
    };

    [Theory]
    [MemberData(nameof(NotSecrets))]
    public void Placeholders_examples_local_servers_and_ordinary_strings_are_not_secrets(string text)
    {
        Assert.Null(HardCodedSecretAnalyzer.SecretKind(text, isTestProject: false));
    }

    [Fact]
    public void Private_keys_and_connection_strings_in_a_test_project_are_fixtures()
    {
        var key = "-----BEGIN PRIVATE" + " KEY-----\n" + Random(Base64, 64) + "\n" + Random(Base64, 64);
        var connection = "Server=sql.shop.net;Database=Orders;Pass" + "word=" + Random(Base62, 16);

        Assert.Null(HardCodedSecretAnalyzer.SecretKind(key, isTestProject: true));
        Assert.Null(HardCodedSecretAnalyzer.SecretKind(connection, isTestProject: true));
        Assert.NotNull(HardCodedSecretAnalyzer.SecretKind(connection, isTestProject: false));
    }

    [Fact]
    public void Jwt_in_a_test_project_is_a_fixture()
    {
        var token = "ey" + "J" + Random(Base62, 20) + ".ey" + "J" + Random(Base62, 40) + "." + Random(Base62, 43);

        Assert.Null(HardCodedSecretAnalyzer.SecretKind(token, isTestProject: true));
        Assert.Equal("a signed JWT", HardCodedSecretAnalyzer.SecretKind(token, isTestProject: false));
    }

    [Fact]
    public async Task Secret_in_code_is_an_error_whose_message_never_repeats_it()
    {
        var key = "gh" + "p_" + Random(Base62, 36);
        var test = new GuardAnalyzerTest<HardCodedSecretAnalyzer>
        {
            Sources =
            {
                "class GitHubClient\n{\n    private const string Token = {|AG1009:\"" + key + "\"|};\n"
                + "    private string Verbatim => {|AG1009:@\"" + key + "\"|};\n"
                + "    private string Interpolated(int page) => $\"{|AG1009:token=" + key + "&page=|}{page}\";\n"
                + "    private string Readme => \"Set the token in the GITHUB_TOKEN variable\";\n}\n",
            },
            DiagnosticVerifier = (actual, _, _) =>
            {
                Assert.Equal(DiagnosticSeverity.Error, actual.Severity);
                Assert.Equal("This string holds a GitHub token; move it to a secret store and rotate it", actual.GetMessage());
                Assert.DoesNotContain(key, actual.GetMessage());
            },
        };

        await test.RunAsync();
    }

    [Fact]
    public Task Generated_code_is_not_analyzed() =>
        new GuardAnalyzerTest<HardCodedSecretAnalyzer>
        {
            Sources = { ("/src/Settings.Designer.cs", "class Settings { string Key => \"" + "gh" + "p_" + Random(Base62, 36) + "\"; }") },
        }.RunAsync();
}
