using System.Text;
using AgentGuard.Build.Boundaries;
using Xunit;

namespace AgentGuard.Build.Tests;

public sealed class PackageSetTests
{
    private static string Compare(string path, string? before, string? after) =>
        string.Join("; ", PackageSet.Compare(
            PackageSet.Read(path, before == null ? null : Encoding.UTF8.GetBytes(before)),
            PackageSet.Read(path, after == null ? null : Encoding.UTF8.GetBytes(after)),
            before != after));

    [Fact]
    public void The_same_package_under_two_conditions_is_compared_per_condition()
    {
        const string Before = "<Project><ItemGroup Condition=\"'$(TargetFramework)' == 'net472'\"><PackageReference Include=\"System.Text.Json\" Version=\"6.0.0\" /></ItemGroup><ItemGroup Condition=\"'$(TargetFramework)' == 'net8.0'\"><PackageReference Include=\"System.Text.Json\" Version=\"8.0.0\" /></ItemGroup></Project>";

        Assert.Equal("System.Text.Json (when '$(TargetFramework)' == 'net472') 6.0.0 -> 6.0.10", Compare("App.csproj", Before, Before.Replace("6.0.0", "6.0.10")));
    }

    [Fact]
    public void Versions_kept_in_properties_and_msbuild_sdks_count()
    {
        Assert.Equal("property SerilogVersion 3.0.0 -> 3.1.1", Compare("eng/Versions.props", "<Project><PropertyGroup><SerilogVersion>3.0.0</SerilogVersion></PropertyGroup></Project>", "<Project><PropertyGroup><SerilogVersion>3.1.1</SerilogVersion></PropertyGroup></Project>"));
        Assert.Equal("MSBuild SDK Microsoft.Build.NoTargets 3.7.0 -> 3.7.56", Compare("Build.proj", "<Project Sdk=\"Microsoft.Build.NoTargets/3.7.0\" />", "<Project Sdk=\"Microsoft.Build.NoTargets/3.7.56\" />"));
    }

    [Fact]
    public void Any_change_to_nuget_config_settings_counts_but_comments_and_layout_do_not()
    {
        const string Before = "<configuration><packageSources><add key=\"nuget.org\" value=\"https://api.nuget.org/v3/index.json\" /></packageSources></configuration>";

        Assert.Equal("changed nuget.config settings", Compare("nuget.config", Before, Before.Replace("</configuration>", "<config><add key=\"signatureValidationMode\" value=\"accept\" /></config></configuration>")));
        Assert.Equal(string.Empty, Compare("nuget.config", Before, "<!-- sources -->\n" + Before.Replace("<packageSources>", "\n  <packageSources>\n    ")));
    }

    [Fact]
    public void Reformatting_and_unrelated_properties_are_not_dependency_changes()
    {
        const string Before = "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><PackageReference Include=\"Serilog\" Version=\"3.0.0\" /></ItemGroup></Project>";

        Assert.Equal(string.Empty, Compare("App.csproj", Before, "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup><Nullable>enable</Nullable></PropertyGroup>\n  <ItemGroup>\n    <PackageReference Include=\"Serilog\">\n      <Version>3.0.0</Version>\n    </PackageReference>\n  </ItemGroup>\n</Project>"));
    }

    [Fact]
    public void A_file_that_does_not_parse_counts_when_it_changes()
    {
        Assert.Equal("it does not parse now, so any change to it counts", Compare("App.csproj", "<Project />", "<Project"));
    }
}
