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

    /// <summary>Runs on a console <paramref name="width"/> columns wide, as a terminal of that width (or <c>COLUMNS</c>) gives.</summary>
    public static Task<CliRun> RunAtWidthAsync(int width, params string[] args) => RunAsync(DefaultToday, DataDirectory, args, width);

    /// <summary>A context over a plain console <paramref name="width"/> columns wide writing to <paramref name="output"/>, for calling a command's parts directly.</summary>
    public static CliContext Context(int width, TextWriter output, TextWriter error) => Context(width, output, error, DefaultToday, DataDirectory);

    private static CliContext Context(int width, TextWriter output, TextWriter error, LocalDate today, string dataDirectory)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        return new CliContext(console, error, new FixedClock(today.AtMidnight().PlusHours(12).InUtc().ToInstant()), dataDirectory);
    }

    private static async Task<CliRun> RunAsync(LocalDate today, string dataDirectory, string[] args, int width = 240)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = Context(width, output, error, today, dataDirectory);

        var exitCode = await VerityApp.RunAsync(args, context);

        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
