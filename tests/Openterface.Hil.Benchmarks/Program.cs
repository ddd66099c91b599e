using BenchmarkDotNet.Running;

// ci/bench runs this: every benchmark class in the assembly, filtered by --filter.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
