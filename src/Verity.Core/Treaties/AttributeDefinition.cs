using System.Collections.Immutable;

namespace Verity.Core.Treaties;

/// <summary>A further item attribute that counting rules filter on, such as <c>armament</c>.</summary>
/// <param name="Id">The attribute's name: an inventory column.</param>
/// <param name="Values">The allowed values; empty allows any.</param>
/// <param name="Default">The value an item has when its inventory leaves the attribute out.</param>
/// <param name="Text">What the treaty says of it.</param>
public sealed record AttributeDefinition(string Id, ImmutableArray<string> Values, string? Default, string? Text);
