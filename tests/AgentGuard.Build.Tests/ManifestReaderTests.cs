using System.Linq;
using AgentGuard.Build.Boundaries;
using Xunit;

namespace AgentGuard.Build.Tests;

public sealed class ManifestReaderTests
{
    private static string Problems(string json) => string.Join("\n", ManifestReader.Read(json).Problems.Select(problem => problem.ToString()));

    [Fact]
    public void The_documented_example_reads_into_every_section_with_lines_and_reasons()
    {
        var read = ManifestReader.Read("""
            {
              "baseRef": "origin/main",
              "forbidden": [ "deploy/**", { "path": "**/*.pfx", "reason": "Certificates live in the vault" } ],
              "approval":  [ { "path": "src/*/Migrations/**", "reason": "Schema changes need a DBA" } ],
              "generated": [ "src/*/Generated/**" ],
              "tests":     [ { "source": "src/**/*.cs", "tests": "tests/**/*.cs", "match": "any" } ],
              "dependencies": "approval"
            }
            """);

        Assert.Empty(read.Problems);
        var manifest = read.Manifest!;
        Assert.Equal("origin/main", manifest.BaseRef);
        Assert.Equal(new[] { "deploy/**", "**/*.pfx" }, manifest.Forbidden.Select(entry => entry.Text));
        Assert.Equal("Certificates live in the vault", manifest.Forbidden[1].Reason);
        Assert.Equal(3, manifest.Forbidden[1].Line);
        Assert.Equal(4, manifest.Approval.Single().Line);
        Assert.Equal("src/*/Generated/**", manifest.Generated.Single().Text);
        Assert.Equal(TestMatch.Any, manifest.Tests.Single().Match);
        Assert.True(manifest.DependenciesNeedApproval);
        Assert.Equal(7, manifest.DependenciesLine);
    }

    [Fact]
    public void An_empty_object_is_a_manifest_without_rules_and_dependencies_default_to_approval()
    {
        var manifest = ManifestReader.Read("{}").Manifest!;

        Assert.Empty(manifest.Forbidden);
        Assert.True(manifest.DependenciesNeedApproval);
        Assert.Equal(0, manifest.DependenciesLine);
    }

    [Fact]
    public void Comments_trailing_commas_a_bom_and_crlf_are_accepted()
    {
        var read = ManifestReader.Read("\uFEFF{\r\n  // deploys go through the pipeline\r\n  \"forbidden\": [ \"deploy/**\", ],\r\n  \"dependencies\": \"off\",\r\n}\r\n");

        Assert.Empty(read.Problems);
        Assert.Equal(3, read.Manifest!.Forbidden.Single().Line);
        Assert.False(read.Manifest.DependenciesNeedApproval);
    }

    [Fact]
    public void An_unknown_key_is_reported_at_its_line_and_column_with_the_keys_there_are()
    {
        Assert.Equal(
            "(3,3): unknown key 'forbiden'; a version 1 manifest has $schema, version, baseRef, forbidden, approval, generated, tests, dependencies",
            Problems("{\n  \"approval\": [],\n  \"forbiden\": [ \"deploy/**\" ]\n}"));
    }

    [Fact]
    public void Wrong_types_are_reported_where_they_are_written_and_all_of_them_at_once()
    {
        Assert.Equal(
            "(2,16): 'forbidden' must be an array of globs or { \"path\": ..., \"reason\": ... } objects, not a string\n" +
            "(3,17): an entry of 'approval' must be a glob or { \"path\": ..., \"reason\": ... }, not a number\n" +
            "(4,19): 'dependencies' must be a string, not a boolean",
            Problems("{\n  \"forbidden\": \"deploy/**\",\n  \"approval\": [ 42 ],\n  \"dependencies\": true\n}"));
    }

    [Fact]
    public void Unknown_keys_inside_entries_and_bad_enum_values_are_reported()
    {
        Assert.Equal(
            "(2,36): unknown key 'reasn' in an entry of 'forbidden'; an entry has \"path\" and \"reason\"\n" +
            "(3,57): 'match' must be \"any\" or \"name\", not \"exact\"\n" +
            "(4,3): 'dependencies' must be \"approval\" or \"off\", not \"block\"",
            Problems("{\n  \"forbidden\": [ { \"path\": \"a/**\", \"reasn\": \"x\" } ],\n  \"tests\": [ { \"source\": \"src/**\", \"tests\": \"tests/**\", \"match\": \"exact\" } ],\n  \"dependencies\": \"block\"\n}"));
    }

    [Fact]
    public void Globs_that_leave_the_manifests_folder_or_are_empty_are_invalid()
    {
        Assert.Equal(
            "(1,16): 'forbidden': '../secrets/**' leaves the manifest's folder with '..'; globs are relative to the manifest's folder and stay inside it\n" +
            "(1,33): 'forbidden': the glob is empty\n" +
            "(1,54): an entry of 'generated' has no \"path\"",
            Problems("{\"forbidden\": [\"../secrets/**\", \"  \"], \"generated\": [{\"reason\": \"x\"}]}"));
    }

    [Fact]
    public void A_tests_entry_needs_source_and_tests()
    {
        Assert.Equal("(1,12): an entry of 'tests' needs both \"source\" and \"tests\"", Problems("{\"tests\": [{\"source\": \"src/**\"}]}"));
    }

    [Fact]
    public void Malformed_json_is_reported_at_the_reader_position_without_the_readers_own_suffix()
    {
        var problem = ManifestReader.Read("{\n  \"forbidden\": [ \"deploy/**\" \n  \"approval\": []\n}").Problems.Single();

        Assert.Equal(3, problem.Line);
        Assert.StartsWith("not valid JSON:", problem.Message);
        Assert.DoesNotContain("LineNumber", problem.Message);
    }

    [Fact]
    public void Not_an_object_empty_text_duplicates_and_versions_are_problems()
    {
        Assert.Equal("(1,1): the manifest must be a JSON object ({ \"forbidden\": [...], ... }), not an array", Problems("[\"deploy/**\"]"));
        Assert.Equal("(1,1): the manifest is empty; write {} for a manifest without rules", Problems("   "));
        Assert.Equal("(1,27): 'forbidden' appears more than once", Problems("{\"forbidden\": [], \"x\": 1, \"forbidden\": []}").Split('\n')[1]);
        Assert.Equal("(1,13): 'version' must be 1, the only manifest version there is", Problems("{\"version\": 2}"));
        Assert.Empty(ManifestReader.Read("{\"$schema\": \"./docs/agentguard.schema.json\", \"version\": 1}").Problems);
    }

    [Fact]
    public void Columns_count_characters_not_bytes_after_non_ascii_text()
    {
        Assert.Equal("(1,46): 'baseRef' must be a string, not a number", Problems("{\"forbidden\": [{\"path\": \"é/**\"}], \"baseRef\": 5}"));
    }
}
