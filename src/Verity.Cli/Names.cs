using Verity.Core.Compliance;
using Verity.Core.Treaties;

namespace Verity.Cli;

/// <summary>The words the CLI uses for domain values, in JSON and in tables.</summary>
internal static class Names
{
    public static string Of(LimitStatus status) => status switch
    {
        LimitStatus.Within => "within",
        LimitStatus.Exceeds => "exceeds",
        LimitStatus.NotYetInEffect => "not-yet-in-effect",
        LimitStatus.TreatyNotInForce => "treaty-not-in-force",
        LimitStatus.Suspended => "suspended",
        LimitStatus.Expired => "expired",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static string Of(TreatyStanding standing) => standing switch
    {
        TreatyStanding.NotInForce => "not in force",
        TreatyStanding.InForce => "in force",
        TreatyStanding.Suspended => "suspended",
        TreatyStanding.Expired => "expired",
        TreatyStanding.Terminated => "terminated",
        TreatyStanding.Withdrawn => "withdrawn",
        _ => standing.ToString(),
    };

    public static string Markup(LimitStatus status) => status switch
    {
        LimitStatus.Within => "[green]within[/]",
        LimitStatus.Exceeds => "[bold red]EXCEEDS[/]",
        LimitStatus.Suspended => "[yellow]suspended[/]",
        _ => $"[grey]{Of(status)}[/]",
    };
}
