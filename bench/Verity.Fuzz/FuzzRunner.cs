using System.Diagnostics;
using System.IO.MemoryMappedFiles;

namespace Verity.Fuzz;

/// <summary>Runs a target: execution <c>i</c> of seed <c>s</c> mutates with its own <see cref="Random"/> seeded from
/// (s, i), so any one execution is reproduced alone with <c>--seed s --execution i</c>. Any exception out of the
/// target is a failure, grouped by type and first Verity frame; the first input of each group is saved.</summary>
/// <remarks>A stack overflow ends the process where no handler runs. So that it is reported all the same, the execution
/// under way is kept in a memory-mapped file in the failure directory; a run of the same target and seed started after
/// such an end reports that execution as a crash, saves its input, and goes on from the next one.</remarks>
public static class FuzzRunner
{
    /// <summary>The input of execution <paramref name="execution"/> of <paramref name="seed"/>.</summary>
    public static byte[] Input(Mutator mutator, int seed, long execution)
    {
        ArgumentNullException.ThrowIfNull(mutator);
        return mutator.Next(new Random(Mix(seed, execution)));
    }

    /// <summary>Feeds <paramref name="executions"/> mutated inputs to <paramref name="target"/>.</summary>
    /// <param name="target">The parser.</param>
    /// <param name="executions">How many inputs.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="failureDirectory">Where to save the first input of each failure (none if null).</param>
    /// <param name="first">The first execution index (to resume or reproduce).</param>
    /// <param name="progress">Called now and then with the executions done.</param>
    public static async Task<FuzzReport> RunAsync(FuzzTarget target, long executions, int seed, string? failureDirectory = null, long first = 0, Action<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        var mutator = new Mutator(target.Corpus);
        var failures = new Dictionary<string, FuzzFailure>(StringComparer.Ordinal);
        var order = new List<string>();
        long failed = 0;
        var slowest = TimeSpan.Zero;
        long slowestExecution = -1;
        var total = Stopwatch.StartNew();
        var one = new Stopwatch();
        using var running = failureDirectory is null ? null : new RunningMarker(Path.Combine(failureDirectory, $"{target.Name}-seed{seed}.running"));
        var end = first + executions;
        long executed = 0;
        if (running?.Crashed is { } crashed && crashed >= first && crashed < end)
        {
            var input = Input(mutator, seed, crashed);
            const string Signature = "crash: the process ended during this execution (stack overflow or another fatal error)";
            order.Add(Signature);
            failures[Signature] = new FuzzFailure(Signature, $"{input.Length} bytes of input", seed, crashed, Save(failureDirectory, target.Name, seed, crashed, input), 1, Signature);
            failed++;
            executed++;
            first = crashed + 1;
        }

        for (var i = first; i < end; i++)
        {
            var input = Input(mutator, seed, i);
            running?.Set(i);
            executed++;
            one.Restart();
            Exception? error = null;
            try
            {
                await target.Run(input).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Anything the entry lets escape is what fuzzing looks for.
            catch (Exception e)
#pragma warning restore CA1031
            {
                error = e;
            }

            if (one.Elapsed > slowest)
            {
                (slowest, slowestExecution) = (one.Elapsed, i);
            }

            if (error is not null)
            {
                failed++;
                var signature = SignatureOf(error);
                if (failures.TryGetValue(signature, out var known))
                {
                    failures[signature] = known with { Count = known.Count + 1 };
                }
                else
                {
                    order.Add(signature);
                    failures[signature] = new FuzzFailure(signature, FirstLine(error.Message), seed, i, Save(failureDirectory, target.Name, seed, i, input), 1, error.ToString());
                }
            }

            if (progress is not null && (i - first + 1) % 10_000 == 0)
            {
                progress(i - first + 1);
            }
        }

        running?.Finish();
        return new FuzzReport(target.Name, seed, executed, total.Elapsed, slowest, slowestExecution, failed, [.. order.Select(s => failures[s])]);
    }

    /// <summary>The exception's type and where it came from: the first frame in Verity code, else the first frame.</summary>
    public static string SignatureOf(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error is FuzzInvariantException)
        {
            return $"invariant: {FirstLine(error.Message).Split(':')[0]}";
        }

        var frames = new StackTrace(error, fNeedFileInfo: false).GetFrames();
        var frame = frames.FirstOrDefault(f => f.GetMethod()?.DeclaringType?.FullName?.StartsWith("Verity.", StringComparison.Ordinal) == true
            && f.GetMethod()?.DeclaringType?.FullName?.StartsWith("Verity.Fuzz.", StringComparison.Ordinal) != true) ?? frames.FirstOrDefault();
        var method = frame?.GetMethod();
        return $"{error.GetType().FullName} at {method?.DeclaringType?.FullName}.{method?.Name}";
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n')[0].TrimEnd('\r');
        return line.Length > 300 ? line[..300] + "…" : line;
    }

    private static string? Save(string? directory, string target, int seed, long execution, byte[] input)
    {
        if (directory is null)
        {
            return null;
        }

        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{target}-seed{seed}-execution{execution}.bin");
        File.WriteAllBytes(path, input);
        return path;
    }

    /// <summary>The execution under way, in a file that outlives the process: -1 when none.</summary>
    private sealed class RunningMarker : IDisposable
    {
        private readonly string _path;
        private readonly MemoryMappedFile _file;
        private readonly MemoryMappedViewAccessor _view;

        public RunningMarker(string path)
        {
            _path = path;
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var existed = File.Exists(path) && new FileInfo(path).Length == sizeof(long);
            _file = MemoryMappedFile.CreateFromFile(path, FileMode.OpenOrCreate, null, sizeof(long));
            _view = _file.CreateViewAccessor(0, sizeof(long));
            var last = existed ? _view.ReadInt64(0) : -1;
            Crashed = last >= 0 ? last : null;
            Set(-1);
        }

        public long? Crashed { get; }

        public void Set(long execution) => _view.Write(0, execution);

        public void Finish()
        {
            Set(-1);
            Dispose();
            File.Delete(_path);
        }

        public void Dispose()
        {
            _view.Dispose();
            _file.Dispose();
        }
    }

    // SplitMix64 of the seed and the execution: independent streams for neighbouring executions.
    private static int Mix(int seed, long execution)
    {
        var z = unchecked(((ulong)(uint)seed << 32) ^ (ulong)execution) + 0x9E3779B97F4A7C15UL;
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return unchecked((int)(z ^ (z >> 31)));
    }
}
