using AgentGuard.Testing;

namespace AgentGuard.Analyzers.Tests.Verification;

/// <summary>Which of the SDK's reference packs the analyzer tests compile against.</summary>
public class FrameworkReferencesTests
{
    private static readonly string Major = System.Environment.Version.Major.ToString();

    [Fact]
    public void The_running_versions_pack_is_chosen_when_the_sdk_has_it() =>
        Assert.Equal($"{Major}.0.1", FrameworkReferences.ChoosePack($"{Major}.0.1", new[] { $"{Major}.0.0", $"{Major}.0.1", $"{Major}.0.2" }));

    [Fact]
    public void A_runtime_rolled_forward_past_the_sdk_takes_the_newest_pack_of_its_major_release_before_preview() =>
        Assert.Equal($"{Major}.0.0", FrameworkReferences.ChoosePack($"{Major}.0.3", new[] { $"{Major}.0.0-rc.2.25502.107", $"{Major}.0.0", $"{Major}.0.0-rc.1.25451.107", "8.0.11" }));

    [Fact]
    public void Previews_of_one_version_are_told_apart_by_their_label() =>
        Assert.Equal($"{Major}.0.0-rc.2.25502.107", FrameworkReferences.ChoosePack($"{Major}.0.0-rc.1.25451.100", new[] { $"{Major}.0.0-rc.1.25451.107", $"{Major}.0.0-rc.2.25502.107" }));

    [Fact]
    public void No_pack_of_the_major_is_none() =>
        Assert.Null(FrameworkReferences.ChoosePack($"{Major}.0.0", new[] { "8.0.11", "9.0.0" }));
}
