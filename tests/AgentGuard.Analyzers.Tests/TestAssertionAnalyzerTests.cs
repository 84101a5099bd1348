using System.Threading.Tasks;
using AgentGuard.Analyzers.Builtins;
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
        new AnalyzerTest<TestAssertionAnalyzer>
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
}
