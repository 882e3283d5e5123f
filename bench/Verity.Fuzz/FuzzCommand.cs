using System.Globalization;

namespace Verity.Fuzz;

/// <summary><c>fuzz --parser NAME|all --executions N --seed S [--from I | --execution I [--save FILE]] [--replay FILE] [--failures DIR]</c>:
/// runs targets one after another and prints one report per target; exit 1 if any failed.</summary>
public static class FuzzCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                await output.WriteLineAsync($"fuzz: '{args[i]}' is not an option; usage: fuzz --parser NAME|all|list --executions N --seed S [--from I | --execution I [--save FILE]] [--replay FILE] [--failures DIR]").ConfigureAwait(false);
                return 2;
            }

            options[args[i][2..]] = args[i + 1];
        }

        var work = Path.Combine(Path.GetTempPath(), $"verity-fuzz-{Environment.ProcessId}");
        using var targets = FuzzTargets.Create(work);
        var parser = options.GetValueOrDefault("parser", "list");
        if (parser == "list")
        {
            foreach (var target in targets.All)
            {
                await output.WriteLineAsync($"{target.Name,-20} {target.Entry} ({target.Corpus.Count} seeds)").ConfigureAwait(false);
            }

            return 0;
        }

        if (options.TryGetValue("replay", out var replay))
        {
            var target = targets[parser];
            await target.Run(await File.ReadAllBytesAsync(replay).ConfigureAwait(false)).ConfigureAwait(false);
            await output.WriteLineAsync($"{target.Name}: {replay} gives a value or the parser's own error").ConfigureAwait(false);
            return 0;
        }

        var seed = int.Parse(options.GetValueOrDefault("seed", "1"), CultureInfo.InvariantCulture);
        var executions = long.Parse(options.GetValueOrDefault("executions", "10000"), CultureInfo.InvariantCulture);
        var first = 0L;
        if (options.TryGetValue("execution", out var only))
        {
            (first, executions) = (long.Parse(only, CultureInfo.InvariantCulture), 1);
        }
        else if (options.TryGetValue("from", out var from))
        {
            // Executions from..from+N-1 of the seed: a long run split over processes, one range each.
            first = long.Parse(from, CultureInfo.InvariantCulture);
        }

        if (options.TryGetValue("save", out var save))
        {
            // The input of one execution, to read or to replay: --parser P --seed S --execution I --save FILE.
            var target = targets[parser];
            await File.WriteAllBytesAsync(save, FuzzRunner.Input(new Mutator(target.Corpus), seed, first)).ConfigureAwait(false);
            await output.WriteLineAsync($"{target.Name}: the input of seed {seed}, execution {first} written to {save}").ConfigureAwait(false);
            return 0;
        }

        var failures = options.GetValueOrDefault("failures", Path.Combine(Environment.CurrentDirectory, "fuzz-failures"));
        var failed = false;
        foreach (var target in parser == "all" ? targets.All : [targets[parser]])
        {
            var report = await FuzzRunner.RunAsync(target, executions, seed, failures, first,
                done => Console.Error.WriteLine($"{target.Name}: {done:N0}")).ConfigureAwait(false);
            await output.WriteLineAsync(report.ToString()).ConfigureAwait(false);
            if (executions == 1 && report.Failures.Length == 1)
            {
                await output.WriteLineAsync(report.Failures[0].Detail).ConfigureAwait(false);
            }

            await output.FlushAsync().ConfigureAwait(false);
            failed |= report.Failed > 0;
        }

        return failed ? 1 : 0;
    }
}
