using BenchmarkDotNet.Running;
using FollowUp.Rules.Benchmarks;

// `generate <count> <file>` writes test data and `floor <file>` times the bare JSON read-and-write of such a file,
// instead of running benchmarks; see benchmarks/README.md.
if (args is [GenerateCommand.Name, ..])
{
    return GenerateCommand.Run(args[1..], Console.Error);
}

if (args is [FloorCommand.Name, ..])
{
    return FloorCommand.Run(args[1..], Console.Error);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
