using System.Threading.Tasks;
using AgentGuard.Analyzers.Builtins;
using AgentGuard.Analyzers.Tests.Verification;
using AgentGuard.Testing;

namespace AgentGuard.Analyzers.Tests;

/// <summary>AG1006: tests that assert nothing, and the many ways real test suites assert.</summary>
public class TestAssertionAnalyzerTests
{
    private const string Libraries = """
        namespace FluentAssertions { public static class Extensions { public static Checks Should(this object value) => new(); } public class Checks { public void Be(object o) { } } }
        namespace Shouldly { public static class ShouldExtensions { public static void ShouldBe(this object value, object expected) { } } }
        namespace Moq { public class Mock<T> { public void Verify() { } public void VerifyAll() { } } }
        namespace NSubstitute { public static class Ext { public static T Received<T>(this T value) => value; } }
        namespace NUnit.Framework
        {
            public class TestAttribute : System.Attribute { }
            public class TestCaseAttribute : System.Attribute { public TestCaseAttribute(params object[] a) { } public object? ExpectedResult { get; set; } }
            public static class Assert { public static void That(object a) { } }
            public static class CollectionAssert { public static void IsEmpty(object a) { } }
        }
        namespace Microsoft.VisualStudio.TestTools.UnitTesting
        {
            public class TestMethodAttribute : System.Attribute { }
            public class ExpectedExceptionAttribute : System.Attribute { public ExpectedExceptionAttribute(System.Type t) { } }
        }
        """;

    private static Task Verify(string source) =>
        new GuardAnalyzerTest<TestAssertionAnalyzer>
        {
            Sources = { Libraries, source },
            ExtraReferences = { typeof(FactAttribute).Assembly.Location, typeof(Assert).Assembly.Location },
        }.RunAsync();

    [Fact]
    public Task Tests_that_assert_nothing_are_reported_in_every_framework() =>
        Verify("""
            using Xunit;
            public class OrderTests
            {
                [Fact] public void {|AG1006:Places_an_order|}() { var order = new object(); }
                [Theory, InlineData(1)] public void {|AG1006:Rounds|}(int cents) { _ = cents * 2; }
                [NUnit.Framework.Test] public void {|AG1006:Nunit_places|}() { }
                [NUnit.Framework.TestCase(1)] public void {|AG1006:Nunit_case|}(int value) { Helper(); }
                [Microsoft.VisualStudio.TestTools.UnitTesting.TestMethod] public void {|AG1006:Mstest_places|}() { }
                private void Helper() { var x = 1; }
            }
            """);

    [Fact]
    public Task Assertions_of_every_common_kind_are_recognized() =>
        Verify("""
            using System;
            using System.Threading.Tasks;
            using Xunit;
            using FluentAssertions;
            using Shouldly;
            using NSubstitute;
            public class OrderTests
            {
                [Fact] public void Xunit_assert() => Assert.Equal(1, 1);
                [Fact] public async Task Xunit_throws() => await Assert.ThrowsAsync<InvalidOperationException>(() => Task.CompletedTask);
                [Fact] public void Fluent() => 1.Should().Be(1);
                [Fact] public void Shouldly_style() => 1.ShouldBe(1);
                [Fact] public void Moq_verify() { var mock = new Moq.Mock<IDisposable>(); mock.Verify(); }
                [Fact] public void NSubstitute_received() { var clock = (IDisposable)null!; clock.Received().Dispose(); }
                [Fact] public Task Snapshot() => Verify(new { Total = 1 });
                [Fact] public void Manual_throw() { if (1 + 1 != 2) throw new Exception("math"); }
                [Fact] public void Helper_asserts() => AssertValid(1);
                [Fact] public void Helper_of_helper_asserts() => Arrange();
                [Fact] public void Assert_in_a_lambda() => new[] { 1 }.ToList().ForEach(x => Assert.True(x > 0));
                [NUnit.Framework.Test] public void Nunit_that() => NUnit.Framework.Assert.That(1);
                [NUnit.Framework.Test] public void Nunit_collection() => NUnit.Framework.CollectionAssert.IsEmpty(1);
                [Microsoft.VisualStudio.TestTools.UnitTesting.TestMethod, Microsoft.VisualStudio.TestTools.UnitTesting.ExpectedException(typeof(Exception))]
                public void Mstest_expected_exception() { }
                private static Task Verify(object value) => Task.CompletedTask;
                private static void AssertValid(int value) => Assert.True(value > 0);
                private void Arrange() => Check(2);
                private void Check(int value) => Assert.InRange(value, 1, 3);
                public void Not_a_test() { }
            }
            static class ListExtensions { public static System.Collections.Generic.List<T> ToList<T>(this T[] items) => new(items); }
            """);

