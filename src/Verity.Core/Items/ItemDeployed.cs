using NodaTime;
using Verity.Core.Text;

namespace Verity.Core.Items;

/// <summary>An item is deployed at a location, such as a missile emplaced in a launcher at an operating base.</summary>
/// <remarks>The item takes <see cref="Status"/>: the treaty's status that plays the role <c>deployed</c>
/// (<see cref="Treaties.Treaty.StatusFor"/>), <c>deployed</c> unless the treaty words it otherwise.</remarks>
public sealed record ItemDeployed(LocalDate Date, string Uid, string Location) : ItemEvent(Date, Uid)
{
    /// <summary>The status word the item takes, the one of the treaty's statuses that plays the role <c>deployed</c>.</summary>
    public string Status { get; init; } = Treaties.StatusRole.Deployed;

    /// <inheritdoc />
    public override string Kind => "deployed";

    /// <inheritdoc />
    public override Phrase Description => Wordings.Deployed.With(Location);
}
