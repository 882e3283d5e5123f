using System.Net;

namespace Verity.Reports;

/// <summary>
/// The shell every page shares: one document head, one stylesheet (<see cref="Css"/>), an optional header and footer
/// around the page's <c>main</c>. Inline CSS and no external resources: a page opens offline and prints. A page may
/// carry one small inline script that only adds to it (the dashboard's copy buttons); without it the page still works.
/// </summary>
/// <remarks>A new page builds its <c>main</c> (escaping every value with <see cref="Encode"/>) and calls
/// <see cref="Render"/>; the classes it may use are those of <see cref="Css"/>.</remarks>
public static class HtmlPage
{
    /// <summary>The stylesheet of every page: the dashboard's classes (<c>num</c>, <c>state-…</c>, <c>cards</c>,
    /// <c>alarms</c>, …) and, under <c>.report</c>, the replay report's right-aligned tables with <c>match</c>,
    /// <c>miss</c>, <c>none</c>, <c>legend</c> and <c>note</c>.</summary>
    public const string Css = """
        :root { color-scheme: light; --ink: #1d2330; --muted: #5a6272; --line: #d9dde3; --accent: #1f5aa6; --bad: #a3261b; --ok: #22693f; --warn: #8a5a00; }
        * { box-sizing: border-box; }
        body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans Arabic", "Noto Naskh Arabic", "Noto Sans CJK SC", sans-serif; margin: 0; color: var(--ink); background: #fafbfc; }
        header, main, footer { max-width: 1040px; margin: 0 auto; padding: 0 1rem; }
        header { padding-top: 1rem; } header nav a { margin-right: 1rem; }
        a { color: var(--accent); } a:focus-visible { outline: 3px solid #f0b400; outline-offset: 2px; }
        h1 { font-size: 1.7rem; margin: .5rem 0; } h2 { font-size: 1.3rem; margin-top: 2.2rem; border-bottom: 2px solid var(--line); }
        h3 { font-size: 1.1rem; margin-top: 1.6rem; } h4 { font-size: 1rem; margin: 1rem 0 .3rem; }
        .lede { color: var(--muted); } .source { color: var(--muted); font-size: .9rem; border-top: 1px solid var(--line); margin-top: 3rem; padding: 1rem 0; }
        table { border-collapse: collapse; font-size: .9rem; margin: .5rem 0 1rem; background: #fff; }
        caption { text-align: left; font-weight: 600; padding: .3rem 0; }
        th, td { border-bottom: 1px solid var(--line); padding: .25rem .6rem; text-align: left; vertical-align: top; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        code, .hash { font-family: ui-monospace, monospace; font-size: .85rem; word-break: break-all; }
        pre { background: #fff; border: 1px solid var(--line); padding: .5rem; overflow-x: auto; font-size: .85rem; }
        .state-within, .state-on-time, .yes { color: var(--ok); } .state-exceeds, .state-overdue, .state-late, .state-unmatched, .no { color: var(--bad); font-weight: 600; }
        .state-pending { color: var(--warn); } .state-other { color: var(--muted); }
        figure { margin: 0 0 1.5rem; } figcaption { color: var(--muted); font-size: .9rem; }
        svg text { font-size: 11px; fill: #444; } svg text.ceiling-label { font-size: 13px; fill: #000; }
        details > summary { cursor: pointer; color: var(--accent); }
        .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: .8rem; padding: 0; list-style: none; }
        .cards li { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .6rem .8rem; }
        .cards strong { display: block; font-size: 1.4rem; }
        .scroll { overflow-x: auto; }
        .alarms { border: 3px solid var(--bad); background: #fff3f1; padding: .2rem 1rem 1rem; margin: 1rem 0; }
        header .node { color: var(--muted); font-size: .9rem; margin: .4rem 0; }
        form.date, form.filter { display: flex; flex-wrap: wrap; gap: .4rem .8rem; align-items: center; margin: .5rem 0; font-size: .9rem; }
        form.date label, form.filter label { display: inline-flex; gap: .3rem; align-items: center; }
        input, select, button { font: inherit; font-size: .9rem; }
        .dated { border-left: 4px solid var(--warn); background: #fff8e6; padding: .4rem .8rem; }
        .pager { display: flex; flex-wrap: wrap; gap: .8rem; align-items: center; font-size: .9rem; }
        code.hash { word-break: normal; white-space: nowrap; } button.copy { font-size: .75rem; padding: 0 .3rem; margin-left: .2rem; }
        .alarms h2 { color: var(--bad); border-bottom-color: var(--bad); margin-top: .8rem; }
        .report main { padding-top: 1rem; padding-bottom: 2rem; }
        .report th, .report td { text-align: right; font-variant-numeric: tabular-nums; } .report th:first-child, .report td:first-child, .report td.text { text-align: left; }
        .report .match { color: var(--ok); } .report .miss { color: var(--bad); font-weight: 600; } .report .none { color: var(--muted); }
        .report .legend span { margin-right: 1.2rem; } .report .note { color: var(--muted); font-size: .9rem; }
        nav.languages { font-size: .9rem; margin: .3rem 0; } nav.languages a { margin-inline-end: .8rem; } nav.languages a[aria-current] { font-weight: 600; text-decoration: none; color: var(--ink); }
        [dir=rtl] header nav a { margin-right: 0; margin-left: 1rem; } [dir=rtl] caption, [dir=rtl] th, [dir=rtl] td { text-align: right; }
        [dir=rtl] td.num, [dir=rtl] th.num { text-align: left; } [dir=rtl] .dated { border-left: 0; border-right: 4px solid var(--warn); }
        [dir=rtl] button.copy { margin-left: 0; margin-right: .2rem; }
        svg { direction: ltr; } code, .hash, input[type=date] { direction: ltr; unicode-bidi: embed; }
        @media print { details { display: block; } details > summary { display: none; } }
        """;

