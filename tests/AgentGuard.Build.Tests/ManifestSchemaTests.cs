using System.IO;
using System.Linq;
using System.Text.Json;
using AgentGuard.Build.Boundaries;
using AgentGuard.Testing;
using Xunit;

namespace AgentGuard.Build.Tests;

/// <summary>The published JSON Schema and the reader accept the same manifest.</summary>
public sealed class ManifestSchemaTests
{
    private static JsonElement Schema()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SourceTree.PathOf("docs/agentguard.schema.json")));
        return document.RootElement.Clone();
    }

    [Fact]
    public void The_schema_lists_exactly_the_keys_the_reader_accepts_and_refuses_others()
    {
        var schema = Schema();
        var keys = schema.GetProperty("properties").EnumerateObject().Select(property => property.Name).OrderBy(name => name, System.StringComparer.Ordinal);

        Assert.Equal(new[] { "$schema", "approval", "baseRef", "dependencies", "forbidden", "generated", "tests", "version" }, keys);
        Assert.False(schema.GetProperty("additionalProperties").GetBoolean());
        foreach (var key in keys.Where(key => key != "$schema"))
        {
            Assert.DoesNotContain(ManifestReader.Read("{\"" + key + "\": {\"x\": 1}}").Problems, problem => problem.Message.StartsWith("unknown key"));
        }
    }

    [Fact]
    public void The_schema_and_the_reader_name_the_same_choices_for_dependencies_and_match()
    {
        var text = File.ReadAllText(SourceTree.PathOf("docs/agentguard.schema.json"));

        foreach (var choice in new[] { "\"approval\"", "\"off\"", "\"any\"", "\"name\"" })
        {
            Assert.Contains(choice, text);
        }

        Assert.Empty(ManifestReader.Read("{\"dependencies\": \"off\", \"tests\": [{\"source\": \"src/**\", \"tests\": \"tests/**\", \"match\": \"name\"}]}").Problems);
    }

    [Fact]
    public void The_sample_manifest_reads_without_problems()
    {
        Assert.Empty(ManifestReader.Read(File.ReadAllText(SourceTree.PathOf("samples/Storefront/agentguard.json"))).Problems);
    }
}
