using System.Collections.Immutable;
using NodaTime;
using Verity.Core;
using Verity.Core.Analysis.Replay;
using Verity.Core.Exchanges;
using Verity.Core.Items;
using Verity.Core.Loading;
using Verity.Core.Notifications;
using Verity.Core.Treaties;

namespace Verity.Cli.Commands;

/// <summary>A record's notifications: what each party owed (from the replayed ledger) and what it provided.</summary>
internal sealed record NotificationRecord(Treaty Treaty, Ledger Ledger, ImmutableArray<Obligation> Owed, ImmutableArray<NotificationDocument> Provided, bool Honest)
{
    /// <summary>Loads a bundled record; the notifications provided are the honest record's, or those of <paramref name="sentPath"/>.</summary>
    public static NotificationRecord Load(CliContext context, string record, string? sentPath, LocalDate until) =>
        From(ReplayCommand.Load(context, record, null), sentPath, until);

    /// <summary>The notifications of a record already replayed.</summary>
    public static NotificationRecord From(ReplayResult replay, string? sentPath, LocalDate until)
    {
        var treaty = replay.Treaty;
        var provided = sentPath is null
            ? (ImmutableArray<NotificationDocument>?)null
            : NotificationReader.Parse(CommandLineInput.ReadText(sentPath, "--sent"), sentPath, treaty, Declared(replay.Ledger));

        // Replies are owed for the notifications received, so what is owed follows what was provided.
        var owed = treaty.Parties
            .SelectMany(p => ObligationGenerator.Generate(treaty, p.Code, replay.Ledger, [], provided ?? [], until))
            .ToImmutableArray();
        return provided is { } given
            ? new NotificationRecord(treaty, replay.Ledger, owed, given, Honest: false)
            : new NotificationRecord(treaty, replay.Ledger, owed, NotificationPlan.Provide(owed), Honest: true);
    }

    /// <summary>Every uid each party's record ever held.</summary>
    public static IReadOnlyDictionary<PartyCode, IReadOnlySet<string>> Declared(Ledger ledger) =>
        ledger.Events.OfType<ItemProduced>()
            .GroupBy(e => e.Item.Party)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(e => e.Uid).ToHashSet(StringComparer.Ordinal));

    /// <summary>
    /// The fields a notification carries, with the content hash of the party's database filled in where the type has
    /// a <c>database</c> field and an exchange definition exists for the treaty.
    /// </summary>
    public IReadOnlyDictionary<string, string> FieldsOf(CliContext context, Obligation obligation, NotificationDocument? provided)
    {
        var fields = provided?.Fields ?? obligation.Fields;
        if (obligation.Type.Field("database") is null
            || (fields.TryGetValue("database", out var given) && given != NotificationPlan.NotInRecord)
            || !fields.TryGetValue("as_of", out var asOf))
        {
            return fields;
        }

        var path = Path.Combine(context.DataDirectory, "exchanges", Treaty.Id + ".yaml");
        if (!File.Exists(path))
        {
            return fields;
        }

        _exchange ??= ExchangeReader.Parse(CommandLineInput.ReadText(path, "exchange"), path, Treaty);
        var date = CommandLineInput.ParseDate(asOf, "as_of", default);
        var hash = Database.Build(_exchange, Treaty, Ledger, obligation.Party, date).Hash.ToString();
        return fields.SetItem("database", "sha256:" + hash);
    }

    private ExchangeDefinition? _exchange;

    public IEnumerable<PartyCode> Parties(PartyCode? only) => Treaty.Parties.Select(p => p.Code).Where(p => only is null || p == only);

    public DeadlineReport Track(PartyCode party, LocalDate asOf) => DeadlineTracker.Track(Treaty, party, Owed, Provided, asOf);
}
