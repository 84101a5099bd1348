using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace AgentGuard.Build.Baselines
{
    /// <summary>What the baseline's tasks share: the compiler's error log, the baseline file, the root its paths are relative to, the project's files.</summary>
    public abstract class BaselineTask : Task
    {
        /// <summary>The compiler's SARIF error log (a trailing <c>,version=…</c> is ignored).</summary>
        [Required]
        public string ErrorLog { get; set; } = string.Empty;

        /// <summary>The baseline: <c>.agentguard/baseline.txt</c> at the repository root.</summary>
        [Required]
        public string BaselineFile { get; set; } = string.Empty;

        /// <summary>The repository root the baseline's paths are relative to.</summary>
        [Required]
        public string RepositoryRoot { get; set; } = string.Empty;

        /// <summary>The files the project compiles: the baseline's entries for them are this project's.</summary>
        public ITaskItem[] SourceFiles { get; set; } = Array.Empty<ITaskItem>();

        /// <summary><see cref="SourceFiles"/> relative to the repository root.</summary>
        private protected HashSet<string> ProjectFiles() =>
            new HashSet<string>(SourceFiles.Select(item => BaselineLog.Relative(RepositoryRoot, item.GetMetadata("FullPath") is { Length: > 0 } full ? full : item.ItemSpec)), StringComparer.OrdinalIgnoreCase);

        private protected string LogPath =>
            System.Text.RegularExpressions.Regex.Replace(ErrorLog, @",\s*version\s*=\s*[\d.]+\s*$", string.Empty, System.Text.RegularExpressions.RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1)).Trim();
    }
}
