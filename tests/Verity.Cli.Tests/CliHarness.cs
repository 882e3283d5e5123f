using NodaTime;
using Spectre.Console;

namespace Verity.Cli.Tests;

/// <summary>What one in-process run of <c>verity</c> gave: exit code, standard output, standard error.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error);

/// <summary>A clock that always reads the same instant.</summary>
public sealed class FixedClock(Instant now) : IClock
{
    public Instant GetCurrentInstant() => now;
}

/// <summary>Runs <c>verity</c> in process over a plain, wide, colourless console and a fixed clock.</summary>
public static class CliHarness
{
    public static readonly LocalDate DefaultToday = new(2019, 6, 1);

    public static string DataDirectory => Path.Combine(AppContext.BaseDirectory, "data");

    public static string Vector(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "testdata", .. parts]);

    public static Task<CliRun> RunAsync(params string[] args) => RunOnAsync(DefaultToday, args);

    public static Task<CliRun> RunOnAsync(LocalDate today, params string[] args) => RunAsync(today, DataDirectory, args);

    public static Task<CliRun> RunInAsync(string dataDirectory, params string[] args) => RunAsync(DefaultToday, dataDirectory, args);

    private static async Task<CliRun> RunAsync(LocalDate today, string dataDirectory, string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 240;
        var clock = new FixedClock(today.AtMidnight().PlusHours(12).InUtc().ToInstant());
        var context = new CliContext(console, error, clock, dataDirectory);

        var exitCode = await VerityApp.RunAsync(args, context);

        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