    [Fact]
    public Task More_assertion_styles_and_exemptions_are_recognized() =>
        Verify("""
            using System;
            using Xunit;
            using static Xunit.Assert;
            public abstract class BaseTests { [Fact] public virtual void Queries() => Assert.True(true); }
            public class DerivedTests : BaseTests
            {
                [Fact] public override void Queries() => base.Queries();
                [Fact] public void Using_static() => Equal(1, 1);
                [NUnit.Framework.TestCase(1, ExpectedResult = 2)] public int Doubles(int x) => x * 2;
                [Fact(Skip = Reasons.Covered)] public void Skipped() { }
                [Fact] public void Fake_it_easy() => CallTo().MustHaveHappened();
                [Fact] public void Http() => Response().EnsureSuccessStatusCode();
                [Fact] public void Snapshots() => Result().MatchSnapshot();
                [Fact] public void Markup() => Result().MarkupMatches("<p>1</p>");
                private static Call CallTo() => new();
                private static System.Net.Http.HttpResponseMessage Response() => new();
                private static object Result() => new();
            }
            public class Call { public void MustHaveHappened() { } }
            static class Reasons { public const string Covered = "covered by AG1007"; }
            public static class SnapshotExtensions { public static void MatchSnapshot(this object o) { } public static void MarkupMatches(this object o, string s) { } }
            """);

    // The libraries' real shapes, reduced to what the calls need: Shouldly's static Should, xUnit's Record, NUnit's
    // Assert.Multiple and constraints, MSTest's StringAssert, TUnit's awaited Assert.That, FakeItEasy's A.CallTo,
    // NSubstitute's Received.InOrder, Verify's Verifier.
    private const string MoreLibraries = """
        namespace Shouldly
        {
            public static class Should
            {
                public static System.Exception Throw<T>(System.Action action) => null!;
                public static void NotThrow(System.Action action) { }
                public static System.Threading.Tasks.Task<System.Exception> ThrowAsync<T>(System.Func<System.Threading.Tasks.Task> action) => null!;
                public static System.Threading.Tasks.Task NotThrowAsync(System.Func<System.Threading.Tasks.Task> action) => System.Threading.Tasks.Task.CompletedTask;
                public static void CompleteIn(System.Action action, System.TimeSpan timeout) { }
            }
        }
        namespace NUnit.Framework
        {
            public static class Is { public static object EqualTo(object o) => o; }
            public static class Multiple { }
        }
        namespace NUnitAsserts { public static class Assert { public static void That(object a, object constraint) { } public static void Multiple(System.Action a) { } } }
        namespace Microsoft.VisualStudio.TestTools.UnitTesting { public static class StringAssert { public static void Contains(string a, string b) { } } }
        namespace TUnit.Assertions
        {
            public static class Assert { public static Check That(object value) => new(); }
            public class Check { public System.Threading.Tasks.Task IsEqualTo(object expected) => System.Threading.Tasks.Task.CompletedTask; }
        }
        namespace FakeItEasy
        {
            public static class A { public static Call CallTo(System.Action a) => new(); }
            public class Call { public void MustHaveHappenedOnceExactly() { } }
        }
        namespace NSubstitute { public static class Received { public static void InOrder(System.Action a) { } } }
        namespace VerifyTests { public static class Verifier { public static System.Threading.Tasks.Task Verify(object o) => System.Threading.Tasks.Task.CompletedTask; } }
        """;

