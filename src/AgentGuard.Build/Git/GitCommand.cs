using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace AgentGuard.Build.Git
{
    /// <summary>What one git invocation printed and how it exited.</summary>
    internal sealed class GitOutput
    {
        public GitOutput(int exitCode, byte[] standardOutput, string standardError)
        {
            ExitCode = exitCode;
            StandardOutput = standardOutput;
            StandardError = standardError;
        }

        public int ExitCode { get; }

        public byte[] StandardOutput { get; }

        public string StandardError { get; }

        public bool Succeeded => ExitCode == 0;

        /// <summary>Standard output as UTF-8 text, without the trailing newline git adds.</summary>
        public string Text => Encoding.UTF8.GetString(StandardOutput).TrimEnd('\n', '\r');

        /// <summary>The first line of standard error, for messages.</summary>
        public string FirstErrorLine
        {
            get
            {
                var text = StandardError.Trim();
                var end = text.IndexOf('\n');
                return (end < 0 ? text : text.Substring(0, end)).Trim();
            }
        }
    }

    /// <summary>Thrown when git cannot be started at all.</summary>
    internal sealed class GitNotFoundException : Exception
    {
        public GitNotFoundException(string message, Exception inner)
            : base(message, inner)
        {
        }
    }

    /// <summary>
    /// Runs git in one working folder with an argument list: no shell ever sees the arguments, so paths and refs are
    /// passed as they are, whatever characters they hold.
    /// </summary>
    internal sealed class GitCommand
    {
        private readonly string _workingDirectory;
        private readonly string _executable;

        public GitCommand(string workingDirectory, string executable = "git")
        {
            _workingDirectory = workingDirectory;
            _executable = executable;
        }

        /// <summary>The same git, run in <paramref name="folder"/>.</summary>
        public GitCommand In(string folder) => new GitCommand(folder, _executable);

        public GitOutput Run(params string[] arguments)
        {
            var start = new ProcessStartInfo(_executable)
            {
                WorkingDirectory = _workingDirectory,
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = false,
                CreateNoWindow = true,
                StandardErrorEncoding = Encoding.UTF8,
            };
#if NETFRAMEWORK
            start.Arguments = JoinArguments(arguments);
#else
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }
#endif

            // Read-only use: never wait for or take the index lock (parallel project builds run git at once), never prompt,
            // and print messages in English so they can be quoted.
            start.EnvironmentVariables["GIT_OPTIONAL_LOCKS"] = "0";
            start.EnvironmentVariables["GIT_TERMINAL_PROMPT"] = "0";
            start.EnvironmentVariables["LC_ALL"] = "C";
            start.EnvironmentVariables["LANGUAGE"] = "C";

            Process process;
            try
            {
                process = Process.Start(start) ?? throw new GitNotFoundException("git could not be started.", new InvalidOperationException());
            }
            catch (Exception exception) when (exception is Win32Exception || exception is FileNotFoundException)
            {
                throw new GitNotFoundException("git is not on PATH (" + exception.Message + ").", exception);
            }

            using (process)
            {
                // Both streams are drained at once: a full stderr pipe must not stall a long stdout.
                var error = Task.Run(() => process.StandardError.ReadToEnd());
                using (var output = new MemoryStream())
                {
                    process.StandardOutput.BaseStream.CopyTo(output);
                    process.WaitForExit();
                    return new GitOutput(process.ExitCode, output.ToArray(), error.Result);
                }
            }
        }

        // .NET Framework has no argument list: quote each argument by the rules CommandLineToArgvW reads back, so the
        // process receives exactly the list (no shell is involved). Built everywhere so that it is tested everywhere.
        internal static string JoinArguments(IReadOnlyList<string> arguments)
        {
            var line = new StringBuilder();
            foreach (var argument in arguments)
            {
                if (line.Length > 0)
                {
                    line.Append(' ');
                }

                if (argument.Length > 0 && argument.IndexOfAny(new[] { ' ', '\t', '\n', '\v', '"' }) < 0)
                {
                    line.Append(argument);
                    continue;
                }

                line.Append('"');
                var backslashes = 0;
                foreach (var c in argument)
                {
                    if (c == '\\')
                    {
                        backslashes++;
                        continue;
                    }

                    line.Append('\\', c == '"' ? (backslashes * 2) + 1 : backslashes);
                    backslashes = 0;
                    line.Append(c);
                }

                line.Append('\\', backslashes * 2);
                line.Append('"');
            }

            return line.ToString();
        }
    }
}
