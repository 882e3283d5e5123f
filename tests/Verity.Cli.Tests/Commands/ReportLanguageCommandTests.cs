using System.Diagnostics;
using System.Text.RegularExpressions;
using NodaTime;
using Verity.Cli.Commands;
using Verity.Reports.Languages;
using static Verity.Cli.Tests.CliHarness;

namespace Verity.Cli.Tests.Commands;

/// <summary>
/// <c>--lang</c> and <c>--pdf</c> on the verbs that write reports: the report in the language asked, right to left
/// where it is written so; an unknown code or a missing browser exit 2 with nothing written; a PDF printed by Debian's
/// Chromium whose first page renders (pdftoppm) to a non-empty image with the header naming the treaty and the date.
/// </summary>
/// <remarks>One class, so that its tests run one after another: one of them sets <c>VERITY_CHROMIUM</c>.</remarks>
public sealed partial class ReportLanguageCommandTests : IDisposable
{
    private const string Pdftoppm = "/usr/bin/pdftoppm";

    private readonly string _out = Path.Combine(Path.GetTempPath(), "verity-lang-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }

    [Fact]
    public async Task Replay_LangFaAf_WritesTheReportInDariRightToLeftWithSolarHijriDates()
    {
        var run = await RunAsync("replay", "new-start", "--out", _out, "--lang", "fa-AF");

        Assert.Equal(0, run.ExitCode);
        var html = await File.ReadAllTextAsync(Path.Combine(_out, "index.html"));
        var dari = Languages.Find("fa-AF")!;
        Assert.Contains("<html lang=\"fa-AF\" dir=\"rtl\">", html, StringComparison.Ordinal);
        // Entry into force, 2011-02-05, as Afghan papers print it: the Solar Hijri date, the Gregorian beside it.
        Assert.Contains(dari.Date(new LocalDate(2011, 2, 5)), html, StringComparison.Ordinal);
        Assert.Contains("۱۶ دلو ۱۳۸۹", html, StringComparison.Ordinal);
        Assert.Contains(dari.Number(1550), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProposalsCompare_LangZhHans_WritesTheReportInChinese()
    {
        var run = await RunAsync("proposals", "compare", "--trials", "200", "--out", _out, "--lang", "zh-Hans");

        Assert.True(run.ExitCode is 0 or 1, run.Error);
        var html = await File.ReadAllTextAsync(Path.Combine(_out, "index.html"));
        Assert.Contains("<html lang=\"zh-Hans\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("After New START: forces, projections and proposals", html, StringComparison.Ordinal);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}{4}", html);
    }

    [Fact]
    public void Demo_LangAr_WritesBothPagesInArabicRightToLeft()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        DemoCommand.RunRecord(Context(240, output, error), _out, new ReportWriter(Languages.Find("ar")!, null));

        foreach (var page in new[] { "index.html", "after-new-start.html" })
        {
            var html = File.ReadAllText(Path.Combine(_out, page));
            Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", html, StringComparison.Ordinal);
            Assert.Matches(@"[\u0660-\u0669]{3}", html);
        }
    }

    [Theory]
    [InlineData("replay", "new-start", "--out", "{out}", "--lang", "xx")]
    [InlineData("proposals", "compare", "--out", "{out}", "--lang", "tlh-Latn-and-then-some-more-than-forty-characters")]
    [InlineData("demo", "--out", "{out}", "--lang", "de")]
    public async Task UnknownLanguage_Exit2NamingTheKnownOnes_NothingWritten(params string[] args)
    {
        var run = await RunAsync([.. args.Select(a => a == "{out}" ? _out : a)]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--lang: unknown language", run.Error, StringComparison.Ordinal);
        Assert.Contains("fa-AF (Dari)", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_out));
    }

    [Theory]
    [InlineData("--lang", "ru")]
    [InlineData("--pdf")]
    public async Task LangOrPdfWithoutOut_Exit2SayingItGoesWithOut(params string[] args)
    {
        var run = await RunAsync(["replay", "new-start", .. args]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("it goes with --out", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_BrowserMissing_Exit2NamingVerityChromium_NothingWritten()
    {
        var before = Environment.GetEnvironmentVariable("VERITY_CHROMIUM");
        Environment.SetEnvironmentVariable("VERITY_CHROMIUM", "/nonexistent/chromium");
        try
        {
            var run = await RunAsync("replay", "new-start", "--out", _out, "--pdf");

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("--pdf: VERITY_CHROMIUM names /nonexistent/chromium, which is missing", run.Error, StringComparison.Ordinal);
            Assert.False(Directory.Exists(_out));
        }
        finally
        {
            Environment.SetEnvironmentVariable("VERITY_CHROMIUM", before);
        }
    }

    [Fact]
    public async Task Pdf_BrowserFails_Exit2_TheFolderAsItWas()
    {
        Directory.CreateDirectory(_out);
        await File.WriteAllTextAsync(Path.Combine(_out, "index.html"), "the earlier page");
        await File.WriteAllTextAsync(Path.Combine(_out, "index.pdf"), "the earlier PDF");
        var before = Environment.GetEnvironmentVariable("VERITY_CHROMIUM");
        Environment.SetEnvironmentVariable("VERITY_CHROMIUM", "/bin/false");
        try
        {
            var run = await RunAsync("replay", "new-start", "--out", _out, "--pdf", "--lang", "ru");

            Assert.Equal(2, run.ExitCode);
            Assert.Contains($"--pdf: cannot print {Path.Combine(_out, "index.pdf")}: the browser exited with 1 and wrote no PDF", run.Error, StringComparison.Ordinal);
            // Neither a new page beside the earlier PDF nor anything half written: the folder as it was.
            Assert.Equal(["index.html", "index.pdf"], Directory.GetFiles(_out).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            Assert.Equal("the earlier page", await File.ReadAllTextAsync(Path.Combine(_out, "index.html")));
            Assert.Equal("the earlier PDF", await File.ReadAllTextAsync(Path.Combine(_out, "index.pdf")));
        }
        finally
        {
            Environment.SetEnvironmentVariable("VERITY_CHROMIUM", before);
        }
    }

    [Fact]
    public void FileUri_EscapesEachSegment_SoAFolderNamedLikeAnEscapeIsThatFolder()
    {
        Assert.Equal("file:///tmp/p%2541x/a%20b%23c/index.html", PdfPrinter.FileUri("/tmp/p%41x/a b#c/index.html"));
    }

    [Fact]
    public async Task Pdf_Replay_PrintsAPdfWhoseFirstPageRendersWithTheHeader()
    {
        Assert.True(File.Exists(PdfPrinter.DefaultChromium), $"{PdfPrinter.DefaultChromium} is missing: install it with `apt-get install chromium` (as root), as .ci/run does");
        Assert.True(File.Exists(Pdftoppm), $"{Pdftoppm} is missing: install it with `apt-get install poppler-utils` (as root), as .ci/run does");

        var run = await RunAsync("replay", "new-start", "--out", _out, "--pdf");

        Assert.Equal(0, run.ExitCode);
        var pdf = Path.Combine(_out, "index.pdf");
        Assert.Contains($"Printed to {pdf}", Regex.Replace(run.Out, @"\s+", " "), StringComparison.Ordinal);
        Assert.Equal("%PDF-"u8.ToArray(), File.ReadAllBytes(pdf)[..5]);
        Assert.Empty(Directory.GetFiles(_out, "*.tmp"));

        // The first page to PNG: a real image, not blank.
        var png = Path.Combine(_out, "page");
        Assert.Equal(0, await Tool(Pdftoppm, "-f", "1", "-l", "1", "-singlefile", "-png", "-r", "40", pdf, png));
        var image = await File.ReadAllBytesAsync(png + ".png");
        Assert.True(image.Length > 2_000, $"{image.Length} bytes");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, image[..4]);

        // The page header, printed from the page's @page rule: the treaty, the date of the data, its sources.
        var text = Path.Combine(_out, "page.txt");
        Assert.Equal(0, await Tool("/usr/bin/pdftotext", "-f", "1", "-l", "1", pdf, text));
        var first = Regex.Replace(await File.ReadAllTextAsync(text), @"\s+", " ");
        Assert.Contains("Verity — New START: the public record replayed — published data through 2023-03-01 — sources:", first, StringComparison.Ordinal);
    }

    private static async Task<int> Tool(string path, params string[] args)
    {
        var start = new ProcessStartInfo(path) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        return process.ExitCode;
    }
}
