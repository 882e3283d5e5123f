using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using NodaTime.Text;
using Verity.Core;
using Verity.Core.Compliance;
using Verity.Core.Records;

namespace Verity.Node.Api;

/// <summary>
/// <c>GET /parties/{party}/…</c>: the views of a party derived from the statements in its log plus the treaty —
/// forces, compliance, deadlines, reconciliation findings, an item's history, and the entries that could not be read.
/// Its groups' limits and the replies it owes come from the <see cref="TreatyRecord"/> over every log the node holds.
/// Nothing here is stored: each answer is recomputed from the logs (the records are cached by tree size).
/// </summary>
public static class PartiesApi
{
    /// <summary>What a compliance answer says when no database is declared on or before the date.</summary>
    public const string NoDeclarationNote = "no database is declared on or before this date: there are no forces to count, so values are null (not zero); statuses show only the treaty's standing";

    /// <summary>What a compliance or findings answer says when the treaty has no data exchange: nothing can be declared.</summary>
    public static string NoDataExchangeNote(string treatyId) =>
        $"treaty {treatyId} has no data exchange: no database can be declared, so there are no forces to count and no databases to reconcile; values are null (not zero) and statuses show only the treaty's standing";

    /// <summary>Maps the views.</summary>
    public static IEndpointRouteBuilder MapPartiesApi(this IEndpointRouteBuilder app)
    {
        var parties = app.MapGroup("/parties/{party}").WithTags("Views");
        parties.MapGet("/forces", ForcesAsync).WithName("GetForces")
            .WithSummary("A party's forces on a date, from its declarations and notifications")
            .WithDescription("The latest database the party declared on or before the date, plus the changes it notified after that database up to the date. Items listed one by one (missiles, bombers) are given item by item; items counted by location (launchers) stand as of the database.");
        parties.MapGet("/compliance", ComplianceAsync).WithName("GetCompliance")
            .WithSummary("Each limit for a party and its groups on a date: counted from the forces, beside its declared aggregates")
            .WithDescription("Values are counted by the treaty's rules over the forces of /forces, with the aggregate numbers the basis database declares beside them. Without a database on or before the date, values are null and the answer says so. A group's limits count the forces of all its members, from every log the node holds; each group names the members whose logs are held, missing, or declare nothing yet, and its values are null (not a partial sum) unless every member's forces are known.");
        parties.MapGet("/deadlines", DeadlinesAsync).WithName("GetDeadlines")
            .WithSummary("A party's notification obligations on a date: on time, late, overdue, pending")
            .WithDescription(RecordDeadlines.Coverage);
        parties.MapGet("/findings", FindingsAsync).WithName("GetFindings")
            .WithSummary("Reconciliation of a party's databases with its notifications, as of a date")
            .WithDescription("Each database is checked against the previous one plus the changes notified between them; late notifications, missing databases and impossible transitions are reported, as `verity reconcile` does; and each inspection of the party up to the date, its result against the party's database (more-warheads-than-declared, undeclared-item, declared-elsewhere, missing-from-site, site-numbers-differ).");
        parties.MapGet("/items/{uid}", ItemAsync).WithName("GetItemHistory")
            .WithSummary("Every statement that mentions an item, in date order")
            .WithDescription("Each database that lists the item (with the item as listed) and each notification about it, with the log entry that holds it.");
        parties.MapGet("/diagnostics", DiagnosticsAsync).WithName("GetDiagnostics")
            .WithSummary("The entries of a party's log that could not be read into its record")
            .WithDescription("Each names the entry (\"entry N\") and the field. Such entries are left out of every view.");
        return app;
    }

    private static async Task<Results<Ok<ForcesResult>, NotFound<string>, ValidationProblem>> ForcesAsync(
        [Description("A party of the treaty, e.g. US")] string party,
        [Description("The date, YYYY-MM-DD (UTC)")] string? at,
        PartyRecords records, CancellationToken cancellationToken)
    {
        var (record, date, error) = await ResolveAsync(party, at, records, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return error.AsForces();
        }

        var forces = record!.ForcesAt(date);
        return TypedResults.Ok(ForcesResult.From(record, forces));
    }

    private static async Task<Results<Ok<PartyComplianceResult>, NotFound<string>, ValidationProblem>> ComplianceAsync(
        [Description("A party of the treaty, e.g. US")] string party,
        [Description("The date, YYYY-MM-DD (UTC)")] string? at,
        PartyRecords records, CancellationToken cancellationToken)
    {
        var (record, date, error) = await ResolveAsync(party, at, records, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return error.AsCompliance();
        }

        // The party's groups count every member's forces: the answer rests on every log the node holds.
        var treaty = await records.TreatyAsync(cancellationToken).ConfigureAwait(false);
        var compliance = treaty.ComplianceAt(date, record!.Party);
        return TypedResults.Ok(PartyComplianceResult.From(treaty, compliance, record.Party));
    }

