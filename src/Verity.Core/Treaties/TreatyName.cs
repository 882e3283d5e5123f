namespace Verity.Core.Treaties;

/// <summary>A treaty's name in one language.</summary>
/// <param name="Name">The short name, such as ДСНВ for New START.</param>
/// <param name="Title">The full title; <c>null</c> when the file gives only the name.</param>
public sealed record TreatyName(string Name, string? Title);
