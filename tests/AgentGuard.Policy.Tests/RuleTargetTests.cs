using System.Linq;
using AgentGuard.Policy;

namespace AgentGuard.Policy.Tests;

public class RuleTargetTests
{
    [Theory]
    [InlineData("DateTime.Now", "DateTime|Now")]
    [InlineData("System.IO.File", "System|IO|File")]
    [InlineData("Console.WriteLine()", "Console|WriteLine")]
    [InlineData("Console.WriteLine(string)", "Console|WriteLine")]
    [InlineData("ILogger<T>", "ILogger`1")]
    [InlineData("Dictionary<TKey, TValue>.Add", "Dictionary`2|Add")]
    [InlineData("global::System.Environment.Exit", "System|Environment|Exit")]
    [InlineData("@class", "class")]
    public void CSharp_names_are_read_into_segments(string text, string expected)
    {
        var target = RuleTarget.Parse(text);

        Assert.Equal(RuleTargetKind.Name, target.Kind);
        Assert.Equal(expected, string.Join("|", target.Segments.Select(s => s.ToString())));
    }

    [Theory]
    [InlineData("M:System.DateTime.get_Now")]
    [InlineData("T:System.Console")]
    [InlineData("N:System.Data.SqlClient")]
    [InlineData("M:System.Console.WriteLine(System.String)")]
    public void Documentation_ids_are_kept_exactly(string text)
    {
        var target = RuleTarget.Parse(text);

        Assert.Equal(RuleTargetKind.DocumentationId, target.Kind);
        Assert.Equal(text, target.Text);
    }

    [Theory]
    [InlineData("async void")]
    [InlineData(".Result")]
    [InlineData("src/Generated/**")]
    [InlineData("dotnet test")]
    [InlineData("#pragma warning disable")]
    [InlineData("a + b")]
    [InlineData("List<int")]
    [InlineData("")]
    public void Other_code_spans_are_not_names(string text)
    {
        Assert.Equal(RuleTargetKind.Other, RuleTarget.Parse(text).Kind);
    }
}
