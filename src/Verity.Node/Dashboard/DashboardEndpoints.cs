using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using NodaTime;
using Verity.Core;
using Verity.Core.Text;
using Verity.Core.Treaties;
using Verity.Node.Api;
using Verity.Reports.Dashboard;
using Verity.Reports.Languages;

namespace Verity.Node.Dashboard;

/// <summary>
/// The dashboard's pages: <c>GET /</c>, <c>GET /dashboard/{party}</c>, <c>GET /dashboard/{party}/items/{uid}</c>. Each
/// takes <c>?at=YYYY-MM-DD</c> (default: today, UTC, or the treaty's last day in force once it has ended: see
/// <see cref="IDashboardSource.DateAsync"/>); a party's page also <c>kind</c>, <c>status</c>, <c>base</c> and
/// <c>page</c> for its items (<see cref="ItemFilter"/>).
/// </summary>
/// <remarks>A request that cannot be answered is an HTML page titled by its status (400 "Bad request", 404 "Not found")
/// naming the parameter, the party or the item; a client that asks for JSON (<c>Accept: application/json</c> or
/// <c>application/problem+json</c>, and not <c>text/html</c>) gets the API's problem details instead.</remarks>
public static class DashboardEndpoints
{
    /// <summary>The cookie that keeps the language chosen with <c>?lang=</c> for the pages that follow.</summary>
    public const string LanguageCookie = "verity-lang";

    /// <summary>The longest filter value read: a kind, status or base longer than this is refused naming it.</summary>
    public const int MaxFilterLength = 200;

    /// <summary>
    /// The page's renderer in its language: <c>?lang=</c> when given (kept in a cookie for the pages that follow), else
    /// the language the cookie kept, else the one <c>Accept-Language</c> prefers among those the dashboard is translated
    /// into, else English; and, when <c>?lang=</c> names no such language, why (the page is then a 400 naming them).
    /// </summary>
    private static (DashboardRenderer Renderer, Phrase? Unknown) Renderer(HttpContext context, IStringLocalizer<Strings> text)
    {
        var translated = DashboardRenderer.Translated;
        var asked = context.Request.Query["lang"].ToString();
        Phrase? unknown = null;
        Language? language = null;
        if (asked.Length > 0)
        {
            language = Languages.Find(asked, translated);
            if (language is null)
            {
                unknown = Languages.Unknown(asked, translated, l => l.Name);
            }
            else
            {
                context.Response.Cookies.Append(LanguageCookie, language.Code, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/", MaxAge = TimeSpan.FromDays(365), Secure = context.Request.IsHttps });
            }
        }

        language ??= Languages.Find(context.Request.Cookies[LanguageCookie], translated)
            ?? Languages.Negotiate(context.Request.Headers.AcceptLanguage.ToString(), translated);

        // The strings are looked up in the UI culture of the request (ResourceManager's satellite for the language). The
        // page differs by the cookie and Accept-Language: a shared cache must not serve it to another reader.
        CultureInfo.CurrentUICulture = language.Culture;
        context.Response.Headers.ContentLanguage = language.Code;
        context.Response.Headers.Vary = "Accept-Language, Cookie";
        return (new DashboardRenderer(text, language), unknown);
    }

    /// <summary>Maps the dashboard's pages over the registered <see cref="IDashboardSource"/>.</summary>
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", OverviewAsync).WithName("Dashboard").WithSummary("The dashboard: every party and group (HTML)")
            .Produces<string>(200, "text/html").Produces<string>(400, "text/html").Produces<string>(404, "text/html");
        app.MapGet("/dashboard/{party}", PartyAsync).WithName("PartyDashboard")
            .WithSummary("One party's dashboard: compliance charts, notifications, databases, findings, items (100 a page, filtered by kind, status and base), log integrity (HTML)")
            .Produces<string>(200, "text/html").Produces<string>(400, "text/html").Produces<string>(404, "text/html");
        app.MapGet("/dashboard/{party}/items/{uid}", ItemAsync).WithName("ItemHistory")
            .WithSummary("One item's history up to the date (HTML)")
            .Produces<string>(200, "text/html").Produces<string>(400, "text/html").Produces<string>(404, "text/html");
        return app;
    }

