using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using NodaTime;
using Verity.Core;
using Verity.Reports.Dashboard;

namespace Verity.Node.Dashboard;

/// <summary>The dashboard's pages: <c>GET /</c>, <c>GET /dashboard/{party}</c>, <c>GET /dashboard/{party}/items/{uid}</c>;
/// each takes <c>?at=YYYY-MM-DD</c> (default: today, UTC).</summary>
public static class DashboardEndpoints
{
    /// <summary>Maps the dashboard's pages over the registered <see cref="IDashboardSource"/>.</summary>
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", OverviewAsync).WithName("Dashboard").WithSummary("The dashboard: every party and group (HTML)").Produces<string>(200, "text/html");
        app.MapGet("/dashboard/{party}", PartyAsync).WithName("PartyDashboard")
            .WithSummary("One party's dashboard: compliance charts, notifications, databases, findings, items, log integrity (HTML)").Produces<string>(200, "text/html");
        app.MapGet("/dashboard/{party}/items/{uid}", ItemAsync).WithName("ItemHistory")
            .WithSummary("One item's history (HTML)").Produces<string>(200, "text/html");
        return app;
    }

    private static async Task<ContentHttpResult> OverviewAsync(
        [Description("The date, YYYY-MM-DD (default today, UTC)")] string? at,
        HttpContext context, IStringLocalizer<Strings> text, CancellationToken cancellationToken)
    {
        var renderer = new DashboardRenderer(text);
        if (Source(context) is not { } source)
        {
            return Html(renderer.NotFound("this node has no dashboard source: no record of the treaty to derive it from"), StatusCodes.Status404NotFound);
        }

        if (!TryDate(at, context, out var date, out var problem))
        {
            return Html(renderer.NotFound($"at: {problem}"), StatusCodes.Status400BadRequest);
        }

        return Html(renderer.Overview(await source.OverviewAsync(date, cancellationToken).ConfigureAwait(false)));
    }

    private static async Task<ContentHttpResult> PartyAsync(
        [Description("A party of the treaty, e.g. US")] string party,
        [Description("The date, YYYY-MM-DD (default today, UTC)")] string? at,
        HttpContext context, IStringLocalizer<Strings> text, CancellationToken cancellationToken)
    {
        var renderer = new DashboardRenderer(text);
        if (!TryDate(at, context, out var date, out var problem))
        {
            return Html(renderer.NotFound($"at: {problem}"), StatusCodes.Status400BadRequest);
        }

        var model = Source(context) is { } source && PartyCode.TryParse(party, out var code)
            ? await source.PartyAsync(code, date, cancellationToken).ConfigureAwait(false)
            : null;
        return model is null
            ? Html(renderer.NotFound($"{party} is not a party of the treaty"), StatusCodes.Status404NotFound)
            : Html(renderer.Party(model));
    }

    private static async Task<ContentHttpResult> ItemAsync(
        [Description("The party whose item, e.g. US")] string party,
        [Description("The item's unique identifier")] string uid,
        HttpContext context, IStringLocalizer<Strings> text, CancellationToken cancellationToken)
    {
        var renderer = new DashboardRenderer(text);
        var model = Source(context) is { } source && PartyCode.TryParse(party, out var code)
            ? await source.ItemAsync(code, uid, cancellationToken).ConfigureAwait(false)
            : null;
        return model is null
            ? Html(renderer.NotFound($"{party}'s record holds no item {uid}"), StatusCodes.Status404NotFound)
            : Html(renderer.Item(model));
    }

    private static IDashboardSource? Source(HttpContext context) => context.RequestServices.GetService<IDashboardSource>();

    /// <summary>The page's date: <c>?at=</c> within <see cref="SupportedDates"/>, else today (UTC) by the node's clock.</summary>
    private static bool TryDate(string? at, HttpContext context, out LocalDate date, [NotNullWhen(false)] out string? problem)
    {
        if (at is null)
        {
            var clock = context.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System;
            date = LocalDate.FromDateTime(clock.GetUtcNow().UtcDateTime);
            problem = null;
            return true;
        }

        return SupportedDates.TryParse(at, out date, out problem);
    }

    private static ContentHttpResult Html(string html, int status = StatusCodes.Status200OK) =>
        TypedResults.Content(html, "text/html; charset=utf-8", statusCode: status);
}
