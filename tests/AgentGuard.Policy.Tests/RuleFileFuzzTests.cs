using AgentGuard.Testing;
using Xunit.Abstractions;

namespace AgentGuard.Policy.Tests;

/// <summary>
/// Ten thousand generated rule files (mutations of our own and of the real-file corpus, deep nesting, long runs,
/// broken UTF-16) read on a 256 KB stack in a child process: no exception, no crash, and the plain rules around a
/// generated hostile part are still read. The figures (inputs, exceptions, slowest input) are printed.
/// </summary>
[Trait("Category", "Fuzz")]
public class RuleFileFuzzTests
{
    private readonly ITestOutputHelper _output;

    public RuleFileFuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Ten_thousand_generated_rule_files_are_read_without_an_exception_or_a_lost_rule()
    {
        var log = FuzzProcess.Run("rules", 10_000, _output.WriteLine);

        Assert.Contains("rules: 10,000 inputs", log);
        Assert.Contains(" 0 exceptions, 0 lost neighbour rules", log);
    }
}
