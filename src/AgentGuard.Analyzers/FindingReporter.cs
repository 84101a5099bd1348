using System;
using System.Collections.Concurrent;
using System.IO;
using System.Runtime.CompilerServices;
using AgentGuard.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AgentGuard.Analyzers
{
    /// <summary>
    /// Where every AgentGuard finding in code goes out: a finding the baseline keeps is reported as AG0013 (info) instead,
    /// one per allowance of its file, ID and line text; the rest are reported at their severity, with AG1005 on a
    /// <c>#pragma warning disable</c> that hides one (<see cref="BlanketSuppressions"/>). While the baseline target writes
    /// the baseline (<c>AgentGuardBaselineWriting=true</c>), every finding is reported as AG0013 with the entry it makes,
    /// <c>file | ID | line text</c>, so that compilation fails on nothing.
    /// </summary>
    internal sealed class FindingReporter
    {
        private const string BaselineSuffix = "/" + Baseline.DefaultPath;

        // Keyed by the options too: an editor may keep a compilation when only the baseline (an additional file) changed.
        private static readonly ConditionalWeakTable<Compilation, ConditionalWeakTable<AnalyzerOptions, FindingReporter>> Reporters =
            new ConditionalWeakTable<Compilation, ConditionalWeakTable<AnalyzerOptions, FindingReporter>>();

        private readonly BlanketSuppressions _blanket;
        private readonly string _root;
        private readonly bool _writing;
        private readonly string? _baselinePath;
        private readonly System.Collections.Generic.Dictionary<(string File, string Id, string Key), int>? _allowances;

        // The positions each entry has kept so far: a finding analyzed again (the IDE re-runs analyzers over spans of a
        // compilation) is kept again, and only findings beyond the count are reported.
        private readonly ConcurrentDictionary<(string File, string Id, string Key), System.Collections.Generic.HashSet<int>> _kept =
            new ConcurrentDictionary<(string, string, string), System.Collections.Generic.HashSet<int>>();

        private FindingReporter(Compilation compilation, AnalyzerOptions options)
        {
            _blanket = new BlanketSuppressions(compilation);
            var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
            _root = global.TryGetValue("build_property.AgentGuardRepositoryRoot", out var root) ? Normalize(root.Trim()).TrimEnd('/') : string.Empty;
            _writing = global.TryGetValue("build_property.AgentGuardBaselineWriting", out var writing) && string.Equals(writing.Trim(), "true", StringComparison.OrdinalIgnoreCase);
            foreach (var file in options.AdditionalFiles)
            {
                if (!Normalize(file.Path).EndsWith(BaselineSuffix, StringComparison.OrdinalIgnoreCase) || file.GetText() is not { } text)
                {
                    continue;
                }

                _baselinePath = file.Path;
                _allowances = Baseline.Parse(text.ToString()).Allowances();
                break;
            }
        }

        /// <summary>The reporter of <paramref name="compilation"/>, shared by every analyzer that reports in it.</summary>
        public static FindingReporter For(Compilation compilation, AnalyzerOptions options) =>
            Reporters.GetValue(compilation, _ => new ConditionalWeakTable<AnalyzerOptions, FindingReporter>()).GetValue(options, _ => new FindingReporter(compilation, options));

        public void Report(Action<Diagnostic> report, Diagnostic finding, System.Threading.CancellationToken cancellationToken)
        {
            var location = finding.Location;
            if (!location.IsInSource || location.SourceTree is not { } tree || finding.Severity < DiagnosticSeverity.Warning)
            {
                report(finding);
                return;
            }

            // A finding a pragma silences: one that names its ID is the suppression AG1005 reports (the finding itself is
            // dropped by the compiler, and never kept); one that names none is AG1005 for this finding, which the
            // baseline may keep like any other.
            if (BlanketSuppressions.DisablingPragma(tree.GetRoot(cancellationToken), location.SourceSpan.Start, finding.Id) is { } pragma)
            {
                if (!_writing)
                {
                    report(finding);
                }

                if (pragma.ErrorCodes.Count == 0 && _blanket.Hidden(finding, pragma, cancellationToken) is { } hidden)
                {
                    Emit(report, hidden, cancellationToken);
                }

                return;
            }

            Emit(report, finding, cancellationToken);
        }

        /// <summary>Reports a finding no pragma silences: as its baseline entry, as kept (AG0013), or at its severity.</summary>
        private void Emit(Action<Diagnostic> report, Diagnostic finding, System.Threading.CancellationToken cancellationToken)
        {
            var location = finding.Location;
            var tree = location.SourceTree!;
            if (!_writing && _allowances == null)
            {
                report(finding);
                return;
            }

            var file = RelativePath(tree.FilePath);
            var key = Baseline.KeyOf(tree.GetText(cancellationToken).Lines.GetLineFromPosition(location.SourceSpan.Start).ToString());
            if (_writing)
            {
                if (Baseline.MayKeep(finding.Id))
                {
                    report(Diagnostic.Create(Descriptors.KeptByBaseline, location, $"{file} | {finding.Id} | {key}"));
                }

                return;
            }

            if (Baseline.MayKeep(finding.Id) && TryKeep((file, finding.Id, key), location.SourceSpan.Start))
            {
                report(Diagnostic.Create(
                    Descriptors.KeptByBaseline,
                    location,
                    $"{finding.Id} is kept by the baseline ({RelativePath(_baselinePath!)}): {finding.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}"));
                return;
            }

            report(finding);
        }

        private bool TryKeep((string File, string Id, string Key) entry, int position)
        {
            if (!_allowances!.TryGetValue(entry, out var count))
            {
                return false;
            }

            var kept = _kept.GetOrAdd(entry, _ => new System.Collections.Generic.HashSet<int>());
            lock (kept)
            {
                if (kept.Contains(position))
                {
                    return true;
                }

                if (kept.Count >= count)
                {
                    return false;
                }

                kept.Add(position);
                return true;
            }
        }

        private string RelativePath(string path)
        {
            var normalized = Normalize(path);
            return _root.Length > 0 && normalized.StartsWith(_root + "/", StringComparison.OrdinalIgnoreCase) ? normalized.Substring(_root.Length + 1) : Path.GetFileName(normalized);
        }

        private static string Normalize(string path) => path.Replace('\\', '/');
    }
}
