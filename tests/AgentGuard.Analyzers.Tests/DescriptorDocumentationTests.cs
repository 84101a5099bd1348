using System;
using System.IO;
using System.Linq;
using System.Reflection;
using AgentGuard.Testing;
using Microsoft.CodeAnalysis;

namespace AgentGuard.Analyzers.Tests;

/// <summary>Every diagnostic AgentGuard reports is documented, tracked and linked.</summary>
public class DescriptorDocumentationTests
{
    public static TheoryData<string> DescriptorIds()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in AllDescriptors())
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void Help_link_points_at_the_rule_page_in_docs(string id)
    {
        var descriptor = AllDescriptors().Single(d => d.Id == id);

        Assert.EndsWith("/docs/rules/" + id + ".md", descriptor.HelpLinkUri, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(SourceTree.Root, "docs", "rules", id + ".md")), $"docs/rules/{id}.md is missing");
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void Id_has_a_row_in_the_rule_list_and_a_release_tracking_line(string id)
    {
        var root = SourceTree.Root;
        var list = File.ReadAllText(Path.Combine(root, "docs", "rules", "README.md"));
        var unshipped = File.ReadAllText(Path.Combine(root, "src", "AgentGuard.Analyzers", "AnalyzerReleases.Unshipped.md"));
        var shipped = File.ReadAllText(Path.Combine(root, "src", "AgentGuard.Analyzers", "AnalyzerReleases.Shipped.md"));

        Assert.Contains($"[{id}]({id}.md)", list, StringComparison.Ordinal);
        Assert.True(unshipped.Contains(id + " |", StringComparison.Ordinal) || shipped.Contains(id + " |", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_analyzer_in_the_assembly_supports_only_documented_descriptors()
    {
        var analyzers = typeof(Descriptors).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToList();

        Assert.NotEmpty(analyzers);
        var documented = AllDescriptors().Select(d => d.Id).ToHashSet();
        Assert.All(analyzers.SelectMany(a => a.SupportedDiagnostics), d => Assert.Contains(d.Id, documented));
    }

    private static DiagnosticDescriptor[] AllDescriptors() =>
        typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToArray();
}
