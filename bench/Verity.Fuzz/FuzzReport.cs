using System.Collections.Immutable;

namespace Verity.Fuzz;

/// <summary>One distinct failure: the exception type and the frame it came from, the first execution that showed it
/// and how often it was seen.</summary>
/// <param name="Signature">Exception type and its first frame in Verity code (or the invariant broken).</param>
/// <param name="Message">The first exception's message.</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="Execution">The first execution that failed so: <c>--seed Seed --execution Execution</c> reproduces it.</param>
/// <param name="InputFile">Where its input was saved, if a directory was given.</param>
/// <param name="Count">How many executions failed so.</param>
/// <param name="Detail">The exception as text (type, message, stack).</param>
public sealed record FuzzFailure(string Signature, string Message, int Seed, long Execution, string? InputFile, int Count, string Detail);

/// <summary>What a run of one target gave.</summary>
/// <param name="Target">The target's name.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Executions">Inputs fed.</param>
/// <param name="Elapsed">Wall time.</param>
/// <param name="Slowest">The slowest single execution.</param>
/// <param name="SlowestExecution">Which one it was.</param>
/// <param name="Failed">Executions that failed, of any signature.</param>
/// <param name="Failures">The distinct failures, first seen first.</param>
public sealed record FuzzReport(string Target, int Seed, long Executions, TimeSpan Elapsed, TimeSpan Slowest, long SlowestExecution, long Failed, ImmutableArray<FuzzFailure> Failures)
{
    /// <summary>One line per report, then one per distinct failure.</summary>
    public override string ToString()
    {
        var rate = Elapsed.TotalSeconds > 0 ? Executions / Elapsed.TotalSeconds : 0;
        var head = $"{Target}: {Executions:N0} executions in {Elapsed.TotalSeconds:F1} s ({rate:N0}/s), seed {Seed}, slowest {Slowest.TotalMilliseconds:F0} ms (execution {SlowestExecution}), {Failed:N0} failed, {Failures.Length} distinct";
        return string.Join(Environment.NewLine, Failures.Select(f =>
            $"  {f.Count:N0} x {f.Signature}: {f.Message} (reproduce: --parser {Target} --seed {f.Seed} --execution {f.Execution}{(f.InputFile is null ? "" : $"; input {f.InputFile}")})").Prepend(head));
    }
}
