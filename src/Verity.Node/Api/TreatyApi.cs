using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Verity.Core;
using Verity.Core.Records;

namespace Verity.Node.Api;

/// <summary>
/// <c>GET /treaty/…</c>: the views of the whole treaty, derived from the <see cref="TreatyRecord"/> over every log the
/// node holds (its own and its mirrors). A party whose log is not held is listed as missing, never counted as zero.
/// </summary>
public static class TreatyApi
{
    /// <summary>Maps the views.</summary>
    public static IEndpointRouteBuilder MapTreatyApi(this IEndpointRouteBuilder app)
    {
        var treaty = app.MapGroup("/treaty").WithTags("Views");
        treaty.MapGet("/compliance", ComplianceAsync).WithName("GetTreatyCompliance")
            .WithSummary("Every party's and every group's limits on a date, from every log the node holds")
            .WithDescription("Each party whose log the node holds, as /parties/{party}/compliance gives it, and each group's limits counted by the treaty's rules over the combined forces of its members. A group names the members whose logs are held, missing or declare nothing yet; its values are null (not a partial sum) unless every member's forces are known. Parties whose logs are not held are listed under missing.");
        return app;
    }

    private static async Task<Results<Ok<TreatyComplianceResult>, ValidationProblem>> ComplianceAsync(
        [Description("The date, YYYY-MM-DD (UTC)")] string? at,
        PartyRecords records, CancellationToken cancellationToken)
    {
        if (at is null)
        {
            return ApiProblems.Field("at", "required: a date YYYY-MM-DD", nothingStored: false);
        }

        if (!SupportedDates.TryParse(at, out var date, out var problem))
        {
            return ApiProblems.Field("at", problem, nothingStored: false);
        }

        var treaty = await records.TreatyAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(TreatyComplianceResult.From(treaty, treaty.ComplianceAt(date)));
    }
}
