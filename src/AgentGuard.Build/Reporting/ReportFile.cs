using System;
using System.IO;

namespace AgentGuard.Build.Reporting
{
    /// <summary>Writes a report so that projects building in parallel never leave half a file.</summary>
    internal static class ReportFile
    {
        /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> through a temporary file next to it.</summary>
        public static void Write(string path, string text)
        {
            var full = Path.GetFullPath(path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            var temporary = full + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp";
            File.WriteAllText(temporary, text);
            try
            {
                if (File.Exists(full))
                {
                    File.Replace(temporary, full, null);
                }
                else
                {
                    File.Move(temporary, full);
                }
            }
            catch (IOException) when (File.Exists(full))
            {
                // Another project wrote it first, between the check and the move.
                File.Replace(temporary, full, null);
            }
        }
    }
}
