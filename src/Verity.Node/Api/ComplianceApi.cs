using System.ComponentModel;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime.Text;
using Verity.Core;
using Verity.Core.Compliance;
using Verity.Core.Items;
using Verity.Core.Treaties;

namespace Verity.Node.Api;

/// <summary><c>GET /parties/{party}/compliance</c>: the treaty's limits for a party on a date, derived, never stored.</summary>
/// <remarks>The node has no inventory source yet (declarations are not read back from the logs), so the limits are
/// evaluated over an <b>empty</b> inventory: the answer gives the treaty's standing and each limit's status on the date,
/// and says that its counts are not a party's forces.</remarks>
public static class ComplianceApi
{
    /// <summary>What every answer says about its inventory until the node derives one from declarations.</summary>
    public const string EmptyInventoryNote = "no inventory source yet: limits are evaluated over an empty inventory, so values are 0 and show the treaty's standing and each limit's status on the date, not the party's forces";

    /// <summary>Maps the compliance endpoint.</summary>
    public static IEndpointRouteBuilder MapComplianceApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/parties/{party}/compliance", Compliance).WithName("GetCompliance")
            .WithSummary("The treaty's standing and limits for a party on a date (over an empty inventory for now)");
        return app;
    }

    private static Results<Ok<ComplianceResult>, NotFound<string>, ValidationProblem> Compliance(
        [Description("A party of the treaty, e.g. US")] string party,
        [Description("The date, YYYY-MM-DD (UTC)")] string? at,
        PartyLog log)
    {
        var treaty = log.Treaty;
        if (!PartyCode.TryParse(party, out var code) || !treaty.Parties.Any(p => p.Code == code))
        {
            return TypedResults.NotFound($"{party} is not a party of {treaty.Id} ({string.Join(", ", treaty.Parties.Select(p => p.Code.Value))})");
        }

        if (at is null)
        {
            return Problem("at", "required: a date YYYY-MM-DD");
        }

        var parsed = LocalDatePattern.Iso.Parse(at);
        if (!parsed.Success)
        {
            return Problem("at", $"'{at}' is not a date YYYY-MM-DD");
        }

        var date = parsed.Value;
        var report = ComplianceEvaluator.Evaluate(treaty, Inventory.Empty, date, Interpretation.Agreed, code);
        return TypedResults.Ok(new ComplianceResult(
            treaty.Id, code.Value, LocalDatePattern.Iso.Format(date), report.Interpretation.Id, StatusWords.Of(report.Standing), "empty", EmptyInventoryNote,
            [.. report.Scopes.Select(s => new ScopeResult(s.Scope, [.. s.Members.Select(m => m.Value)], StatusWords.Of(s.Standing),
                [.. s.Limits.Select(l => new LimitResultJson(l.Limit.Id, l.Limit.Article, l.Value, l.Ceiling, l.Margin, StatusWords.Of(l.Status)))]))]));
    }

    private static ValidationProblem Problem(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [$"{field}: {message}"] }, detail: $"{field}: {message}");
}

/// <summary>A party's compliance on a date.</summary>
/// <param name="Treaty">The treaty's id.</param>
/// <param name="Party">The party.</param>
/// <param name="At">The date.</param>
/// <param name="Interpretation">The reading (always "agreed" for now).</param>
/// <param name="Standing">The treaty's standing on the date.</param>
/// <param name="Inventory">Where the counted items came from: "empty" until the node derives inventories.</param>
/// <param name="Note">What the inventory means for the values.</param>
/// <param name="Scopes">The party and each group it belongs to, with their limits.</param>
public sealed record ComplianceResult(
    [property: JsonPropertyName("treaty")] string Treaty,
    [property: JsonPropertyName("party")] string Party,
    [property: JsonPropertyName("at")] string At,
    [property: JsonPropertyName("interpretation")] string Interpretation,
    [property: JsonPropertyName("standing")] string Standing,
    [property: JsonPropertyName("inventory")] string Inventory,
    [property: JsonPropertyName("note")] string Note,
    [property: JsonPropertyName("scopes")] IReadOnlyList<ScopeResult> Scopes);

/// <summary>A party or group and its limits.</summary>
/// <param name="Scope">The party or group.</param>
/// <param name="Members">Its parties.</param>
/// <param name="Standing">The treaty's standing for it.</param>
/// <param name="Limits">Its limits.</param>
public sealed record ScopeResult(
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("members")] IReadOnlyList<string> Members,
    [property: JsonPropertyName("standing")] string Standing,
    [property: JsonPropertyName("limits")] IReadOnlyList<LimitResultJson> Limits);

/// <summary>One limit's figure and status.</summary>
/// <param name="Id">The limit's id.</param>
/// <param name="Article">Where the treaty sets it.</param>
/// <param name="Value">The counted value.</param>
/// <param name="Max">The ceiling.</param>
/// <param name="Margin">Ceiling minus value.</param>
/// <param name="Status">within, exceeds, not-yet-in-effect, treaty-not-in-force, suspended or expired.</param>
public sealed record LimitResultJson(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("article")] string? Article,
    [property: JsonPropertyName("value")] long Value,
    [property: JsonPropertyName("max")] long Max,
    [property: JsonPropertyName("margin")] long Margin,
    [property: JsonPropertyName("status")] string Status);
