using System.Collections.Generic;
using System.IO;
using System.Linq;
using AgentGuard.EndToEnd.Tests.Infrastructure;

namespace AgentGuard.EndToEnd.Tests;

/// <summary>
/// Style rules written as teams write them, enforced through the SDK's own analyzers by the packed package: the IDE and
/// CA diagnostics at the right lines and severities, a nested rule file's rule only under its folder, the project's own
/// .editorconfig above the rules (and explain saying so), and dotnet format repairing what the rules found.
/// </summary>
[Collection(PackedPackageCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class StyleRuleBuildTests
{
    private const string Project = "src/Contoso.Billing/Contoso.Billing.csproj";

    private readonly PackedPackage _package;

    public StyleRuleBuildTests(PackedPackage package) => _package = package;

    [Fact]
    public void Ten_style_rules_become_the_analyzers_diagnostics_a_nested_file_scopes_one_an_editorconfig_overrides_one_and_dotnet_format_fixes_them()
    {
        using var repository = ConsumerRepository.Create(_package, "style");
        repository
            .Write("AGENTS.md", """
                # Contoso Billing

                ## C# conventions
                - Use file-scoped namespaces.
                - **Braces always required** for `if`, `for`, `while` — even for single-line bodies
                - Use explicit types instead of `var`.
                - Prefer `is null` / `is not null` over `ReferenceEquals(x, null)`
                - **Readonly fields** where possible
                - Use `ArgumentNullException.ThrowIfNull` for argument checks
                - Async methods end with `Async`.
                - Use collection expressions (`[1, 2]`) instead of `new List<T> { }`.
                - Prefer target-typed `new()` expressions

                ## Formatting
                - Always sort `System` usings first
                """)
            .Write("src/Contoso.Billing/Api/AGENTS.md", """
                # API

                - Use `nameof` instead of string literals for parameter names.
                """)
            .Write(".editorconfig", """
                root = true

                [*.cs]
                dotnet_diagnostic.IDE0008.severity = none
                """)
            .WriteProject(Project)
            .Write("src/Contoso.Billing/Invoice.cs", """
                using System;
                using System.Collections.Generic;
                using System.Threading.Tasks;

                namespace Contoso.Billing
                {
                    public sealed class Invoice
                    {
                        private int _lines = 3;

                        public List<int> Amounts { get; } = new List<int>();

                        public static int Total(Invoice invoice)
                        {
                            if (invoice == null) throw new ArgumentNullException(nameof(invoice));
                            var total = 0;
                            if (ReferenceEquals(invoice.Amounts, null)) return 0;
                            return total + invoice._lines;
                        }

                        public async Task Send() => await Task.Delay(1);

                        public Dictionary<string, int> Index() { Dictionary<string, int> index = new Dictionary<string, int>(); return index; }

                        public static void Check(int count)
                        {
                            if (count < 0)
                            {
                                throw new ArgumentOutOfRangeException("count");
                            }
                        }
                    }
                }
                """)
            .Write("src/Contoso.Billing/Api/InvoiceEndpoint.cs", """
                using System;

                namespace Contoso.Billing.Api;

                public static class InvoiceEndpoint
                {
                    public static void Check(int count)
                    {
                        if (count < 0)
                        {
                            throw new ArgumentOutOfRangeException("count");
                        }
                    }
                }
                """);

        var result = repository.Build(Project);

        Assert.False(result.Succeeded, result.Output);
        AssertFindings(
            new[]
            {
                "CA1507 error src/Contoso.Billing/Api/InvoiceEndpoint.cs:11",
                "CA1510 error src/Contoso.Billing/Invoice.cs:15",
                "IDE0011 error src/Contoso.Billing/Invoice.cs:15",
                "IDE0011 error src/Contoso.Billing/Invoice.cs:17",
                "IDE0028 error src/Contoso.Billing/Invoice.cs:11",
                "IDE0028 error src/Contoso.Billing/Invoice.cs:23",
                "IDE0041 warning src/Contoso.Billing/Invoice.cs:17",
                "IDE0044 warning src/Contoso.Billing/Invoice.cs:9",
                "IDE0090 warning src/Contoso.Billing/Invoice.cs:23",
                "IDE0161 error src/Contoso.Billing/Invoice.cs:5",
                "IDE1006 error src/Contoso.Billing/Invoice.cs:21",
            },
            StyleFindings(result),
            result.Output);

        // The API folder's own rule applies there only: the same string literal in Invoice.cs is no CA1507.
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "CA1507" && d.File.EndsWith("Invoice.cs", System.StringComparison.Ordinal));
        var config = File.ReadAllText(repository.PathOf("src/Contoso.Billing/obj/agentguard/agentguard.globalconfig"));
        Assert.Contains("global_level = -1", config);
        Assert.Contains("# AGENTS.md line 4: Use file-scoped namespaces.\ncsharp_style_namespace_declarations = file_scoped:error\ndotnet_diagnostic.IDE0161.severity = error\n", config);
        Assert.Contains("/Api/InvoiceEndpoint.cs]\n\n# src/Contoso.Billing/Api/AGENTS.md line 3:", config);

        var explain = repository.Build(Project, "-t:AgentGuardExplain");
        Assert.True(explain.Succeeded, explain.Output);
        Assert.Contains("-> IDE0161 (error): csharp_style_namespace_declarations = file_scoped", explain.Output);
        Assert.Contains("-> IDE0008 (error): csharp_style_var_for_built_in_types = false, csharp_style_var_when_type_is_apparent = false, csharp_style_var_elsewhere = false", explain.Output);
        Assert.Contains($"overridden: {repository.PathOf(".editorconfig").Replace('\\', '/')} line 4 sets dotnet_diagnostic.IDE0008.severity = none, which wins over the rule", explain.Output);
        Assert.Contains("  line 15   guidance       Always sort System usings first", explain.Output);
        Assert.DoesNotContain("IDE0055", explain.Output);

        // The findings are the analyzers' own, so their fixes repair them: dotnet format, then a clean build.
        var format = ProcessRunner.Run("dotnet", new[] { "format", repository.PathOf(Project), "--severity", "warn", "--no-restore" }, repository.Root, new Dictionary<string, string?> { ["NUGET_PACKAGES"] = _package.PackagesFolder });
        Assert.True(format.ExitCode == 0, format.Output);
        var formatted = repository.Build(Project);
        var invoice = File.ReadAllText(repository.PathOf("src/Contoso.Billing/Invoice.cs"));

        // A rename is the one fix dotnet format does not apply to a whole project (IDE1006); the IDE's fix makes it.
        AssertFindings(new[] { "IDE1006 error src/Contoso.Billing/Invoice.cs:26" }, StyleFindings(formatted), formatted.Output + invoice);
        Assert.Contains("namespace Contoso.Billing;", invoice);
        Assert.Contains("ArgumentNullException.ThrowIfNull(invoice);", invoice);
        Assert.Contains("public List<int> Amounts { get; } = [];", invoice);
        Assert.Contains("private readonly int _lines = 3;", invoice);
        Assert.Contains("throw new ArgumentOutOfRangeException(nameof(count));", File.ReadAllText(repository.PathOf("src/Contoso.Billing/Api/InvoiceEndpoint.cs")));
        repository.Write("src/Contoso.Billing/Invoice.cs", invoice.Replace("public async Task Send()", "public async Task SendAsync()", System.StringComparison.Ordinal));
        var clean = repository.Build(Project);
        Assert.True(clean.Succeeded, clean.Output);
        Assert.Empty(StyleFindings(clean));
    }

    [Fact]
    public void No_var_except_built_in_types_reports_var_for_other_types_only()
    {
        using var repository = ConsumerRepository.Create(_package, "style-var-builtins");
        repository
            .Write("AGENTS.md", "## Conventions\n\n- **No `var`** — explicit types except built-ins (`int`, `string`, `bool`)\n")
            .WriteProject(Project)
            .Write("src/Contoso.Billing/Ledger.cs", """
                using System.Collections.Generic;

                namespace Contoso.Billing;

                public static class Ledger
                {
                    public static int Count(IEnumerable<int> amounts)
                    {
                        var total = 0;
                        var seen = new List<int>(amounts);
                        foreach (int amount in seen)
                        {
                            total += amount;
                        }

                        return total;
                    }
                }
                """);

        var result = repository.Build(Project);

        AssertFindings(new[] { "IDE0008 error src/Contoso.Billing/Ledger.cs:10" }, StyleFindings(result), result.Output);
    }

    [Fact]
    public void A_project_that_switched_the_analyzers_a_style_rule_needs_off_gets_AG0011_on_the_rule_and_the_other_rules_still_hold()
    {
        using var repository = ConsumerRepository.Create(_package, "style-off");
        repository
            .Write("AGENTS.md", """
                - Use file-scoped namespaces.
                - Public APIs have XML docs.
                - Use `nameof` instead of string literals.
                """)
            .WriteProject(Project, "<EnforceCodeStyleInBuild>false</EnforceCodeStyleInBuild>")
            .Write("src/Contoso.Billing/Invoice.cs", InvoiceWithLiteralParameterName());

        var result = repository.Build(Project);

        AssertFindings(
            new[]
            {
                "AG0011 warning AGENTS.md:1",
                "AG0011 warning AGENTS.md:2",
                "CA1507 error src/Contoso.Billing/Invoice.cs:9",
            },
            StyleFindings(result),
            result.Output);
        Assert.Contains("the project sets EnforceCodeStyleInBuild to false", result.Diagnostics.First(d => d.Line == 1).Message);
        Assert.Contains("GenerateDocumentationFile", result.Diagnostics.First(d => d.Id == "AG0011" && d.Line == 2).Message);
    }

    [Fact]
    public void A_multi_targeted_project_gets_the_CA_rule_it_asked_for_in_each_framework_and_no_other_CA_rule_where_the_package_added_the_analyzers()
    {
        using var repository = ConsumerRepository.Create(_package, "style-multi", useMachineSources: true);
        repository
            .Write("AGENTS.md", "- Use `nameof` instead of string literals.\n")
            .Write(Project, $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFrameworks>net10.0;netstandard2.0</TargetFrameworks>
                    <LangVersion>latest</LangVersion>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="AgentGuard.Analyzers" Version="{_package.Version}" PrivateAssets="all" />
                  </ItemGroup>
                </Project>
                """)
            .Write("src/Contoso.Billing/Invoice.cs", InvoiceWithLiteralParameterName("""

                        public static void Load()
                        {
                            try
                            {
                                Check(1);
                            }
                            catch (System.Exception e)
                            {
                                throw e;
                            }
                        }
                """));

        var result = repository.Build(Project);

        Assert.False(result.Succeeded, result.Output);
        var ca1507 = result.Output.Split('\n').Where(line => line.Contains("error CA1507", System.StringComparison.Ordinal)).ToList();
        Assert.Contains(ca1507, line => line.Contains("TargetFramework=net10.0", System.StringComparison.Ordinal));
        Assert.Contains(ca1507, line => line.Contains("TargetFramework=netstandard2.0", System.StringComparison.Ordinal));

        // CA2200 is on by default where the SDK runs the .NET analyzers (net10.0), and stays off where only a golden rule
        // brought them (netstandard2.0).
        Assert.Contains(result.Output.Split('\n'), line => line.Contains("CA2200", System.StringComparison.Ordinal) && line.Contains("TargetFramework=net10.0", System.StringComparison.Ordinal));
        Assert.DoesNotContain(result.Output.Split('\n'), line => line.Contains("CA2200", System.StringComparison.Ordinal) && line.Contains("TargetFramework=netstandard2.0", System.StringComparison.Ordinal));
        Assert.True(File.Exists(repository.PathOf("src/Contoso.Billing/obj/agentguard/netstandard2.0/agentguard.globalconfig")));
        Assert.True(File.Exists(repository.PathOf("src/Contoso.Billing/obj/agentguard/net10.0/agentguard.globalconfig")));
    }

    /// <summary>An invoice whose <c>Check</c> passes a parameter's name as a string literal (CA1507), then <paramref name="members"/>.</summary>
    private static string InvoiceWithLiteralParameterName(string members = "") => $$"""
        namespace Contoso.Billing
        {
            public static class Invoice
            {
                public static void Check(int count)
                {
                    if (count < 0)
                    {
                        throw new System.ArgumentOutOfRangeException("count");
                    }
                }
        {{members}}
            }
        }
        """;

    private static void AssertFindings(string[] expected, IReadOnlyList<string> actual, string output) =>
        Assert.True(expected.SequenceEqual(actual), "Expected:\n" + string.Join("\n", expected) + "\nActual:\n" + string.Join("\n", actual) + "\n" + output);

    private static IReadOnlyList<string> StyleFindings(BuildResult result) =>
        result.Diagnostics.Where(d => d.Id.StartsWith("IDE", System.StringComparison.Ordinal) || d.Id.StartsWith("CA", System.StringComparison.Ordinal) || d.Id.StartsWith("AG", System.StringComparison.Ordinal))
            .Select(d => $"{d.Id} {d.Severity} {d.File}:{d.Line}")
            .OrderBy(s => s, System.StringComparer.Ordinal)
            .ToList();
}
