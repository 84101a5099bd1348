using System.Threading.Tasks;
using AgentGuard.Analyzers.Builtins;
using AgentGuard.Analyzers.Tests.Verification;
using AgentGuard.Testing;

namespace AgentGuard.Analyzers.Tests;

/// <summary>AG1007: skipped, ignored and commented-out tests, and attributes that only share their names.</summary>
public class SkippedTestAnalyzerTests
{
    private const string OtherFrameworks = """
        namespace NUnit.Framework
        {
            public class IgnoreAttribute : System.Attribute { public IgnoreAttribute(string reason) { } }
            public class ExplicitAttribute : System.Attribute { public ExplicitAttribute() { } public ExplicitAttribute(string reason) { } }
            public class TestAttribute : System.Attribute { }
        }
        namespace Microsoft.VisualStudio.TestTools.UnitTesting
        {
            public class IgnoreAttribute : System.Attribute { }
            public class TestMethodAttribute : System.Attribute { }
        }
        namespace AutoMapper.Configuration.Annotations
        {
            [System.AttributeUsage(System.AttributeTargets.All)]
            public class IgnoreAttribute : System.Attribute { }
        }
        """;

    private static Task Verify(string source) =>
        new GuardAnalyzerTest<SkippedTestAnalyzer>
        {
            Sources = { OtherFrameworks, source },
            ExtraReferences = { typeof(FactAttribute).Assembly.Location },
        }.RunAsync();

    [Fact]
    public Task Skipped_ignored_explicit_and_commented_out_tests_are_reported() =>
        Verify("""
            using Xunit;
            public class OrderTests
            {
                [{|AG1007:Fact(Skip = Reasons.Flaky)|}]
                public void Places_an_order() { }

                [{|AG1007:Theory(Skip = Reasons.Slow)|}]
                [InlineData(1)]
                public void Rounds(int cents) { }

                [NUnit.Framework.Test, {|AG1007:NUnit.Framework.Ignore("broken")|}]
                public void Nunit_ignored() { }

                [NUnit.Framework.Test, {|AG1007:NUnit.Framework.Explicit|}]
                public void Nunit_explicit() { }

                [Microsoft.VisualStudio.TestTools.UnitTesting.TestMethod, {|AG1007:Microsoft.VisualStudio.TestTools.UnitTesting.Ignore|}]
                public void Mstest_ignored() { }

                {|AG1007:// [Fact]|}
                public void Commented_out() { }
            }
            static class Reasons { public const string Slow = "slow"; public const string Flaky = "flaky on CI"; }
            """);

    [Fact]
    public Task Running_tests_and_look_alikes_are_not_reported() =>
        Verify("""
            using Xunit;
            public class OrderTests
            {
                [Fact]
                public void Places_an_order() { }

                [Fact(Skip = null)]
                public void Not_skipped() { }

                [Theory, InlineData(1)]
                public void Rounds(int cents) { }

                [NUnit.Framework.Test, NUnit.Framework.Explicit("needs a database")]
                public void Explicit_with_reason() { }

                [AutoMapper.Configuration.Annotations.Ignore]
                public int Mapped { get; set; }

                // Use [Fact] for a single case and [Theory] for data.
                // [Fact] is what xUnit calls a test.
                public void Helper() { }

                public int Skip { get; set; }

                public void Run() { Helper(); } // [Fact]
            }
            """);

    [Fact]
    public Task Ignore_on_a_fixture_is_reported_and_on_a_parameter_or_the_assembly_is_not_a_test_attribute() =>
        Verify("""
            [assembly: AutoMapper.Configuration.Annotations.Ignore]

            [{|AG1007:NUnit.Framework.Ignore("waits for the tax service")|}]
            public class TaxTests
            {
                [NUnit.Framework.Test]
                public void Rounds() { }

                public void Map([AutoMapper.Configuration.Annotations.Ignore] int value) { }
            }
            """);

    [Fact]
    public Task Alias_qualified_ignore_is_reported() =>
        Verify("""
            public class OrderTests
            {
                [NUnit.Framework.Test, {|AG1007:global::NUnit.Framework.Ignore("broken")|}]
                public void Ignored() { }
            }
            """);

    // C# counts a no-break space as white space before a comment, as it does a space.
    private const string NoBreakSpace = "\u00A0";

    [Fact]
    public Task Commented_out_attributes_are_found_however_they_are_spaced_and_only_in_line_comments() =>
        Verify($$"""
            using Xunit;
            public class OrderTests
            {
                {|AG1007:// [ Fact]|}
                public void Spaced() { }

                {|AG1007://[ TestMethod ]|}
                public void Mstest_spaced() { }

                {{NoBreakSpace}}{|AG1007:// [TestCase(1)]|}
                public void After_a_no_break_space(int n) { }

                /*
                // [Fact]
                */
                public void In_a_block_comment() { }

                /// [Fact]
                public void In_a_documentation_comment() { }

                private const string Sample = @"
                // [Fact]
                ";
            }
            """);
}