    private static async Task<IResult> OverviewAsync(
        [Description("The date, YYYY-MM-DD (default today, UTC; once the treaty has ended, its last day in force)")] string? at,
        HttpContext context, IStringLocalizer<Strings> text, CancellationToken cancellationToken)
    {
        var (renderer, unknownLanguage) = Renderer(context, text);
        if (unknownLanguage is not null)
        {
            return BadRequest(context, renderer, "lang", unknownLanguage);
        }
        if (Source(context) is not { } source)
        {
            return NoSource(context, renderer);
        }

        if (!TryDate(at, out var asked, out var problem))
        {
            return BadRequest(context, renderer, "at", problem);
        }

        var date = await source.DateAsync(asked, Today(context), cancellationToken).ConfigureAwait(false);
        var model = await source.OverviewAsync(date.At, renderer.Language.Code, cancellationToken).ConfigureAwait(false);
        return Html(renderer.Overview(model with { Node = source.Node(Address(context), renderer.Language.Code), Date = date }));
    }

    private static async Task<IResult> PartyAsync(
        [Description("A party of the treaty, e.g. US")] string party,
        [Description("The date, YYYY-MM-DD (default today, UTC; once the treaty has ended, its last day in force)")] string? at,
        [Description("Only items of this kind of the treaty, e.g. icbm (default: every kind)")] string? kind,
        [Description("Only items of this status of the treaty, e.g. deployed (default: every status)")] string? status,
        [Description("Only items at this base (location), exactly as the databases list it (default: every base)")] string? @base,
        [Description("The page of items, from 1, 100 a page (default 1)")] string? page,
        HttpContext context, IStringLocalizer<Strings> text, CancellationToken cancellationToken)
    {
        var (renderer, unknownLanguage) = Renderer(context, text);
        if (unknownLanguage is not null)
        {
            return BadRequest(context, renderer, "lang", unknownLanguage);
        }
        if (!TryDate(at, out var asked, out var problem))
        {
            return BadRequest(context, renderer, "at", problem);
        }

        if (!TryPage(page, out var number, out problem))
        {
            return BadRequest(context, renderer, "page", problem);
        }

        if (Source(context) is not { } source)
        {
            return NoSource(context, renderer);
        }

        var date = await source.DateAsync(asked, Today(context), cancellationToken).ConfigureAwait(false);
        var model = PartyCode.TryParse(party, out var code) ? await source.PartyAsync(code, date.At, renderer.Language.Code, cancellationToken).ConfigureAwait(false) : null;
        if (model is null)
        {
            return NotFound(context, renderer, Wordings.NotAParty.With(party));
        }

        if (!TryTerm("kind", kind, model.Kinds, model.TreatyName, out var kindId, out problem))
        {
            return BadRequest(context, renderer, "kind", problem);
        }

        if (!TryTerm("status", status, model.Statuses, model.TreatyName, out var statusId, out problem))
        {
            return BadRequest(context, renderer, "status", problem);
        }

        if (@base is { Length: > MaxFilterLength })
        {
            return BadRequest(context, renderer, "base", Wordings.BaseTooLong.With(@base.Length, MaxFilterLength));
        }

        var filter = new ItemFilter(kindId, statusId, string.IsNullOrEmpty(@base) ? null : @base, number);
        var matching = filter.Matching(model.Items).Length;
        if (number > ItemFilter.Pages(matching))
        {
            return BadRequest(context, renderer, "page", (filter.IsFiltered ? Wordings.BeyondFilter : Wordings.BeyondDate).With(number, ItemFilter.Pages(matching), matching, ItemFilter.PageSize));
        }

        return Html(renderer.Party(model with { Node = source.Node(Address(context), renderer.Language.Code), Date = date, Filter = filter }));
    }

    private static async Task<IResult> ItemAsync(
        [Description("The party whose item, e.g. US")] string party,
        [Description("The item's unique identifier")] string uid,
        [Description("The date, YYYY-MM-DD: the statements up to it (default today, UTC; once the treaty has ended, its last day in force)")] string? at,
        HttpContext context, IStringLocalizer<Strings> text, CancellationToken cancellationToken)
    {
        var (renderer, unknownLanguage) = Renderer(context, text);
        if (unknownLanguage is not null)
        {
            return BadRequest(context, renderer, "lang", unknownLanguage);
        }
        if (!TryDate(at, out var asked, out var problem))
        {
            return BadRequest(context, renderer, "at", problem);
        }

        if (Source(context) is not { } source)
        {
            return NoSource(context, renderer);
        }

        var model = PartyCode.TryParse(party, out var code)
            ? await source.ItemAsync(code, uid, renderer.Language.Code, cancellationToken).ConfigureAwait(false)
            : null;
        if (model is null)
        {
            return NotFound(context, renderer, Wordings.NoItem.With(party, uid));
        }

        var date = await source.DateAsync(asked, Today(context), cancellationToken).ConfigureAwait(false);
        return Html(renderer.Item(model with { Node = source.Node(Address(context), renderer.Language.Code), Date = date }));
    }

