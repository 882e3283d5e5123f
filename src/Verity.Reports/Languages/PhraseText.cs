using System.Collections.Immutable;
using System.Globalization;
using System.Resources;
using Verity.Core.Notifications;
using Verity.Core.Text;
using Verity.Core.Treaties;

namespace Verity.Reports.Languages;

/// <summary>
/// The core's phrases (<see cref="Phrase"/>: findings, the ledger's refusals, inspection findings) worded in one
/// language: the wording from <c>PhraseStrings.resx</c> (English, the core's own wording) or
/// <c>PhraseStrings.&lt;code&gt;.resx</c> under the wording's key, each value as the language writes it — counts grouped
/// in its digits, entries in its digits, dates in its calendar, times in its digits, the treaty's kinds, statuses and
/// notification types by their names in the treaty data, changes by the words notification renderings give them.
/// </summary>
/// <remarks>A wording missing from the resources is a bug, never a blank: <see cref="Word(Phrase)"/> throws, and the test of the
/// resources finds it first. A term the treaty data does not name is shown by its id, as the English is.</remarks>
public sealed class PhraseText
{
    private static readonly ResourceManager Resources = new("Verity.Reports.Languages.PhraseStrings", typeof(PhraseText).Assembly);

    private readonly ImmutableDictionary<string, string> _kinds;
    private readonly ImmutableDictionary<string, string> _statuses;
    private readonly ImmutableDictionary<string, string> _notifications;

    /// <summary>Words phrases in <paramref name="language"/>, naming terms by the treaty vocabulary given.</summary>
    /// <param name="language">The language.</param>
    /// <param name="kinds">The treaty's item kinds.</param>
    /// <param name="statuses">The treaty's statuses.</param>
    /// <param name="notifications">The treaty's notification types.</param>
    public PhraseText(Language language, IEnumerable<VocabularyEntry> kinds, IEnumerable<VocabularyEntry> statuses, IEnumerable<NotificationType> notifications)
    {
        ArgumentNullException.ThrowIfNull(language);
        Language = language;
        _kinds = Names(kinds.Select(k => (k.Id, k.NameIn(language.Code))));
        _statuses = Names(statuses.Select(s => (s.Id, s.NameIn(language.Code))));
        _notifications = Names(notifications.Select(n => (n.Id, n.NameIn(language.Code))));
    }

    /// <summary>Words phrases in <paramref name="language"/>, naming terms by <paramref name="treaty"/>'s vocabulary.</summary>
    public static PhraseText For(Treaty treaty, Language language)
    {
        ArgumentNullException.ThrowIfNull(treaty);
        return new(language, treaty.ItemKinds, treaty.Statuses, treaty.Notifications);
    }

    /// <summary>The language phrases are worded in.</summary>
    public Language Language { get; }

    /// <summary>The wording of <paramref name="key"/> in <paramref name="language"/>, from the resources alone (no fallback
    /// to English); <c>null</c> when the language's resources lack it.</summary>
    public static string? WordingIn(string key, Language language)
    {
        ArgumentNullException.ThrowIfNull(language);
        // The set is the ResourceManager's own, cached: it is not disposed here.
        var set = Resources.GetResourceSet(language.Code == Languages.English.Code ? CultureInfo.InvariantCulture : language.Culture, createIfNotExists: true, tryParents: false);
        return set?.GetString(key);
    }

    /// <summary><paramref name="phrase"/> in the language; in English, the core's own wording, word for word what the
    /// command line and the API give.</summary>
    /// <exception cref="InvalidOperationException">The resources have no wording for the phrase's key.</exception>
    public string Word(Phrase phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        if (Language.Code == Languages.English.Code)
        {
            return phrase.English;
        }

        var wording = Text(phrase.Wording.Key);
        return phrase.Values.IsEmpty ? wording
            : string.Format(Language.Culture, wording, [.. phrase.Values.Select(v => (object)Word(v))]);
    }

    private string Word(PhraseValue value) => value switch
    {
        Literal l => l.Text,
        Named n => n.Names.GetValueOrDefault(Language.Code) ?? n.Text,
        Count c => Language.Number(c.Value),
        Numeral n => Language.Digits(n.Value.ToString(CultureInfo.InvariantCulture)),
        Quantity q => (q.Plus ? "+" : string.Empty) + Language.Digits(q.Value.ToString(q.Format, Language.Culture)),
        Day d => Language.Date(d.Value),
        Moment m => Language.DateTime(m.Value, keepMidnight: true),
        Term t => Name(t.Of, t.Id),
        Part p => Word(p.Phrase),
        Parts p => string.Join(Separator(p.Semicolons), p.Items.Select(Word)),
        _ => value.English,
    };

    /// <summary>A term by its name in the language: a kind, status or notification type by the treaty's vocabulary (its
    /// id where the vocabulary gives no name), a change by the notification renderings' word, a field or a measure of
    /// the estimates (<c>stockpile</c>; <c>launchers:DF-41</c>, the system's type as it is) from the resources.</summary>
    public string Name(TermKind of, string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return of switch
        {
            TermKind.ItemKind => _kinds.GetValueOrDefault(id) ?? id,
            TermKind.Status => _statuses.GetValueOrDefault(id) ?? id,
            TermKind.NotificationType => _notifications.GetValueOrDefault(id) ?? id,
            TermKind.Event => NotificationRenderer.EventWord(id, Language.Code),
            TermKind.Field => Text("Field_" + id),
            TermKind.Measure => id.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0
                ? string.Format(Language.Culture, Text("Measure_" + id[..colon]), id[(colon + 1)..])
                : Text("Measure_" + id),
            _ => id,
        };
    }

    /// <summary>What parts a list in the language: its semicolon (separate statements) or its comma (the items of one),
    /// with the space that follows; <c>; </c> and <c>, </c> in English.</summary>
    public string Separator(bool semicolons) => Text(semicolons ? "Separator_Semicolon" : "Separator_Comma");

    private string Text(string key) => Resources.GetString(key, Language.Culture)
        ?? throw new InvalidOperationException($"no wording '{key}' in {Resources.BaseName}.resx");

    private static ImmutableDictionary<string, string> Names(IEnumerable<(string Id, string Name)> names)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (id, name) in names)
        {
            builder[id] = name;
        }

        return builder.ToImmutable();
    }
}
