using System;
using System.IO;
using System.Text.Json;
using AgentGuard.Build.Explain;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace AgentGuard.Build
{
    /// <summary>
    /// The last step of <c>dotnet build -t:AgentGuardExplain</c>: reads the explanations from the explain compilation's
    /// error log, prints every rule and how it is enforced, and writes <c>obj/agentguard/rules.json</c>.
    /// </summary>
    public sealed class ExplainRules : Task
    {
        /// <summary>The SARIF error log of the explain compilation.</summary>
        [Required]
        public string ErrorLog { get; set; } = string.Empty;

        /// <summary>Where to write rules.json.</summary>
        [Required]
        public string OutputPath { get; set; } = string.Empty;

        /// <summary>The project's name, for the heading.</summary>
        public string ProjectName { get; set; } = string.Empty;

        /// <summary>The project's folder: the analyzer config files above it are where an overridden style rule is overridden.</summary>
        public string ProjectDirectory { get; set; } = string.Empty;

        /// <summary>The baseline (<c>.agentguard/baseline.txt</c>), when the repository has one: explain counts what it keeps.</summary>
        public string BaselineFile { get; set; } = string.Empty;

        /// <summary>The repository root, to name the baseline by its path in the repository.</summary>
        public string RepositoryRoot { get; set; } = string.Empty;

        /// <inheritdoc />
        public override bool Execute()
        {
            if (!File.Exists(ErrorLog))
            {
                Log.LogError(null, "AG0010", null, ErrorLog, 0, 0, 0, 0, "AgentGuardExplain found no compiler error log at '{0}': the explain compilation did not run. Build the project once ('dotnet build') and run the target again.", ErrorLog);
                return false;
            }

            try
            {
                var configs = ProjectDirectory.Length == 0 ? null : new AnalyzerConfigFiles(ProjectDirectory);
                var report = ExplainReport.FromErrorLog(ProjectName, File.ReadAllText(ErrorLog), configs == null ? null : configs.Locate);
                if (BaselineFile.Length > 0 && File.Exists(BaselineFile))
                {
                    var display = RepositoryRoot.Length > 0 ? Baselines.BaselineLog.Relative(RepositoryRoot, BaselineFile) : BaselineFile;
                    report.Baseline = (display, Policy.Baseline.Parse(File.ReadAllText(BaselineFile)));
                }

                foreach (var line in report.Lines())
                {
                    Log.LogMessage(MessageImportance.High, line);
                }

                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(OutputPath))!);
                File.WriteAllText(OutputPath, report.ToJson());
                Log.LogMessage(MessageImportance.High, "AgentGuard: wrote {0}", OutputPath);
                return true;
            }
            catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException || exception is JsonException)
            {
                Log.LogError(null, "AG0010", null, ErrorLog, 0, 0, 0, 0, "AgentGuardExplain could not read '{0}' or write '{1}': {2}", ErrorLog, OutputPath, exception.Message);
                return false;
            }
        }
    }
}
