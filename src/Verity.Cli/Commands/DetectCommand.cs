using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console;
using Verity.Core;
using Verity.Core.Analysis.Detection;

namespace Verity.Cli.Commands;

/// <summary>
/// <c>verity detect</c>: detection probability. Attribute sampling (<c>--population</c>, <c>--defects</c>): exact beside
/// the IAEA's approximation. A regime over a treaty's data (<c>--treaty</c>, <c>--party</c>, <c>--excess</c>): the chance
/// of a finding per treaty year and over several, exact beside Monte Carlo (<see cref="DetectRegime"/>).
/// </summary>
internal static class DetectCommand
{
    /// <summary>The goal the attribute-sampling sizes are given for when none is named: β = 0.05, the reference's example.</summary>
    public const double DefaultGoal = 0.95;

    public static Command Create(CliContext context)
    {
        var o = new DetectOptions();
        var command = new Command("detect", """
            Detection probability. Attribute sampling: the chance that n items drawn at random without replacement from
            N, of which M are defective, include at least one (hypergeometric, exact in log space), and the smallest n
            for a goal, exact beside the IAEA's n = N(1 − β^(1/M)). A regime over a treaty's data: a party's deployed
            missiles by base on a date (its database, from the bundled record or an inventory), E warheads hidden as
            extra reentry vehicles on K missiles, the treaty's inspection quota with missiles counted at sites chosen at
            random: the chance of at least one finding each treaty year and over Y years, exact where the structure
            allows and by seeded Monte Carlo with a 95 % interval, side by side; with --goal, the quota or the missiles
            per inspection it takes. Every assumption of the model is printed with the figures.
            Exit 0; 1 when a --goal is not reached; 2 on bad input.

            Examples:
              verity detect --population 1000 --defects 10 --samples 258
              verity detect --population 1000 --defects 10 --goal 0.95 --json
              verity detect --population 10000000 --defects 500 --samples 46000
              verity detect --treaty new-start --party RU --at 2020-09-01 --excess 50
              verity detect --treaty new-start --party US --at 2020-09-01 --excess 50 --spread 25 --placement concentrated --years 5
              verity detect --treaty new-start --party US --at 2020-09-01 --excess 50 --goal 0.9
              verity detect --treaty new-start --inventory us-2022.csv --party US --at 2022-03-01 --excess 100 --json
            """);
        foreach (var option in o.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => CommandRunner.Run(context, () =>
        {
            var sampling = o.Sampling.Where(x => parse.GetResult(x) is not null).ToList();
            var regime = o.Regime.Where(x => parse.GetResult(x) is not null).ToList();
            if (sampling.Count > 0 && regime.Count > 0)
            {
                throw Bad(sampling[0].Name, $"{sampling[0].Name} is for attribute sampling and {regime[0].Name} for a regime over a treaty: give one kind of question");
            }

            if (parse.GetValue(o.Treaty) is not null)
            {
                return DetectRegime.Run(context, parse, o);
            }

            if (parse.GetValue(o.Population) is null)
            {
                throw Bad("--population", regime.Count > 0
                    ? $"{regime[0].Name} goes with --treaty FILE --party P --excess E"
                    : "give --population N --defects M [--samples n] [--goal G] for attribute sampling, or --treaty FILE --party P --excess E for a regime");
            }

            return Sampling(context, parse, o);
        }));
        return command;
    }

    private static int Sampling(CliContext context, ParseResult parse, DetectOptions o)
    {
        var population = parse.GetValue(o.Population)!.Value;
        var defects = parse.GetValue(o.Defects) ?? throw Bad("--defects", "attribute sampling needs --defects M, the defective items among --population");
        var samples = parse.GetValue(o.Samples);
        var goalGiven = parse.GetValue(o.Goal);
        Count(population, "--population", AttributeSampling.MaxPopulation);
        Count(defects, "--defects", long.MaxValue);
        if (defects > population)
        {
            throw Bad("--defects", $"{N(defects)} defective items exceed --population {N(population)}");
        }

        if (samples is { } n)
        {
            Count(n, "--samples", long.MaxValue);
            if (n > population)
            {
                throw Bad("--samples", $"{N(n)} samples exceed --population {N(population)}: items are drawn without replacement");
            }
        }

        var goal = goalGiven ?? DefaultGoal;
        Goal(goal);
        var result = AttributeSampling.Evaluate(population, defects, samples, goal);
        if (parse.GetValue(o.Json))
        {
            Json.Write(context, ToJson(result));
        }
        else
        {
            Print(context, result, goalGiven is not null);
        }

        // A finding: the goal named is not reached, by the samples given or by any sample (nothing to detect).
        var missed = goalGiven is not null && (result.ReachesGoal == false || result.SamplesForGoal is null);
        return missed ? VerityApp.Finding : VerityApp.Ok;
    }