    private static IDashboardSource? Source(HttpContext context) => context.RequestServices.GetService<IDashboardSource>();

    /// <summary>Today (UTC) by the node's clock.</summary>
    private static LocalDate Today(HttpContext context)
    {
        var clock = context.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System;
        return LocalDate.FromDateTime(clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>Where the page was reached, as the request says: scheme, host and port.</summary>
    private static string Address(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";

    /// <summary>The date asked for: <c>?at=</c> within <see cref="SupportedDates"/>; <c>null</c> when none was.</summary>
    private static bool TryDate(string? at, out LocalDate? date, [NotNullWhen(false)] out Phrase? problem)
    {
        date = null;
        problem = null;
        if (at is null)
        {
            return true;
        }

        if (!SupportedDates.TryRead(at, out var parsed, out problem))
        {
            return false;
        }

        date = parsed;
        return true;
    }

    /// <summary>The page of items: <c>?page=</c>, a whole number from 1; 1 when absent or empty.</summary>
    private static bool TryPage(string? text, out int page, [NotNullWhen(false)] out Phrase? problem)
    {
        page = 1;
        problem = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out page) && page >= 1)
        {
            return true;
        }

        problem = Wordings.NotAPage.With(Excerpt(text));
        return false;
    }

    /// <summary>A kind or status of the treaty's vocabulary; <c>null</c> (every one) when absent or empty.</summary>
    private static bool TryTerm(string field, string? text, IEnumerable<VocabularyEntry> terms, string treaty, out string? id, [NotNullWhen(false)] out Phrase? problem)
    {
        id = string.IsNullOrEmpty(text) ? null : text;
        problem = null;
        var known = terms.Select(t => t.Id).ToList();
        if (id is null || known.Contains(id, StringComparer.Ordinal))
        {
            return true;
        }

        var kind = field == "kind";
        problem = known.Count == 0 ? (kind ? Wordings.NoKinds : Wordings.NoStatuses).With(Excerpt(id), treaty)
            : (kind ? Wordings.NotAKind : Wordings.NotAStatus).With(Excerpt(id), treaty, string.Join(", ", known));
        return false;
    }

    private static string Excerpt(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static IResult NoSource(HttpContext context, DashboardRenderer renderer) =>
        NotFound(context, renderer, Wordings.NoSource.With());

    /// <summary>A 400 naming <paramref name="field"/>: an HTML page, or the API's problem details for a client that asks for JSON.</summary>
    private static IResult BadRequest(HttpContext context, DashboardRenderer renderer, string field, Phrase reason) =>
        WantsJson(context) ? ApiProblems.Field(field, reason.English, nothingStored: false)
            : Html(renderer.Error(StatusCodes.Status400BadRequest, reason, field), StatusCodes.Status400BadRequest);

    /// <summary>A 404 saying what is not there: an HTML page in the page's language, or problem details in English.</summary>
    private static IResult NotFound(HttpContext context, DashboardRenderer renderer, Phrase reason) =>
        WantsJson(context) ? TypedResults.Problem(detail: reason.English, statusCode: StatusCodes.Status404NotFound)
            : Html(renderer.Error(StatusCodes.Status404NotFound, reason), StatusCodes.Status404NotFound);

    /// <summary>Whether the client asks for JSON and not for HTML: a browser always accepts <c>text/html</c>.</summary>
    private static bool WantsJson(HttpContext context)
    {
        var accept = context.Request.GetTypedHeaders().Accept;
        return accept.Any(a => a.MediaType.Value is "application/json" or "application/problem+json")
            && !accept.Any(a => a.MediaType.Value is "text/html");
    }

    private static ContentHttpResult Html(string html, int status = StatusCodes.Status200OK) =>
        TypedResults.Content(html, "text/html; charset=utf-8", statusCode: status);
}
