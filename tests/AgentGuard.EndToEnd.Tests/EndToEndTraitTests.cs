using System.Linq;
using System.Reflection;
using AgentGuard.EndToEnd.Tests.Infrastructure;

namespace AgentGuard.EndToEnd.Tests;

/// <summary>
/// The fast loop (<c>--filter "Category!=EndToEnd&amp;Category!=Fuzz"</c>, in the README) leaves out exactly the tests that
/// pack the package and build consumers: every class of this project that holds tests carries the trait.
/// </summary>
public sealed class EndToEndTraitTests
{
    [Fact]
    public void Every_test_class_that_builds_consumers_carries_the_end_to_end_trait()
    {
        var testClasses = typeof(PackedPackage).Assembly.GetTypes()
            .Where(type => type != typeof(EndToEndTraitTests))
            .Where(type => type.GetMethods().Any(method => method.GetCustomAttributes<FactAttribute>().Any()))
            .ToList();
        var untagged = testClasses
            .Where(type => !type.GetCustomAttributesData().Any(attribute =>
                attribute.AttributeType == typeof(TraitAttribute)
                && attribute.ConstructorArguments.Select(argument => argument.Value as string).SequenceEqual(new[] { "Category", "EndToEnd" })))
            .Select(type => type.Name)
            .ToList();

        Assert.Contains(testClasses, type => type == typeof(SampleTests));
        Assert.Empty(untagged);
    }
}
