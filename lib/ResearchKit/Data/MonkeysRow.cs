namespace ResearchKit.Data;

/// <summary>One row of the Large Language Monkeys per-problem summary: a model's n attempts at one problem, c correct.</summary>
/// <param name="Model">Model name as in the source (e.g. <c>Pythia 1B</c>).</param>
/// <param name="Benchmark"><c>MATH</c> or <c>CodeContests</c>.</param>
/// <param name="ProblemId">Index of the problem in the benchmark's test split (<c>orig_dset_idx</c>).</param>
/// <param name="Samples">n, attempts drawn. Range: n ≥ 1 (10 000 in the published data).</param>
/// <param name="Successes">c, attempts judged correct. Range: 0 ≤ c ≤ n.</param>
public sealed record MonkeysRow(string Model, string Benchmark, int ProblemId, int Samples, int Successes);
