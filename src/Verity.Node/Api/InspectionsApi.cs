using System.ComponentModel;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Verity.Core.Inspections;
using Verity.Core.Records;

namespace Verity.Node.Api;

/// <summary><c>GET /inspections</c>: every inspection the logs the node holds give, derived from both parties' steps.</summary>
public static class InspectionsApi
{
    /// <summary>Maps the inspections endpoints.</summary>
    public static IEndpointRouteBuilder MapInspectionsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/inspections", ListAsync).WithName("GetInspections")
            .WithSummary("Every inspection in the logs held, with where it stands and its findings")
            .WithDescription("Derived from the inspection statements of both parties' logs (the notice, designation, pre-inspection information, commitments and reveals of the joint draw, selection, result, report, acknowledgement and ambiguities); steps that do not fit are named under problems. ?party= keeps those the party conducted or underwent.");
        app.MapGet("/inspections/{id}", OneAsync).WithName("GetInspection")
            .WithSummary("One inspection, with its steps and findings");
        return app;
    }

    private static async Task<Results<Ok<InspectionsResult>, ValidationProblem>> ListAsync(
        [Description("Only inspections this party conducted or underwent, e.g. US")] string? party,
        PartyRecords records, CancellationToken cancellationToken)
    {
        Verity.Core.PartyCode? only = null;
        if (party is not null)
        {
            if (!Verity.Core.PartyCode.TryParse(party, out var code) || !records.Treaty.HasParty(code))
            {
                return ApiProblems.Field("party", $"'{party}' is not a party of {records.Treaty.Name}: its parties are {string.Join(", ", records.Treaty.Parties.Select(p => p.Code))}", nothingStored: false);
            }

            only = code;
        }

        var trail = await records.InspectionsAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new InspectionsResult(records.Treaty.Id,
            [.. trail.Inspections.Where(i => only is null || i.Inspecting == only || i.Inspected == only).Select(i => InspectionResultView.From(trail, i))],
            [.. trail.Orphans]));
    }

    private static async Task<Results<Ok<InspectionResultView>, NotFound<string>>> OneAsync(
        [Description("The inspection's identifier")] string id, PartyRecords records, CancellationToken cancellationToken)
    {
        var trail = await records.InspectionsAsync(cancellationToken).ConfigureAwait(false);
        return trail[id] is { } inspection ? TypedResults.Ok(InspectionResultView.From(trail, inspection))
            : TypedResults.NotFound($"no inspection '{id}' in the logs held: GET /inspections lists them");
    }
}

/// <summary>The inspections in the logs held.</summary>
/// <param name="Treaty">The treaty.</param>
/// <param name="Inspections">Each inspection, by arrival.</param>
/// <param name="Orphans">Steps that name no inspection noticed in the logs held.</param>
public sealed record InspectionsResult(
    [property: JsonPropertyName("treaty")] string Treaty,
    [property: JsonPropertyName("inspections")] IReadOnlyList<InspectionResultView> Inspections,
    [property: JsonPropertyName("orphans")] IReadOnlyList<string> Orphans);

/// <summary>One inspection as both logs give it.</summary>
public sealed record InspectionResultView(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("inspecting")] string Inspecting,
    [property: JsonPropertyName("inspected")] string Inspected,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("arrival")] string Arrival,
    [property: JsonPropertyName("treaty_year")] int TreatyYear,
    [property: JsonPropertyName("site")] string? Site,
    [property: JsonPropertyName("stage")] string Stage,
    [property: JsonPropertyName("next")] string Next,
    [property: JsonPropertyName("listed")] IReadOnlyList<MissileView> Listed,
    [property: JsonPropertyName("seed")] string? Seed,
    [property: JsonPropertyName("selected")] IReadOnlyList<string> Selected,
    [property: JsonPropertyName("withheld")] IReadOnlyList<string> Withheld,
    [property: JsonPropertyName("counted")] IReadOnlyList<MissileView> Counted,
    [property: JsonPropertyName("findings")] IReadOnlyList<InspectionFindingView> Findings,
    [property: JsonPropertyName("open_ambiguities")] IReadOnlyList<string> OpenAmbiguities,
    [property: JsonPropertyName("steps")] IReadOnlyList<StepView> Steps,
    [property: JsonPropertyName("problems")] IReadOnlyList<string> Problems)
{
    /// <summary>The view of <paramref name="i"/> in <paramref name="trail"/>, as GET /inspections/{id} gives it.</summary>
    public static InspectionResultView From(InspectionTrail trail, InspectionState i)
    {
        ArgumentNullException.ThrowIfNull(trail);
        ArgumentNullException.ThrowIfNull(i);
        RecordInspectionStep?[] singles = [i.Designation, i.SiteInformation, i.Selection, i.Result, i.Report, i.Acknowledgement];
        var steps = new List<StepView> { new(i.Inspecting.Value, i.Notice.Index, i.Notice.Type) };
        steps.AddRange(singles.OfType<RecordInspectionStep>().Select(s => new StepView(Author(i, s.Type).Value, s.Index, s.Type)));
        steps.AddRange(i.Commitments.Concat(i.Reveals).Select(kv => new StepView(kv.Key.Value, kv.Value.Index, kv.Value.Type)));
        steps.AddRange(i.Ambiguities.Select(a => new StepView(a.Party.Value, a.Step.Index, a.Step.Type)));
        return new(i.Id, i.Inspecting.Value, i.Inspected.Value, i.NoticeStep.Type, PartiesApi.Iso(i.NoticeStep.Arrival), trail.TreatyYear(i), i.Site, i.Stage, i.Next,
            [.. i.Listed.Select(m => new MissileView(m.Uid, m.Warheads))], i.Seed,
            [.. (i.Selection?.Step as MissileSelection)?.Selected ?? []], [.. i.Withheld.Select(p => p.Value)],
            [.. ((i.Result?.Step as Verity.Core.Inspections.InspectionResult)?.Counted ?? []).Select(m => new MissileView(m.Uid, m.Warheads))],
            [.. i.Findings.Select(f => new InspectionFindingView(f.KindName, f.Subject, f.Declared, f.Found, f.Text))],
            [.. i.OpenAmbiguities.Select(a => $"{a.Ambiguity}: {a.Text}")],
            [.. steps.OrderBy(s => InspectionStatements.All.IndexOf(s.Type))], [.. i.Problems]);
    }

    private static Verity.Core.PartyCode Author(InspectionState i, string type) =>
        type is InspectionStatements.SiteInformation or InspectionStatements.Acknowledgement ? i.Inspected : i.Inspecting;
}

/// <summary>Reentry vehicles on a missile, declared or counted.</summary>
public sealed record MissileView([property: JsonPropertyName("uid")] string Uid, [property: JsonPropertyName("warheads")] int Warheads);

/// <summary>One finding of an inspection.</summary>
public sealed record InspectionFindingView(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("declared")] int? Declared,
    [property: JsonPropertyName("found")] int? Found,
    [property: JsonPropertyName("text")] string Text);

/// <summary>One step: who stated it, where in its log, and its type.</summary>
public sealed record StepView(
    [property: JsonPropertyName("party")] string Party,
    [property: JsonPropertyName("entry")] long Entry,
    [property: JsonPropertyName("type")] string Type);
