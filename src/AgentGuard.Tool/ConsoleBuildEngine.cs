using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using Microsoft.Build.Framework;

namespace AgentGuard.Tool
{
    /// <summary>
    /// Hosts AgentGuard's MSBuild tasks outside MSBuild: errors and warnings go to standard error in MSBuild's
    /// canonical form (<c>file(line,col): error AG2001: ...</c>), which CI logs and problem matchers read; messages of
    /// normal and high importance go to standard output (why the check is off, what it checked), low ones with --verbose.
    /// </summary>
    internal sealed class ConsoleBuildEngine : IBuildEngine4
    {
        private readonly Dictionary<object, object> _taskObjects = new Dictionary<object, object>();
        private readonly TextWriter _out;
        private readonly TextWriter _error;
        private readonly bool _verbose;

        public ConsoleBuildEngine(TextWriter output, TextWriter error, bool verbose)
        {
            _out = output;
            _error = error;
            _verbose = verbose;
        }

        /// <summary>The errors logged so far.</summary>
        public int Errors { get; private set; }

        public bool ContinueOnError => false;

        public int LineNumberOfTaskNode => 0;

        public int ColumnNumberOfTaskNode => 0;

        public string ProjectFileOfTaskNode => "agentguard";

        public bool IsRunningMultipleNodes => false;

        public void LogErrorEvent(BuildErrorEventArgs e)
        {
            Errors++;
            _error.WriteLine(Canonical(e.File, e.LineNumber, e.ColumnNumber, "error", e.Code, e.Message));
        }

        public void LogWarningEvent(BuildWarningEventArgs e) =>
            _error.WriteLine(Canonical(e.File, e.LineNumber, e.ColumnNumber, "warning", e.Code, e.Message));

        public void LogMessageEvent(BuildMessageEventArgs e)
        {
            if (e.Importance != MessageImportance.Low || _verbose)
            {
                _out.WriteLine(e.Message);
            }
        }

        public void LogCustomEvent(CustomBuildEventArgs e)
        {
        }

        public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => false;

        public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs, string toolsVersion) => false;

        public bool BuildProjectFilesInParallel(string[] projectFileNames, string[] targetNames, IDictionary[] globalProperties, IDictionary[] targetOutputsPerProject, string[] toolsVersion, bool useResultsCache, bool unloadProjectsOnCompletion) => false;

        public BuildEngineResult BuildProjectFilesInParallel(string[] projectFileNames, string[] targetNames, IDictionary[] globalProperties, IList<string>[] removeGlobalProperties, string[] toolsVersion, bool returnTargetOutputs) =>
            new BuildEngineResult(false, new List<IDictionary<string, ITaskItem[]>>());

        public void Yield()
        {
        }

        public void Reacquire()
        {
        }

        public void RegisterTaskObject(object key, object obj, RegisteredTaskObjectLifetime lifetime, bool allowEarlyCollection) => _taskObjects[key] = obj;

        public object? GetRegisteredTaskObject(object key, RegisteredTaskObjectLifetime lifetime) =>
            _taskObjects.TryGetValue(key, out var value) ? value : null;

        public object? UnregisterTaskObject(object key, RegisteredTaskObjectLifetime lifetime)
        {
            if (_taskObjects.TryGetValue(key, out var value))
            {
                _taskObjects.Remove(key);
            }

            return value;
        }

        private static string Canonical(string? file, int line, int column, string kind, string? code, string? message)
        {
            var origin = string.IsNullOrEmpty(file) ? "agentguard" : line > 0 ? $"{file}({line},{Math.Max(column, 1)})" : file;
            return $"{origin}: {kind} {code}: {message}";
        }
    }
}
