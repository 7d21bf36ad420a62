using BenchmarkDotNet.Running;

// Run: dotnet run -c Release --project bench/Cognito.Benchmarks -- --filter '*' --job short
// Token verification side by side with JsonWebTokenHandler and aws-jwt-verify (a plain runner, since
// node runs in the same run): dotnet run -c Release --project bench/Cognito.Benchmarks -- tokens
if (args is ["tokens", ..])
{
    return await Cognito.Benchmarks.Tokens.TokenBench.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Cognito.Benchmarks.SrpLoginBenchmarks).Assembly).Run(args);
return 0;
