using BenchmarkDotNet.Running;

// `ingest` runs the node's ingest harness (throughput and latency percentiles); `operator` an operator's batch and
// single submissions beside the raw append; `soak` runs five real nodes under load
// and chaos and checks what they hold (docs/benchmarks.md#soak-and-chaos); `fuzz` the parsers' fuzzing harness
// (docs/fuzzing.md); anything else is BenchmarkDotNet: every benchmark class in this assembly, picked with --filter,
// e.g. `--filter *Compliance*`.
if (args.Length > 0 && args[0] == "ingest")
{
    return await Verity.Bench.Node.IngestHarness.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "operator")
{
    return await Verity.Bench.Node.OperatorHarness.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "soak")
{
    return await Verity.Bench.Node.SoakHarness.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "fuzz")
{
    return await Verity.Fuzz.FuzzCommand.RunAsync(args[1..], Console.Out);
}

BenchmarkSwitcher.FromAssembly(typeof(Verity.Bench.Node.IngestHarness).Assembly).Run(args);
return 0;