    internal static JsonObject ToJson(AttributeSample s) => new()
    {
        ["population"] = s.Population,
        ["defects"] = s.Defects,
        ["samples"] = s.Samples,
        ["p_detect"] = s.Detection,
        ["p_nondetect"] = s.Detection is { } p ? 1 - p : null,
        ["p_detect_iaea_approx"] = s.ApproximateDetection,
        ["goal"] = s.Goal,
        ["reaches_goal"] = s.ReachesGoal,
        ["samples_for_goal"] = s.SamplesForGoal,
        ["iaea_samples_for_goal"] = s.IaeaSamplesRounded,
        ["iaea_samples_real"] = s.IaeaSamples,
        ["method"] = "exact: P(no defective drawn) = C(N − M, n) / C(N, n), in log space (Stirling differences, log1p); samples_for_goal: the smallest n whose exact P reaches the goal; IAEA: P ≈ 1 − (1 − n/N)^M and n = N(1 − β^(1/M)), β = 1 − goal, rounded up",
    };

    private static void Print(CliContext context, AttributeSample s, bool goalGiven)
    {
        context.Out.MarkupLineInterpolated($"[bold]Attribute sampling[/]: N = {N(s.Population)} items, M = {N(s.Defects)} defective");
        if (s.Samples is { } n)
        {
            context.Out.MarkupLineInterpolated($"  n = {N(n)} drawn without replacement: P(at least one defective) = [bold]{P(s.Detection!.Value)}[/] exact (hypergeometric); {P(s.ApproximateDetection!.Value)} by the IAEA approximation 1 − (1 − n/N)^M");
        }

        var beta = (1 - s.Goal).ToString("0.####", CultureInfo.InvariantCulture);
        if (s.SamplesForGoal is { } exact)
        {
            context.Out.MarkupLineInterpolated($"  For a detection goal of {s.Goal.ToString("0.####", CultureInfo.InvariantCulture)} (β = {beta}{(goalGiven ? string.Empty : ", the default")}): n = [bold]{N(exact)}[/] exact; n = N(1 − β^(1/M)) = {s.IaeaSamples!.Value.ToString("0.###", CultureInfo.InvariantCulture)} → {N(s.IaeaSamplesRounded!.Value)} by the IAEA formula");
        }
        else
        {
            context.Out.MarkupLineInterpolated($"  For a detection goal of {s.Goal.ToString("0.####", CultureInfo.InvariantCulture)}: no sample reaches it (M = 0: nothing to detect)");
        }

        if (goalGiven && s.ReachesGoal == false)
        {
            context.Out.MarkupLineInterpolated($"  [yellow]{N(s.Samples!.Value)} samples fall short of the goal[/]");
        }
    }

    internal static void Count(long value, string option, long max)
    {
        if (value < 0)
        {
            throw Bad(option, $"{value} is negative: expected a count of 0 or more");
        }

        if (value > max)
        {
            throw Bad(option, $"{N(value)} is too large: at most {N(max)}");
        }
    }

    internal static void Goal(double goal)
    {
        if (!(goal > 0 && goal < 1))
        {
            throw Bad("--goal", $"{goal.ToString(CultureInfo.InvariantCulture)} is not a probability strictly between 0 and 1, such as 0.9");
        }
    }

    internal static InputException Bad(string option, string message) => new(new Diagnostic(option, 0, 0, string.Empty, message));

    internal static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A probability as people read it: six significant digits.</summary>
    internal static string P(double p) => p.ToString("G6", CultureInfo.InvariantCulture);
}
