using System.Collections.Immutable;
using System.Globalization;

namespace Verity.Core.Text;

/// <summary>
/// A sentence the core says, as the wording it is said with and the values filled into it: a renderer words it in any
/// language from <see cref="Wording.Key"/> and the values (counts in the language's digits, dates in its calendar, the
/// treaty's terms by their names in it); <see cref="English"/> is the core's own wording, the one the command line and
/// the API give.
/// </summary>
/// <param name="Wording">What is said.</param>
/// <param name="Values">The values filled in, in the order of the wording's placeholders.</param>
public sealed record Phrase(Wording Wording, ImmutableArray<PhraseValue> Values)
{
    /// <summary>The phrase in English, as the core words it.</summary>
    public string English => Values.IsEmpty ? Wording.English
        : string.Format(CultureInfo.InvariantCulture, Wording.English, [.. Values.Select(v => (object)v.English)]);

    /// <inheritdoc />
    public bool Equals(Phrase? other) => other is not null && Wording == other.Wording && Values.SequenceEqual(other.Values);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Wording, Values.Length);

    /// <inheritdoc />
    public override string ToString() => English;
}

/// <summary>One sentence the core can say: the key a renderer finds its wording under in each language, and its English
/// wording, with placeholders <c>{0}</c>, <c>{1}</c>… for the values.</summary>
/// <param name="Key">The key of its wording in every language's resources.</param>
/// <param name="English">The English wording.</param>
public sealed record Wording(string Key, string English)
{
    /// <summary>This wording with <paramref name="values"/> filled in.</summary>
    public Phrase With(params PhraseValue[] values) => new(this, [.. values]);
}

/// <summary>What the core's terms are: a renderer names each by the treaty's vocabulary in its language.</summary>
public enum TermKind
{
    /// <summary>An item kind (<c>icbm</c>).</summary>
    ItemKind,

    /// <summary>An item's status (<c>deployed</c>).</summary>
    Status,

    /// <summary>A change to an item, as change notifications name it (<c>status-changed</c>).</summary>
    Event,

    /// <summary>A field of an item: <c>kind</c>, <c>type</c>, <c>status</c> or <c>location</c>.</summary>
    Field,

    /// <summary>A notification type (<c>change-in-data</c>).</summary>
    NotificationType,

    /// <summary>A measure of the estimates of forces (<c>stockpile</c>, <c>launchers:DF-41</c>).</summary>
    Measure,
}

/// <summary>A value filled into a <see cref="Phrase"/>.</summary>
public abstract record PhraseValue
{
    /// <summary>The value in the core's English wording.</summary>
    public abstract string English { get; }

    /// <summary>A name, uid, place or code, written as it is in every language.</summary>
    public static implicit operator PhraseValue(string text) => new Literal(text);

    /// <summary>A count.</summary>
    public static implicit operator PhraseValue(long count) => new Count(count);

    /// <summary>A date.</summary>
    public static implicit operator PhraseValue(NodaTime.LocalDate date) => new Day(date);

    /// <summary>A date and time (GMT).</summary>
    public static implicit operator PhraseValue(NodaTime.LocalDateTime moment) => new Moment(moment);

    /// <summary>A phrase within a phrase.</summary>
    public static implicit operator PhraseValue(Phrase phrase) => new Part(phrase);

    /// <summary>A number that names rather than counts, such as an entry of a log: never grouped.</summary>
    public static PhraseValue Entry(long number) => new Numeral(number);

    /// <summary>An item kind, by its id.</summary>
    public static PhraseValue Kind(string id) => new Term(TermKind.ItemKind, id);

    /// <summary>A status, by its id.</summary>
    public static PhraseValue Status(string id) => new Term(TermKind.Status, id);

    /// <summary>A change to an item, by the word change notifications give it.</summary>
    public static PhraseValue Event(string id) => new Term(TermKind.Event, id);

    /// <summary>A name the data gives in English and, by language code, in others.</summary>
    public static PhraseValue Name(string english, IEnumerable<KeyValuePair<string, string>> names) => new Named(english, names.ToImmutableDictionary(StringComparer.Ordinal));

    /// <summary>A year, such as a projection's horizon: in the language's digits, never grouped.</summary>
    public static PhraseValue Year(int year) => new Numeral(year);

    /// <summary>An amount that may have a fraction (a projected figure, a rate): grouped, up to
    /// <paramref name="decimals"/> decimals, with its sign written when <paramref name="withSign"/>.</summary>
    public static PhraseValue Amount(double value, int decimals = 2, bool withSign = false) => new Quantity(value, decimals, withSign);

    /// <summary>A measure of the estimates of forces, by its id (<c>stockpile</c>, <c>launchers:DF-41</c>).</summary>
    public static PhraseValue Measure(string id) => new Term(TermKind.Measure, id);

