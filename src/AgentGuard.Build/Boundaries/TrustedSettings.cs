using System;
using System.Linq;

namespace AgentGuard.Build.Boundaries
{
    /// <summary>
    /// The settings a boundary task trusts in CI: the environment, which CI sets and no file of the change can. (Global
    /// properties are not trusted: an MSBuild task call in a traversal project the change edits sets them too.)
    /// </summary>
    internal readonly struct TrustedSettings
    {
        private static readonly string[] CiServerVariables = { "CI", "TF_BUILD", "GITHUB_ACTIONS", "ContinuousIntegrationBuild" };

        private readonly Func<string, string?> _source;

        public TrustedSettings(Func<string, string?> source) => _source = source;

        /// <summary>The value of a setting, or null when it is not set or blank.</summary>
        public string? Setting(string name)
        {
            var value = _source(name);
            return string.IsNullOrWhiteSpace(value) ? null : value;
        }

        /// <summary>
        /// CI mode: the environment says so (AgentGuardMode=ci, or a CI server's variable), or the project's
        /// <paramref name="projectMode"/> asks for it. Only the environment can turn it off (AgentGuardMode=local).
        /// </summary>
        public bool IsCi(string projectMode)
        {
            var trustedMode = Setting("AgentGuardMode");
            if (string.Equals(trustedMode, "local", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            var settings = this;
            return string.Equals(trustedMode, "ci", StringComparison.OrdinalIgnoreCase)
                || CiServerVariables.Any(name => string.Equals(settings.Setting(name), "true", StringComparison.OrdinalIgnoreCase))
                || string.Equals(projectMode, "ci", StringComparison.OrdinalIgnoreCase);
        }
    }
}
