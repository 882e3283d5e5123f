namespace Verity.Reports.Tests;

public sealed class HtmlPageTests
{
    [Fact]
    public void Render_TitleAndLanguage_AreEncoded()
    {
        var html = HtmlPage.Render("en\"", "<b>A & B</b>", "<p>main</p>");

        Assert.Contains("<html lang=\"en&quot;\">", html, StringComparison.Ordinal);
        Assert.Contains("<title>&lt;b&gt;A &amp; B&lt;/b&gt;</title>", html, StringComparison.Ordinal);
        Assert.Contains("<main>\n<p>main</p>\n</main>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoHeaderFooterOrClass_WritesNone()
    {
        var html = HtmlPage.Render("en", "t", "m");

        Assert.DoesNotContain("<header>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<footer", html, StringComparison.Ordinal);
        Assert.Contains("<body>\n<main>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HeaderFooterAndClass_WrapMain()
    {
        var html = HtmlPage.Render("en", "t", "m", header: "<nav>n</nav>", footer: "<p>f</p>", bodyClass: "report");

        Assert.Contains("<body class=\"report\">\n<header><nav>n</nav></header>\n<main>\nm\n</main>\n<footer class=\"source\"><p>f</p></footer>\n</body>", html, StringComparison.Ordinal);
        Assert.Contains("<style>" + HtmlPage.Css + "</style>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Script_LastInBodyAfterTheFooter()
    {
        var html = HtmlPage.Render("en", "t", "m", footer: "<p>f</p>", script: "var a = 1;");

        Assert.EndsWith("<footer class=\"source\"><p>f</p></footer>\n<script>var a = 1;</script>\n</body>\n</html>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ScriptThatWouldEndItsElement_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => HtmlPage.Render("en", "t", "m", script: "x = '</SCRIPT>';"));

        Assert.Equal("script", error.ParamName);
    }
}
