using NodaTime;
using Spectre.Console;

namespace Verity.Cli;

/// <summary>What a command may touch at the edge: the consoles, the clock and where the bundled data lives.</summary>
/// <param name="Out">Standard output: tables for people, JSON for programs.</param>
/// <param name="Error">Standard error: diagnostics.</param>
/// <param name="Clock">The clock; commands read "today" from it and nowhere else.</param>
/// <param name="DataDirectory">The folder holding <c>treaties/</c> and <c>history/</c>: <c>$VERITY_DATA</c>, else the
/// checkout's <c>data/</c> when the binary was built in one, else the copy beside the binary.</param>
public sealed record CliContext(IAnsiConsole Out, TextWriter Error, IClock Clock, string DataDirectory)
{
    /// <summary>The context of a real process: the terminal, the system clock and the data folder beside the binary.</summary>
    public static CliContext FromProcess()
    {
        var console = AnsiConsole.Console;
        Terminal.Configure(console, Console.IsOutputRedirected, Environment.GetEnvironmentVariable("COLUMNS"));

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

        return CheckoutData(AppContext.BaseDirectory) ?? Path.Combine(AppContext.BaseDirectory, "data");
    }

    /// <summary>
    /// The <c>data/</c> folder of the checkout a binary was built in (an ancestor of <paramref name="binary"/> holding
    /// <c>Verity.slnx</c> and <c>data/treaties/</c>), so that an edit to <c>data/treaties/new-start.yaml</c> takes effect
    /// without a rebuild; <c>null</c> for an installed binary, which reads the copy beside it.
    /// </summary>
    internal static string? CheckoutData(string binary)
    {
        for (var folder = new DirectoryInfo(binary); folder is not null; folder = folder.Parent)
        {
            var data = Path.Combine(folder.FullName, "data");
            if (File.Exists(Path.Combine(folder.FullName, "Verity.slnx")) && Directory.Exists(Path.Combine(data, "treaties")))
            {
                return data;
            }
        }

        return null;
    }
}
