using AgentGuard.Build.Git;
using Xunit;

namespace AgentGuard.Build.Tests;

public sealed class GitCommandTests
{
    [Theory]
    [InlineData(new[] { "diff", "--raw", "-z" }, "diff --raw -z")]
    [InlineData(new[] { "show", "abc:src/My File.cs" }, "show \"abc:src/My File.cs\"")]
    [InlineData(new[] { "show", "abc:say \"hi\".txt" }, "show \"abc:say \\\"hi\\\".txt\"")]
    [InlineData(new[] { "rev-parse", "" }, "rev-parse \"\"")]
    [InlineData(new[] { "x", "C:\\path with space\\" }, "x \"C:\\path with space\\\\\"")]
    [InlineData(new[] { "x", "a\\\\\"b" }, "x \"a\\\\\\\\\\\"b\"")]
    [InlineData(new[] { "x", "semi;colon&pipe|<>" }, "x semi;colon&pipe|<>")]
    public void Arguments_are_quoted_so_the_process_reads_back_the_same_list(string[] arguments, string expected)
    {
        Assert.Equal(expected, GitCommand.JoinArguments(arguments));
    }
}
