using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
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

    /// <summary>Thrown when a git call does not finish in time: the process is killed, and the message names the command.</summary>
    internal sealed class GitTimeoutException : Exception
    {
        public GitTimeoutException(string message)
            : base(message)
        {
        }
    }

    /// <summary>
    /// Runs git in one working folder with an argument list: no shell ever sees the arguments, so paths and refs are
    /// passed as they are, whatever characters they hold.
    /// </summary>
    internal sealed class GitCommand
    {
        /// <summary>
        /// How long one git call may take. Every call AgentGuard makes reads local history and objects, which takes
        /// seconds at most; a call that hangs (a credential prompt despite GIT_TERMINAL_PROMPT, a network filesystem, a
        /// lock) must not hang the build.
        /// </summary>
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

        private readonly string _workingDirectory;
        private readonly string _executable;
        private readonly TimeSpan _timeout;
        private readonly CancellationToken _cancellation;

        public GitCommand(string workingDirectory, string executable = "git", TimeSpan? timeout = null, CancellationToken cancellation = default)
        {
            _workingDirectory = workingDirectory;
            _executable = executable;
            _timeout = timeout ?? DefaultTimeout;
            _cancellation = cancellation;
        }

        /// <summary>The same git, with the same time limit and cancellation, run in <paramref name="folder"/>.</summary>
        public GitCommand In(string folder) => new GitCommand(folder, _executable, _timeout, _cancellation);

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
                var output = Task.Run(() =>
                {
                    using (var buffer = new MemoryStream())
                    {
                        process.StandardOutput.BaseStream.CopyTo(buffer);
                        return buffer.ToArray();
                    }
                });

                var clock = Stopwatch.StartNew();
                while (!process.WaitForExit(50))
                {
                    if (_cancellation.IsCancellationRequested || clock.Elapsed > _timeout)
                    {
                        Kill(process);
                        _cancellation.ThrowIfCancellationRequested();
                        throw new GitTimeoutException($"'{Path.GetFileName(_executable)} {string.Join(" ", arguments)}' did not finish within {_timeout.TotalSeconds:0.#} s in '{_workingDirectory}' and was stopped.");
                    }
                }

                // The exit is seen before the pipes are drained: wait for both readers.
                process.WaitForExit();
                return new GitOutput(process.ExitCode, output.Result, error.Result);
            }
        }

        private static void Kill(Process process)
        {
            try
            {
#if NETFRAMEWORK
                process.Kill();
#else
                process.Kill(entireProcessTree: true);
#endif
                process.WaitForExit();
            }
            catch (InvalidOperationException)
            {
                // It exited on its own meanwhile.
            }
            catch (Win32Exception)
            {
                // It is exiting; nothing more can be done to it.
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
