using NodaTime;
using Verity.Core.Text;

namespace Verity.Core.Items;

/// <summary>An item comes into the record: produced, or declared as existing when the treaty entered into force.</summary>
/// <param name="Date">The date.</param>
/// <param name="Item">Its state from then on.</param>
public sealed record ItemProduced(LocalDate Date, Item Item) : ItemEvent(Date, Item.Uid)
{
    /// <inheritdoc />
    public override string Kind => "produced";

    /// <inheritdoc />
    public override Phrase Description => Wordings.Produced.With(PhraseValue.Kind(Item.Kind), Item.Type, PhraseValue.Status(Item.Status), Item.Location);
}
