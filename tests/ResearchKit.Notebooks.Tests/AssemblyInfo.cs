// Notebook runs redirect the process-wide console while a cell executes; tests that write to the console or start
// the CLI must not overlap with them, so the tests of this assembly run one at a time (runs are serialized anyway).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
