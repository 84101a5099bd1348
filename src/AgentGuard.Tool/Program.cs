using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AgentGuard.Build;

namespace AgentGuard.Tool
{
    /// <summary>
    /// <c>agentguard check</c>: the boundary and loosening checks of the package's build, run on the repository's change
    /// set in CI mode from outside every project. The base branch's agentguard.json, golden rules and review ledger
    /// decide; findings are the build's (AG2000-AG2011), with the same SARIF log and review summary.
    /// </summary>
    public static class Program
    {
        /// <summary>No finding.</summary>
        public const int Passed = 0;

        /// <summary>At least one error: a finding, or a check that could not run (fail closed).</summary>
        public const int Failed = 1;

        /// <summary>The command line is wrong.</summary>
        public const int Usage = 2;

        private const string Help = @"Usage: agentguard check [options]

Runs AgentGuard's boundary and loosening checks on the git change set of the repository, in CI mode: the base
branch's agentguard.json, golden rules and review ledger against the change, outside any project the change can
edit. Exits 0 when nothing is found, 1 on a finding or when the check cannot run, 2 on a wrong command line.

Options:
  --repository <folder>  the repository to check (default: the current folder)
  --base <ref>           the base branch (default: AgentGuardBaseRef, then the manifest's baseRef, origin/main, main)
  --approve <list>       approvals, as AgentGuardApprove (default: the AgentGuardApprove environment variable)
  --sarif <file>         write the findings as SARIF 2.1.0 (for code scanning)
  --summary <file>       write the review summary as Markdown; it is appended to $GITHUB_STEP_SUMMARY anyway
                         when that is set
  --verbose              say what the check reads
  --help                 show this text";

        /// <summary>Runs the command line; returns the process exit code.</summary>
        public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

        /// <summary>Runs the command line with the given output; returns the exit code.</summary>
        public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
        {
            if (args.Count == 0 || args[0] is "--help" or "-h" or "help")
            {
                output.WriteLine(Help);
                return args.Count == 0 ? Usage : Passed;
            }

            if (args[0] != "check")
            {
                error.WriteLine($"agentguard: unknown command '{args[0]}'.");
                error.WriteLine(Help);
                return Usage;
            }

            var options = new Dictionary<string, string>(StringComparer.Ordinal);
            var verbose = false;
            for (var i = 1; i < args.Count; i++)
            {
                var name = args[i];
                if (name == "--verbose")
                {
                    verbose = true;
                    continue;
                }

                if (name is "--help" or "-h")
                {
                    output.WriteLine(Help);
                    return Passed;
                }

                if (name is not ("--repository" or "--base" or "--approve" or "--sarif" or "--summary"))
                {
                    error.WriteLine($"agentguard: unknown option '{name}'.");
                    error.WriteLine(Help);
                    return Usage;
                }

                if (i + 1 >= args.Count)
                {
                    error.WriteLine($"agentguard: {name} needs a value.");
                    return Usage;
                }

                options[name] = args[++i];
            }

            var repository = Path.GetFullPath(options.TryGetValue("--repository", out var folder) ? folder : Directory.GetCurrentDirectory());
            if (!Directory.Exists(repository))
            {
                error.WriteLine($"agentguard: the repository folder '{repository}' does not exist.");
                return Usage;
            }

            // The command line is CI's configuration, as the environment is: in CI mode the task takes trusted settings
            // from the environment, in local mode from its properties; both are set.
            options.TryGetValue("--base", out var baseRef);
            options.TryGetValue("--approve", out var approve);
            if (baseRef != null)
            {
                Environment.SetEnvironmentVariable("AgentGuardBaseRef", baseRef);
            }

            if (approve != null)
            {
                Environment.SetEnvironmentVariable("AgentGuardApprove", approve);
            }

            // No file is written unless asked for: one written into the working tree would be part of the next change set.
            var sarif = options.TryGetValue("--sarif", out var sarifPath) ? Path.GetFullPath(sarifPath) : string.Empty;
            var summary = options.TryGetValue("--summary", out var summaryPath) ? Path.GetFullPath(summaryPath) : string.Empty;
            return Check(repository, baseRef ?? string.Empty, approve ?? string.Empty, sarif, summary, verbose, output, error);
        }

        private static int Check(string repository, string baseRef, string approve, string sarif, string summary, bool verbose, TextWriter output, TextWriter error)
        {
            var engine = new ConsoleBuildEngine(output, error, verbose);

            // The repository as one project: its rule files at the top and every scoped one below.
            // Rule files listed in AgentGuardRuleFiles (an environment variable here, a property in a build) are the only ones, as in a build.
            var listed = (Environment.GetEnvironmentVariable("AgentGuardRuleFiles") ?? string.Empty).Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries);
            var rules = new CollectRuleFiles { BuildEngine = engine, ProjectDirectory = repository, ListedRuleFiles = listed };
            if (!rules.Execute())
            {
                return Failed;
            }

            var root = rules.FoundRepositoryRoot.Length > 0 ? rules.FoundRepositoryRoot : repository;
            var cache = Path.Combine(Path.GetTempPath(), "agentguard-tool-" + Guid.NewGuid().ToString("N"));
            try
            {
                var check = new CheckBoundaries
                {
                    BuildEngine = engine,
                    Manifest = Path.Combine(root, "agentguard.json"),
                    BaseRef = baseRef,
                    Approve = approve,
                    RuleFiles = rules.RuleFiles,
                    ProjectName = "agentguard check",
                    Mode = "ci",
                    ProjectDirectory = root,
                    CacheFolder = cache,
                    SarifPath = sarif,
                    ReviewSummaryPath = summary,
                    StepSummaryPath = Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY") ?? string.Empty,
                };
                // The first Ctrl+C stops the check at its next git call; a second one ends the process.
                var cancelled = false;
                Console.CancelKeyPress += (_, e) =>
                {
                    e.Cancel = !cancelled;
                    cancelled = true;
                    check.Cancel();
                };

                var ran = check.Execute();
                if (cancelled)
                {
                    error.WriteLine("agentguard: cancelled; nothing was checked to the end.");
                    return Failed;
                }

                var passed = ran && engine.Errors == 0;
                output.WriteLine(passed
                    ? "agentguard: no finding."
                    : $"agentguard: {engine.Errors} error(s)." + (sarif.Length > 0 ? $" The findings are in {sarif}." : string.Empty));
                return passed ? Passed : Failed;
            }
            finally
            {
                try
                {
                    if (Directory.Exists(cache))
                    {
                        Directory.Delete(cache, recursive: true);
                    }
                }
                catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
                {
                    // A file left in the temp folder does not change the result.
                }
            }
        }
    }
}
