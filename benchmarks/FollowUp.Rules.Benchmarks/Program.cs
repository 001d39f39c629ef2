using BenchmarkDotNet.Running;
using FollowUp.Rules.Benchmarks;

// `generate <count> <file>` writes test data instead of running benchmarks; see benchmarks/README.md.
if (args is [GenerateCommand.Name, ..])
{
    return GenerateCommand.Run(args[1..], Console.Error);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
