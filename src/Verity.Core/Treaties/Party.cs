namespace Verity.Core.Treaties;

/// <summary>A party to a treaty.</summary>
/// <param name="Code">ISO 3166-1 alpha-2 code.</param>
/// <param name="Name">The party's name as the treaty gives it.</param>
public sealed record Party(PartyCode Code, string Name);
