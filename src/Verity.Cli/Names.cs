using Verity.Core.Compliance;
using Verity.Core.Treaties;

namespace Verity.Cli;

/// <summary>The words the CLI uses for domain values, in JSON and in tables.</summary>
internal static class Names
{
    public static string Of(LimitStatus status) => StatusWords.Of(status);

    public static string Of(TreatyStanding standing) => StatusWords.Of(standing);

    /// <summary>A figure as the tables print it (<c>1,550</c>), or <c>—</c> when unknown.</summary>
    public static string Number(long? value) => value is { } v ? v.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : "—";

    public static string Markup(LimitStatus status) => status switch
    {
        LimitStatus.Within => "[green]within[/]",
        LimitStatus.Exceeds => "[bold red]EXCEEDS[/]",
        LimitStatus.Suspended => "[yellow]suspended[/]",
        _ => $"[grey]{Of(status)}[/]",
    };
}
