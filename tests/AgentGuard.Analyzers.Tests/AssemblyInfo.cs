// Analyzer tests share nothing but the process-wide rule-file parse cache, which is keyed by text object and safe to
// share: they run in parallel.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = false)]