    private static async Task<Results<Ok<DeadlinesResult>, NotFound<string>, ValidationProblem>> DeadlinesAsync(
        [Description("A party of the treaty, e.g. US")] string party,
        [Description("The date, YYYY-MM-DD (UTC)")] string? at,
        PartyRecords records, CancellationToken cancellationToken)
    {
        var (record, date, error) = await ResolveAsync(party, at, records, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return error.AsDeadlines();
        }

        // Replies are owed to the other parties' notifications, read from their logs where the node holds them.
        var treaty = await records.TreatyAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(DeadlinesResult.From(treaty[record!.Party]!, treaty.DeadlinesAt(record.Party, date)!));
    }

    private static async Task<Results<Ok<FindingsResult>, NotFound<string>, ValidationProblem>> FindingsAsync(
        [Description("A party of the treaty, e.g. US")] string party,
        [Description("The date, YYYY-MM-DD (UTC)")] string? at,
        PartyRecords records, CancellationToken cancellationToken)
    {
        var (record, date, error) = await ResolveAsync(party, at, records, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return error.AsFindings();
        }

        var inspections = await records.InspectionsAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(FindingsResult.From(record!, date, record!.FindingsAt(date), inspections));
    }

    private static async Task<Results<Ok<ItemHistoryResult>, NotFound<string>, ValidationProblem>> ItemAsync(
        [Description("A party of the treaty, e.g. US")] string party,
        [Description("The item's unique identifier, e.g. US-ICBM-MM3-0001")] string uid,
        PartyRecords records, CancellationToken cancellationToken)
    {
        if (uid.Length is 0 or > MaxUid || uid.Any(char.IsControl))
        {
            return Problem("uid", $"'{uid}' is not a unique identifier: 1 to {MaxUid} characters, no control characters");
        }

        var (record, _, error) = await ResolveAsync(party, "1970-01-01", records, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return error.AsItem();
        }

        var history = record!.HistoryOf(uid);
        return history.IsEmpty
            ? TypedResults.NotFound($"no statement in {record.Party}'s log mentions item {uid}")
            : TypedResults.Ok(ItemHistoryResult.From(record, uid, history));
    }

    private static async Task<Results<Ok<DiagnosticsResult>, NotFound<string>>> DiagnosticsAsync(
        [Description("A party of the treaty, e.g. US")] string party,
        PartyRecords records, CancellationToken cancellationToken)
    {
        var (record, _, error) = await ResolveAsync(party, "1970-01-01", records, cancellationToken).ConfigureAwait(false);
        if (error?.NotFound is { } notFound)
        {
            return notFound;
        }

        return TypedResults.Ok(DiagnosticsResult.From(record!));
    }

    private const int MaxUid = 128;

    /// <summary>The party's record and the date, or the 404/400 that answers instead.</summary>
    private static async Task<(PartyRecord? Record, LocalDate Date, Failure? Error)> ResolveAsync(string party, string? at, PartyRecords records, CancellationToken cancellationToken)
    {
        var treaty = records.Treaty;
        if (!PartyCode.TryParse(party, out var code) || !treaty.Parties.Any(p => p.Code == code))
        {
            return (null, default, new Failure(TypedResults.NotFound($"{party} is not a party of {treaty.Id} ({string.Join(", ", treaty.Parties.Select(p => p.Code.Value))})"), null));
        }

        if (at is null)
        {
            return (null, default, new Failure(null, Problem("at", "required: a date YYYY-MM-DD")));
        }

        if (!SupportedDates.TryParse(at, out var date, out var problem))
        {
            return (null, default, new Failure(null, Problem("at", problem)));
        }

        var record = await records.GetAsync(code, cancellationToken).ConfigureAwait(false);
        return record is null
            ? (null, default, new Failure(TypedResults.NotFound($"this node holds no log of {code}: it holds {string.Join(", ", records.Parties)}"), null))
            : (record, date, null);
    }

    private static ValidationProblem Problem(string field, string message) => ApiProblems.Field(field, message, nothingStored: false);

    private sealed record Failure(NotFound<string>? NotFound, ValidationProblem? Invalid)
    {
        public Results<Ok<ForcesResult>, NotFound<string>, ValidationProblem> AsForces() => NotFound is not null ? NotFound : Invalid!;

        public Results<Ok<PartyComplianceResult>, NotFound<string>, ValidationProblem> AsCompliance() => NotFound is not null ? NotFound : Invalid!;

        public Results<Ok<DeadlinesResult>, NotFound<string>, ValidationProblem> AsDeadlines() => NotFound is not null ? NotFound : Invalid!;

        public Results<Ok<FindingsResult>, NotFound<string>, ValidationProblem> AsFindings() => NotFound is not null ? NotFound : Invalid!;

        public Results<Ok<ItemHistoryResult>, NotFound<string>, ValidationProblem> AsItem() => NotFound is not null ? NotFound : Invalid!;
    }

    internal static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    internal static string Iso(LocalDateTime time) => LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm").Format(time);

    internal static string? LimitStatusWithout(LimitResult limit, bool declared) =>
        declared || limit.Status is not (LimitStatus.Within or LimitStatus.Exceeds) ? StatusWords.Of(limit.Status) : "no-declaration";
}
