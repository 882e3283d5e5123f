using System.Collections.Immutable;
using NodaTime;
using Verity.Core.Text;

namespace Verity.Core.Items;

/// <summary>An item is converted by the treaty's procedures: it may take another kind, type and status, and further attributes change.</summary>
/// <param name="Date">The date the conversion is complete.</param>
/// <param name="Uid">The item.</param>
/// <param name="Status">Its status after conversion.</param>
/// <param name="NewKind">Its kind after conversion, or <c>null</c> to keep it.</param>
/// <param name="NewType">Its type after conversion, or <c>null</c> to keep it.</param>
/// <param name="Attributes">Further attributes set by the conversion, such as <c>armament: non-nuclear</c>.</param>
public sealed record ItemConverted(LocalDate Date, string Uid, string Status, string? NewKind, string? NewType, ImmutableSortedDictionary<string, string> Attributes) : ItemEvent(Date, Uid)
{
    /// <inheritdoc />
    public override string Kind => "converted";

    /// <inheritdoc />
    public override Phrase Description => Wordings.Converted.With(PhraseValue.Status(Status));
}
