using NodaTime;

namespace Verity.Core.Treaties;

/// <summary>A public source cited by a treaty file.</summary>
/// <param name="Id">The identifier other entries cite it by.</param>
/// <param name="Title">What it is.</param>
/// <param name="Url">Where it is.</param>
/// <param name="Date">The document's date, where known.</param>
public sealed record Source(string Id, string Title, string Url, LocalDate? Date);