    /// <summary>A notification type, by its id.</summary>
    public static PhraseValue Notification(string id) => new Term(TermKind.NotificationType, id);

    /// <summary>An item's field (<c>kind</c>, <c>type</c>, <c>status</c>, <c>location</c>) with its value: the value named as a term where it is one.</summary>
    public static Phrase FieldValue(string field, string value) => Wordings.FieldValue.With(new Term(TermKind.Field, field), field switch
    {
        "kind" => Kind(value),
        "status" => Status(value),
        _ => value,
    });

    /// <summary>Phrases one after another: parted by semicolons (separate statements) or by commas (the items of one).</summary>
    public static PhraseValue List(IEnumerable<Phrase> parts, bool semicolons) => new Parts([.. parts], semicolons);
}

/// <summary>A name, uid, place or code, written as it is.</summary>
/// <param name="Text">The text.</param>
public sealed record Literal(string Text) : PhraseValue
{
    /// <inheritdoc />
    public override string English => Text;
}

/// <summary>A name the data gives in several languages (a draft's, a category's): in English <see cref="Text"/>, elsewhere
/// its name in the language where the data gives one.</summary>
/// <param name="Text">The name in English.</param>
/// <param name="Names">The name in other languages, by code.</param>
public sealed record Named(string Text, ImmutableDictionary<string, string> Names) : PhraseValue
{
    /// <inheritdoc />
    public override string English => Text;

    /// <inheritdoc />
    public bool Equals(Named? other) => other is not null && Text == other.Text && Names.Count == other.Names.Count && !Names.Except(other.Names).Any();

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Text, Names.Count);
}

/// <summary>A count: in English ungrouped, as the core has always written counts in its sentences.</summary>
/// <param name="Value">The count.</param>
public sealed record Count(long Value) : PhraseValue
{
    /// <inheritdoc />
    public override string English => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A number that names rather than counts (an entry of a log): never grouped, in the language's digits.</summary>
/// <param name="Value">The number.</param>
public sealed record Numeral(long Value) : PhraseValue
{
    /// <inheritdoc />
    public override string English => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>An amount that may have a fraction: in English grouped with commas, up to <see cref="Decimals"/> decimals
/// (<c>1,234.5</c>), with a plus sign before a positive or zero value when <see cref="WithSign"/>.</summary>
/// <param name="Value">The amount.</param>
/// <param name="Decimals">The most decimals written, 0 to 6.</param>
/// <param name="WithSign">Whether the sign is written when the value is not negative.</param>
public sealed record Quantity(double Value, int Decimals, bool WithSign) : PhraseValue
{
    /// <summary>The format of the amount for <see cref="double.ToString(string, IFormatProvider)"/>: <c>#,0.##</c>.</summary>
    public string Format => Decimals <= 0 ? "#,0" : "#,0." + new string('#', Math.Min(Decimals, 6));

    /// <summary>Whether a plus sign goes before it.</summary>
    public bool Plus => WithSign && Value >= 0;

    /// <inheritdoc />
    public override string English => (Plus ? "+" : string.Empty) + Value.ToString(Format, CultureInfo.InvariantCulture);
}

/// <summary>A date: in English as YYYY-MM-DD.</summary>
/// <param name="Value">The date.</param>
public sealed record Day(NodaTime.LocalDate Value) : PhraseValue
{
    /// <inheritdoc />
    public override string English => Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>A date and time (GMT): in English as YYYY-MM-DD HH:MM.</summary>
/// <param name="Value">The date and time.</param>
public sealed record Moment(NodaTime.LocalDateTime Value) : PhraseValue
{
    /// <inheritdoc />
    public override string English => Value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>A term of the treaty (or of the record's fields): in English its id, elsewhere its name in the language.</summary>
/// <param name="Of">What it is.</param>
/// <param name="Id">Its id.</param>
public sealed record Term(TermKind Of, string Id) : PhraseValue
{
    /// <inheritdoc />
    public override string English => Id;
}

/// <summary>A phrase within a phrase.</summary>
/// <param name="Phrase">The phrase.</param>
public sealed record Part(Phrase Phrase) : PhraseValue
{
    /// <inheritdoc />
    public override string English => Phrase.English;
}

/// <summary>Phrases one after another.</summary>
/// <param name="Items">The phrases.</param>
/// <param name="Semicolons">Whether they are parted by semicolons (separate statements) rather than commas.</param>
public sealed record Parts(ImmutableArray<Phrase> Items, bool Semicolons) : PhraseValue
{
    /// <inheritdoc />
    public override string English => string.Join(Semicolons ? "; " : ", ", Items.Select(p => p.English));

    /// <inheritdoc />
    public bool Equals(Parts? other) => other is not null && Semicolons == other.Semicolons && Items.SequenceEqual(other.Items);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Semicolons, Items.Length);
}
