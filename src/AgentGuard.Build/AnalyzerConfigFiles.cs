using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace AgentGuard.Build
{
    /// <summary>
    /// The project's own analyzer config files: every <c>.editorconfig</c> and <c>.globalconfig</c> from the project's
    /// folder up to the first <c>root = true</c>. Explain names the one that sets a key a style rule also sets. Only
    /// keys are looked up, line by line; what the compiler makes of the files it reports itself.
    /// </summary>
    internal sealed class AnalyzerConfigFiles
    {
        private readonly List<string> _files = new List<string>();

        public AnalyzerConfigFiles(string projectDirectory)
        {
            for (var folder = new DirectoryInfo(Path.GetFullPath(projectDirectory)); folder != null; folder = folder.Parent)
            {
                var editorConfig = Path.Combine(folder.FullName, ".editorconfig");
                var globalConfig = Path.Combine(folder.FullName, ".globalconfig");
                if (File.Exists(globalConfig))
                {
                    _files.Add(globalConfig);
                }

                if (File.Exists(editorConfig))
                {
                    _files.Add(editorConfig);
                    if (Lines(editorConfig).Any(line => Key(line) == "root" && Value(line) == "true"))
                    {
                        break;
                    }
                }
            }
        }

        /// <summary>"src/.editorconfig line 4" for the nearest file that sets <paramref name="key"/>, or null.</summary>
        public string? Locate(string key)
        {
            foreach (var file in _files)
            {
                var lines = Lines(file);
                for (var index = 0; index < lines.Count; index++)
                {
                    if (string.Equals(Key(lines[index]), key, StringComparison.OrdinalIgnoreCase))
                    {
                        return file.Replace('\\', '/') + " line " + (index + 1);
                    }
                }
            }

            return null;
        }

        private static List<string> Lines(string file)
        {
            try
            {
                return File.ReadAllLines(file).ToList();
            }
            catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
            {
                return new List<string>();
            }
        }

        private static string Key(string line)
        {
            var equals = line.IndexOf('=');
            var trimmed = line.TrimStart();
            return equals < 0 || trimmed.StartsWith("#", StringComparison.Ordinal) || trimmed.StartsWith(";", StringComparison.Ordinal) ? string.Empty : line.Substring(0, equals).Trim().ToLowerInvariant();
        }

        private static string Value(string line) => line.Substring(line.IndexOf('=') + 1).Trim().ToLowerInvariant();
    }
}
