using System.IO;
using AgentGuard.Policy;
using Microsoft.Build.Framework;

namespace AgentGuard.Build
{
    /// <summary>A rule file as the targets hand it to a task: its path and the <see cref="RuleFileMetadata"/> CollectRuleFiles set.</summary>
    internal static class RuleFileItem
    {
        public static DiscoveredRuleFile From(ITaskItem item) => DiscoveredRuleFile.FromMetadata(Path.GetFullPath(item.ItemSpec), item.GetMetadata);
    }
}
