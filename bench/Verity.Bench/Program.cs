using BenchmarkDotNet.Running;

// `ingest` runs the node's ingest harness (throughput and latency percentiles); anything else is BenchmarkDotNet:
// every benchmark class in this assembly, picked with --filter, e.g. `--filter *Compliance*`.
if (args.Length > 0 && args[0] == "ingest")
{
    return await Verity.Bench.Node.IngestHarness.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Verity.Bench.Node.IngestHarness).Assembly).Run(args);
return 0;
