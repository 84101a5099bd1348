using System;
using System.Collections.Generic;

namespace AgentGuard.Policy
{
    /// <summary>Whether a diagnostic ID is one of the IDs a rule names ("CA2*" stands for CA2000 to CA2999).</summary>
    public static class BuiltinSubjects
    {
        /// <summary>True when <paramref name="id"/> matches one of <paramref name="patterns"/>.</summary>
        public static bool Match(IReadOnlyList<string> patterns, string id)
        {
            foreach (var pattern in patterns)
            {
                if (pattern.EndsWith("*", StringComparison.Ordinal)
                    ? id.StartsWith(pattern.Substring(0, pattern.Length - 1), StringComparison.OrdinalIgnoreCase)
                    : string.Equals(pattern, id, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