    [Fact]
    public Task Every_assertion_style_of_the_common_test_libraries_is_an_assertion() =>
        new GuardAnalyzerTest<TestAssertionAnalyzer>
        {
            Sources =
            {
                Libraries,
                MoreLibraries,
                """
                using System;
                using System.Threading.Tasks;
                using Xunit;
                using Shouldly;
                public class InvoiceTests
                {
                    [Fact] public void Shouldly_throw() => Should.Throw<InvalidOperationException>(() => Post());
                    [Fact] public void Shouldly_not_throw() => Should.NotThrow(() => Post());
                    [Fact] public async Task Shouldly_throw_async() => await Should.ThrowAsync<InvalidOperationException>(() => Task.CompletedTask);
                    [Fact] public Task Shouldly_not_throw_async() => Should.NotThrowAsync(() => Task.CompletedTask);
                    [Fact] public void Shouldly_complete_in() => Should.CompleteIn(() => Post(), TimeSpan.FromSeconds(1));
                    [Fact] public void Xunit_record_then_assert() { var error = Record.Exception(() => Post()); Assert.Null(error); }
                    [NUnit.Framework.Test] public void Nunit_constraint() => NUnitAsserts.Assert.That(1, NUnit.Framework.Is.EqualTo(1));
                    [NUnit.Framework.Test] public void Nunit_multiple() => NUnitAsserts.Assert.Multiple(() => NUnitAsserts.Assert.That(1, NUnit.Framework.Is.EqualTo(1)));
                    [Microsoft.VisualStudio.TestTools.UnitTesting.TestMethod] public void Mstest_string_assert() => Microsoft.VisualStudio.TestTools.UnitTesting.StringAssert.Contains("ab", "a");
                    [Fact] public async Task Tunit_that() => await TUnit.Assertions.Assert.That(1).IsEqualTo(1);
                    [Fact] public void Fake_it_easy_call_to() => FakeItEasy.A.CallTo(() => Post()).MustHaveHappenedOnceExactly();
                    [Fact] public void Nsubstitute_in_order() => NSubstitute.Received.InOrder(() => Post());
                    [Fact] public Task Verify_snapshot() => VerifyTests.Verifier.Verify(new { Total = 1 });
                    [Fact] public void Expect_helper() => ExpectPosted();
                    [Fact] public void Verify_helper() => VerifyPosted(1);
                    private static void Post() { }
                    private static void ExpectPosted() { }
                    private static void VerifyPosted(int count) { }
                }
                """,
            },
            ExtraReferences = { typeof(FactAttribute).Assembly.Location, typeof(Assert).Assembly.Location },
        }.RunAsync();

    [Fact]
    public Task Recording_an_exception_without_checking_it_asserts_nothing() =>
        Verify("""
            using Xunit;
            public class InvoiceTests
            {
                [Fact] public void {|AG1006:Records_only|}() { var error = Record.Exception(() => Post()); }
                [Fact] public void {|AG1006:Should_named_local|}() { var should = 1; _ = should; }
                private static void Post() { }
            }
            """);

    [Fact]
    public Task Helpers_the_project_marks_as_assertions_count_and_nothing_else_does()
    {
        var test = new GuardAnalyzerTest<TestAssertionAnalyzer>
        {
            Sources =
            {
                Libraries,
                """
                using Xunit;
                public class InvoiceTests
                {
                    [Fact] public void Named_helper() => Then.ItWasPosted();
                    [Fact] public void Any_method_of_a_marked_receiver() => Scenario.Outcome();
                    [Fact] public void Bare_marked_name() => Posted();
                    [Fact] public void {|AG1006:Unmarked_method_of_a_marked_helper_class|}() => Then.Prepare();
                    private static void Posted() { }
                }
                public static class Then { public static void ItWasPosted() { } public static void Prepare() { } }
                public static class Scenario { public static void Outcome() { } }
                """,
            },
            ExtraReferences = { typeof(FactAttribute).Assembly.Location, typeof(Assert).Assembly.Location },
        };
        test.WithEditorConfig("[/0/Test1.cs]\nagentguard.ag1006.assertion_methods = Then.ItWasPosted, Scenario.*, Posted\n");
        return test.RunAsync();
    }

