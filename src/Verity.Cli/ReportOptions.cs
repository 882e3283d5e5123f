using System.CommandLine;
using Verity.Core;
using Verity.Reports.Languages;

namespace Verity.Cli;

/// <summary>
/// The options of every verb that writes a report: <c>--lang CODE</c> (the report's language, <c>en</c> by default)
/// and <c>--pdf</c> (each report printed to PDF beside it). Read and checked before any work, so that an unknown
/// language or a missing browser is exit 2 with nothing written.
/// </summary>
internal sealed class ReportOptions
{
    /// <summary><c>--lang CODE</c>.</summary>
    public Option<string> Lang { get; } = new("--lang")
    {
        Description = $"The report's language: {string.Join(", ", Languages.All.Select(l => l.Code))} (default en).",
        HelpName = "CODE",
    };

    /// <summary><c>--pdf</c>.</summary>
    public Option<bool> Pdf { get; } = new("--pdf")
    {
        Description = $"Also print each report to PDF beside it, through headless Chromium ($VERITY_CHROMIUM, default {PdfPrinter.DefaultChromium}).",
    };

    /// <summary>How the reports are written, or bad input naming the option.</summary>
    /// <param name="parse">The command line.</param>
    /// <param name="outOption">The verb's folder option, when the reports are written only with it (<c>--out</c>);
    /// <c>null</c> when the verb always writes them.</param>
    /// <exception cref="InputException">An unknown language, <c>--lang</c> or <c>--pdf</c> without the folder, no browser.</exception>
    public ReportWriter Read(ParseResult parse, Option<string>? outOption = null)
    {
        var code = parse.GetValue(Lang);
        var pdf = parse.GetValue(Pdf);
        if (outOption is not null && parse.GetValue(outOption) is null)
        {
            if (code is not null)
            {
                throw new InputException(new Diagnostic("--lang", 0, 0, string.Empty, $"--lang is the language of the report: it goes with {outOption.Name}"));
            }

            if (pdf)
            {
                throw new InputException(new Diagnostic("--pdf", 0, 0, string.Empty, $"--pdf prints the report: it goes with {outOption.Name}"));
            }
        }

        var language = code is null
            ? Languages.English
            : Languages.Find(code, Languages.All) ?? throw new InputException(new Diagnostic("--lang", 0, 0, string.Empty, Languages.Unknown(code, Languages.All)));
        if (!language.IsAvailable)
        {
            throw new InputException(new Diagnostic("--lang", 0, 0, string.Empty, $"{language.EnglishName} needs the culture data of ICU, which .NET does not have here: install libicu (Debian: libicu72) and unset DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"));
        }

        return new ReportWriter(language, pdf ? PdfPrinter.Find() : null);
    }
}

/// <summary>Writes a verb's reports in one language, each also printed to PDF when asked.</summary>
/// <param name="Language">The reports' language.</param>
/// <param name="Printer">The PDF printer, or <c>null</c> for HTML only.</param>
internal sealed record ReportWriter(Language Language, PdfPrinter? Printer)
{
    /// <summary>English HTML, no PDF.</summary>
    public static ReportWriter Default { get; } = new(Languages.English, null);

    /// <summary>Writes <paramref name="html"/> to <paramref name="fileName"/> in <paramref name="folder"/> and, when asked,
    /// its PDF beside it (the same name, <c>.pdf</c>): the page is printed from a temporary file, and the page and its PDF
    /// take their names only once both are whole, so a print that fails leaves the folder as it was.</summary>
    /// <returns>The paths written: the page, and the PDF or <c>null</c>.</returns>
    /// <exception cref="InputException">The folder or a file cannot be written, or the page cannot be printed.</exception>
    public (string Html, string? Pdf) Write(string folder, string html, string fileName = "index.html")
    {
        if (Printer is null)
        {
            return (OutputFile.Write(folder, html, fileName), null);
        }

        var path = Path.GetFullPath(Path.Combine(folder, fileName));
        var printing = OutputFile.WriteText(Path.Combine(folder, "." + fileName + ".printing.html"), html, "--out");
        var pdf = Path.ChangeExtension(path, ".pdf");
        try
        {
            // The PDF goes through its own temporary file; the page takes its name after it.
            Printer.Print(printing, pdf);
            File.Move(printing, path, overwrite: true);
            return (path, pdf);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(new Diagnostic(path, 0, 0, string.Empty, $"cannot write the file --out names: {e.Message}"));
        }
        finally
        {
            PdfPrinter.Remove(printing);
        }
    }
}
