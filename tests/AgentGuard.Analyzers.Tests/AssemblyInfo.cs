// The rule-file parse cache and its counter are process-wide; tests that count parses must not overlap others.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