    [Fact]
    public Task Abstract_tests_and_methods_without_test_attributes_are_not_reported() =>
        Verify("""
            using Xunit;
            public abstract class ContractTests
            {
                [Fact] public abstract void Honors_the_contract();
                public void Setup() { }
            }
            public class FactLike : System.Attribute { }
            public class Other { [FactLike] public void Looks_like_a_test() { } }
            """);

    [Fact]
    public Task Helpers_on_other_types_are_followed_through_overloads_at_any_depth() =>
        Verify("""
            using System;
            using Xunit;
            public class HeadingSpecs
            {
                [Fact] public void Atx_heading() => Spec.Render("# h", "<h1>h</h1>");
                [Fact] public void Setext_heading() { Spec.Render("h\n=", "<h1>h</h1>", pipeline: "advanced"); }
                [Fact] public void Through_a_base_fixture() => RoundTrips("*a*");
                [Fact] public void {|AG1006:Renders_without_checking|}() => Spec.Parse("# h");
                [Fact] public void {|AG1006:Recursive_helper_that_never_asserts|}() => Walk(3);
                private static void RoundTrips(string text) => Fixture.Check(text);
                private static int Walk(int n) => n == 0 ? 0 : Walk(n - 1) + Other(n);
                private static int Other(int n) => Walk(n - 1);
            }
            public static class Spec
            {
                public static void Render(string input, string expected, string pipeline = null)
                {
                    foreach (var name in Pipelines(pipeline)) { Render(input, expected, name, true); }
                }
                private static void Render(string input, string expected, string pipeline, bool compact) => Compare(input, Html(input), expected);
                private static void Compare(string source, string result, string expected)
                {
                    if (result != expected) { Console.WriteLine(source); TextCheck.AreSame(expected, result); }
                }
                public static object Parse(string input) => Html(input);
                private static string Html(string input) => input;
                private static string[] Pipelines(string name) => new[] { name ?? "default" };
            }
            public static class TextCheck { public static void AreSame(string a, string b) => Assert.Equal(a, b); }
            public class Fixture { public static void Check(string text) => Assert.NotNull(text); }
            """);

    [Fact]
    public Task A_base_fixture_that_checks_through_a_property_and_an_override_asserts_only_for_the_tests_that_inherit_the_check() =>
        Verify("""
            using Xunit;
            public abstract class PlainSpec
            {
                private Mapper _mapper;
                protected Mapper Mapper => _mapper ??= Create();
                private Mapper Create() { var config = new Config(); OnConfig(config); return new Mapper(); }
                protected virtual void OnConfig(Config config) { }
            }
            public abstract class CheckedSpec : PlainSpec
            {
                protected override void OnConfig(Config config) => config.AssertValid();
            }
            public class CheckedMappings : CheckedSpec
            {
                [Fact] public void Maps_the_order() => Mapper.Map(new object());
            }
            public class PlainMappings : PlainSpec
            {
                [Fact] public void {|AG1006:Maps_the_invoice|}() => Mapper.Map(new object());
            }
            public class Config { public void AssertValid() { } }
            public class Mapper { public object Map(object source) => source; }
            """);

    [Fact]
    public Task Explicit_only_tests_are_left_to_the_skipped_test_check() =>
        Verify("""
            namespace NUnit.Framework { public class ExplicitAttribute : System.Attribute { } }
            public class Manual
            {
                [NUnit.Framework.Test, NUnit.Framework.Explicit] public void Runs_by_hand() { }
                [NUnit.Framework.Test] public void {|AG1006:Runs_always|}() { }
            }
            """);
}
