using NodaTime;

namespace Verity.Core.Items;

/// <summary>An item is deployed at a location, such as a missile emplaced in a launcher at an operating base.</summary>
public sealed record ItemDeployed(LocalDate Date, string Uid, string Location) : ItemEvent(Date, Uid)
{
    /// <inheritdoc />
    public override string Kind => "deployed";

    /// <inheritdoc />
    public override string Describe() => $"deployed at {Location}";
}
