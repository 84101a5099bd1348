using AgentGuard.Testing;
using Xunit.Abstractions;

namespace AgentGuard.Build.Tests;

/// <summary>
/// What the boundary task reads, generated and mutated, read on a 256 KB stack in a child process: agentguard.json
/// (every problem has a line and a column, never an exception), the review ledger, the files that declare packages,
/// and the baseline (every line an entry or a problem on its line, read back as written). Nothing an input holds may take down the MSBuild node.
/// </summary>
[Trait("Category", "Fuzz")]
public class BoundaryInputFuzzTests
{
    private readonly ITestOutputHelper _output;

    public BoundaryInputFuzzTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData("manifest", 5_000)]
    [InlineData("ledger", 3_000)]
    [InlineData("packages", 3_000)]
    [InlineData("baseline", 3_000)]
    public void Generated_inputs_are_read_without_an_exception(string target, int inputs)
    {
        var log = FuzzProcess.Run(target, inputs, _output.WriteLine);

        Assert.Contains($"{target}: {inputs:N0} inputs", log);
        Assert.Contains(" 0 exceptions, 0 lost neighbour rules", log);
    }
}
