using NodaTime;

namespace Verity.Core.Treaties;

/// <summary>Who proposed a draft treaty, when, and where it is published.</summary>
/// <param name="By">Who made the proposal.</param>
/// <param name="Date">When.</param>
/// <param name="SourceId">The cited source.</param>
/// <param name="Text">What the file encodes of it, and what it makes up (illustrative numbers say so here).</param>
public sealed record Proposal(string By, LocalDate Date, string SourceId, string? Text);
