using BenchmarkDotNet.Running;

// Run: dotnet run -c Release --project bench/Cognito.Benchmarks -- --filter '*' --job short
BenchmarkSwitcher.FromAssembly(typeof(Cognito.Benchmarks.SrpLoginBenchmarks).Assembly).Run(args);
