using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace AgentGuard.Build.Git
{
    /// <summary>Splits git's <c>-z</c> output, whose paths are raw bytes ended by NUL, never quoted.</summary>
    internal static class NulFields
    {
        /// <summary>The NUL-separated fields of git's <c>-z</c> output as UTF-8 text; empty fields are dropped.</summary>
        public static List<string> Split(byte[] output)
        {
            var items = new List<string>();
            var start = 0;
            for (var i = 0; i < output.Length; i++)
            {
                if (output[i] == 0)
                {
                    if (i > start)
                    {
                        items.Add(Encoding.UTF8.GetString(output, start, i - start));
                    }

                    start = i + 1;
                }
            }

            if (start < output.Length)
            {
                items.Add(Encoding.UTF8.GetString(output, start, output.Length - start));
            }

            return items;
        }
    }
}
