using BenchmarkDotNet.Running;
using ResearchKit.Benchmarks;

// `ratios`: our kernels vs NumPy in one run, one `ratio …` line per kernel. Anything else goes to BenchmarkDotNet
// (e.g. `-- --filter '*Gram*'`, or `-- --list flat`).
if (args.Length > 0 && args[0] == "ratios")
    return RatioCommand.Run(args[1..]);

BenchmarkSwitcher.FromAssembly(typeof(RatioCommand).Assembly).Run(args, BenchmarkConfig.Create());
return 0;
