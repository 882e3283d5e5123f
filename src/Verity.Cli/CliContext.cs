using NodaTime;
using Spectre.Console;

namespace Verity.Cli;

/// <summary>What a command may touch at the edge: the consoles, the clock and where the bundled data lives.</summary>
/// <param name="Out">Standard output: tables for people, JSON for programs.</param>
/// <param name="Error">Standard error: diagnostics.</param>
/// <param name="Clock">The clock; commands read "today" from it and nowhere else.</param>
/// <param name="DataDirectory">The folder holding <c>treaties/</c> and <c>history/</c>.</param>
public sealed record CliContext(IAnsiConsole Out, TextWriter Error, IClock Clock, string DataDirectory)
{
    /// <summary>The context of a real process: the terminal, the system clock and the data folder beside the binary.</summary>
    public static CliContext FromProcess()
    {
        var console = AnsiConsole.Console;
        if (Console.IsOutputRedirected)
        {
            // Piped output is read by programs and files, not a terminal: never wrap lines.
            console.Profile.Width = 240;
        }

        return new(console, Console.Error, SystemClock.Instance, LocateDataDirectory());
    }

    /// <summary>Today's date in treaty time (UTC).</summary>
    public LocalDate Today => Clock.GetCurrentInstant().InUtc().Date;

    private static string LocateDataDirectory()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("VERITY_DATA");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        return Path.Combine(AppContext.BaseDirectory, "data");
    }
}
