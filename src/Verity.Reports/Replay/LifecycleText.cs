using Verity.Core.Treaties;

namespace Verity.Reports.Replay;

/// <summary>Words for a treaty's lifecycle acts: a few for table rows and chart labels, a sentence for titles.</summary>
public static class LifecycleText
{
    /// <summary>A few words for a lifecycle act, for table rows and chart labels, such as "RU suspends".</summary>
    public static string Label(LifecycleAct act)
    {
        ArgumentNullException.ThrowIfNull(act);
        var party = act.Party is { } p ? p.Value + " " : string.Empty;
        return act.Kind switch
        {
            LifecycleActKind.EntryIntoForce => "entry into force",
            LifecycleActKind.Extension => $"extended ({act.Period})",
            LifecycleActKind.Suspension => $"{party}suspends",
            LifecycleActKind.Resumption => $"{party}resumes",
            LifecycleActKind.WithdrawalNotice => $"{party}notice of withdrawal",
            LifecycleActKind.Withdrawal => $"{party}withdraws",
            LifecycleActKind.Termination => "terminated",
            LifecycleActKind.InspectionsPaused => "inspections paused",
            LifecycleActKind.InspectionsResumed => act.Party is null ? "inspections resume" : $"{party}open to inspection",
            LifecycleActKind.InspectionsExempted => $"{party}exempts its facilities",
            _ => Truncate((act.Text ?? "note").Split(" (")[0], 40),
        };
    }

    /// <summary>The act as the record states it, with its party first when it has one, such as "RU: …".</summary>
    public static string Describe(LifecycleAct act)
    {
        ArgumentNullException.ThrowIfNull(act);
        var text = act.Text ?? Capitalized(act.Party is null ? Label(act) : Label(act)[(act.Party.Value.Value.Length + 1)..]);
        return (act.Party is { } p ? $"{p}: " : string.Empty) + text;
    }

    private static string Capitalized(string words) => words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
