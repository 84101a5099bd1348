using System;

namespace AgentGuard.Policy
{
    /// <summary>Shared settings of the reader's regular expressions.</summary>
    internal static class Patterns
    {
        /// <summary>
        /// No pattern may run longer than this on any text: a rule file is untrusted input read inside the compiler, and
        /// a file that would take longer is reported as unreadable (AG0011) instead of stalling the build.
        /// </summary>
        public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);
    }
}