    /// <summary>A whole page: <paramref name="main"/> (HTML) inside the shell, titled <paramref name="title"/> (plain text).</summary>
    /// <param name="lang">The page's language, a BCP 47 tag such as <c>en</c>.</param>
    /// <param name="title">The document's title, plain text.</param>
    /// <param name="main">The page's content, HTML.</param>
    /// <param name="header">HTML for the page's <c>header</c> (such as its navigation); none when <c>null</c>.</param>
    /// <param name="footer">HTML for the page's <c>footer class="source"</c> (such as where its figures come from); none when <c>null</c>.</param>
    /// <param name="bodyClass">A class on <c>body</c> that selects a family of rules in <see cref="Css"/> (<c>report</c>); none when <c>null</c>.</param>
    /// <param name="script">JavaScript run at the end of <c>body</c>, inline; none when <c>null</c>. It may only add to a
    /// page that works without it.</param>
    /// <exception cref="ArgumentException"><paramref name="script"/> holds <c>&lt;/script</c>.</exception>
    /// <param name="dir">The page's direction, <c>ltr</c> (the default, not written) or <c>rtl</c>.</param>
    /// <param name="print">What each printed page's header says (plain text: the treaty, the date, the source of the
    /// data), with the page number and count opposite it in <paramref name="pageNumbers"/>; no header when <c>null</c>.</param>
    /// <param name="pageNumbers">The CSS counter style of the printed page numbers: <c>decimal</c>, <c>arabic-indic</c>, <c>persian</c>.</param>
    public static string Render(string lang, string title, string main, string? header = null, string? footer = null, string? bodyClass = null, string? script = null, string dir = "ltr", string? print = null, string pageNumbers = "decimal")
    {
        ArgumentNullException.ThrowIfNull(lang);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(main);
        if (script is not null && script.Contains("</script", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("an inline script cannot hold \"</script\": it would end the element", nameof(script));
        }

        return $"""
            <!DOCTYPE html>
            <html lang="{Encode(lang)}"{(dir == "ltr" ? string.Empty : $" dir=\"{Encode(dir)}\"")}>
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Encode(title)}</title>
            <style>{Css}</style>
            {(print is null ? string.Empty : PrintHeader(print, dir, pageNumbers))}
            </head>
            <body{(bodyClass is null ? string.Empty : $" class=\"{Encode(bodyClass)}\"")}>
            {(header is null ? string.Empty : $"<header>{header}</header>\n")}<main>
            {main}
            </main>
            {(footer is null ? string.Empty : $"<footer class=\"source\">{footer}</footer>\n")}{(script is null ? string.Empty : $"<script>{script}</script>\n")}</body>
            </html>
            """;
    }

    /// <summary>The printed pages' margins and header: the text at the start of the line (left in a left-to-right page),
    /// "page / pages" at its end; Chromium prints CSS page-margin boxes.</summary>
    private static string PrintHeader(string text, string dir, string pageNumbers)
    {
        var (start, end) = dir == "rtl" ? ("top-right", "top-left") : ("top-left", "top-right");
        var counter = pageNumbers is "decimal" or "arabic-indic" or "persian" ? pageNumbers : "decimal";
        return $$"""<style media="print">@page { margin: 18mm 14mm 16mm; @{{start}} { content: "{{CssString(text)}}"; font: 8pt system-ui, "Noto Sans", "Noto Sans Arabic", "Noto Sans CJK SC", sans-serif; color: #5a6272; } @{{end}} { content: counter(page, {{counter}}) " / " counter(pages, {{counter}}); font: 8pt system-ui, "Noto Sans", sans-serif; color: #5a6272; } }</style>""";
    }

    /// <summary>Text inside a CSS string: quotes, backslashes, angle brackets and control characters escaped.</summary>
    internal static string CssString(string text)
    {
        var css = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '"' or '\\' or '<' or '>' or '&' || char.IsControl(c))
            {
                css.Append('\\').Append(((int)c).ToString("X", System.Globalization.CultureInfo.InvariantCulture)).Append(' ');
            }
            else
            {
                css.Append(c);
            }
        }

        return css.ToString();
    }

    /// <summary>The attributes that mark an element's text English (<c> lang="en" dir="ltr"</c>) on a page in
    /// <paramref name="language"/>; none on an English page. For the sentences the core builds and the data's own
    /// English, so that screen readers and line breaking treat them as English.</summary>
    public static string EnglishOn(Languages.Language language)
    {
        ArgumentNullException.ThrowIfNull(language);
        return language.Code == "en" ? string.Empty : " lang=\"en\" dir=\"ltr\"";
    }

    /// <summary>Text made safe to put in HTML, in content or in a quoted attribute.</summary>
    public static string Encode(string text) => WebUtility.HtmlEncode(text);
}
