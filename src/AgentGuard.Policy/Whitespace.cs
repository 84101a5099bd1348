using System.Text;

namespace AgentGuard.Policy
{
    /// <summary>Text on one line: trimmed, every run of white space one space.</summary>
    internal static class Whitespace
    {
        public static string Collapse(string text)
        {
            var builder = new StringBuilder(text.Length);
            var space = false;
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    space = builder.Length > 0;
                    continue;
                }

                if (space)
                {
                    builder.Append(' ');
                    space = false;
                }

                builder.Append(c);
            }

            return builder.ToString();
        }
    }
}
