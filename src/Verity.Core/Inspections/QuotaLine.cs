namespace Verity.Core.Inspections;

/// <summary>One quota in one treaty year for one inspecting party: how many, how many used, how many left, and its state.</summary>
/// <param name="Type">The inspection type; <c>null</c> for the year's total over every type.</param>
/// <param name="Name">A readable name.</param>
/// <param name="Quota">The inspections the quota allows in the year.</param>
/// <param name="Used">The inspections held in the year up to the date, with where the figure comes from; unknown when not published.</param>
/// <param name="State">Where the quota stands.</param>
/// <param name="Cause">The lifecycle act behind a <see cref="QuotaState.Paused"/>, <see cref="QuotaState.Suspended"/> or <see cref="QuotaState.Exempted"/> state; otherwise <c>null</c>.</param>
/// <param name="SourceId">The source of the quota in the treaty file.</param>
public sealed record QuotaLine(string? Type, string Name, int Quota, HeldCount Used, QuotaState State, Restraint? Cause, string? SourceId)
{
    /// <summary>What is left of the quota: quota − used, never below 0; <c>null</c> when the use is not known.</summary>
    public int? Left => Used.Value is { } used ? Math.Max(0, Quota - used) : null;

    /// <summary>How many inspections were held beyond the quota (a finding); 0 when none or not known.</summary>
    public int Beyond => Used.Value is { } used && used > Quota ? used - Quota : 0;
}
