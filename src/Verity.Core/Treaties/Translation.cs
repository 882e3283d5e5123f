namespace Verity.Core.Treaties;

/// <summary>On what authority a treaty file's names and renderings in one language rest.</summary>
/// <param name="Basis">The treaty's authentic text in that language, or a translation made for Verity.</param>
/// <param name="SourceId">The source of an authentic text (one of the treaty's sources); <c>null</c> for none.</param>
/// <param name="Text">What more the file says of it; <c>null</c> for nothing.</param>
public sealed record Translation(TranslationBasis Basis, string? SourceId, string? Text)
{
    /// <summary>The basis as the file and the JSON write it: <c>authentic</c> or <c>verity</c>.</summary>
    public string BasisWord => Basis == TranslationBasis.Authentic ? "authentic" : "verity";
}

/// <summary>Where a language's names come from.</summary>
public enum TranslationBasis
{
    /// <summary>The treaty's authentic text in the language (New START's Russian text, for one).</summary>
    Authentic,

    /// <summary>Translations made for Verity: not an official rendering.</summary>
    Verity,
}
