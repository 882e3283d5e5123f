using System.Diagnostics;
using Verity.Core;

namespace Verity.Cli;

/// <summary>
/// Prints a written HTML page to PDF through headless Chromium (Debian's <c>chromium</c>, or the browser
/// <c>$VERITY_CHROMIUM</c> names): <c>--headless --print-to-pdf</c> with the browser's own header and footer off, so that
/// the page's <c>@page</c> headers (the treaty, the date, the source of the data) and page numbers are the ones printed.
/// </summary>
/// <remarks>The PDF goes through a temporary file and a rename, so it is whole or absent; a browser that fails or takes
/// longer than <see cref="Timeout"/> is killed and said, naming <c>--pdf</c>, exit 2.</remarks>
internal sealed class PdfPrinter
{
    /// <summary>The browser used when <c>$VERITY_CHROMIUM</c> is not set.</summary>
    public const string DefaultChromium = "/usr/bin/chromium";

    private PdfPrinter(string chromium) => Chromium = chromium;

    /// <summary>How long one page may take to print.</summary>
    public static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(90);

    /// <summary>The browser's path.</summary>
    public string Chromium { get; }

    /// <summary>The printer, or bad input naming <c>--pdf</c> when there is no browser to print with (checked before any work).</summary>
    /// <exception cref="InputException">No browser at <c>$VERITY_CHROMIUM</c> or <see cref="DefaultChromium"/>.</exception>
    public static PdfPrinter Find()
    {
        var named = Environment.GetEnvironmentVariable("VERITY_CHROMIUM");
        var chromium = string.IsNullOrWhiteSpace(named) ? DefaultChromium : named;
        var problem = Directory.Exists(chromium) ? "is a folder"
            : !File.Exists(chromium) ? "is missing"
            : !OperatingSystem.IsWindows() && (File.GetUnixFileMode(chromium) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) == 0 ? "is not a program (not executable)"
            : null;
        if (problem is not null)
        {
            var where = string.IsNullOrWhiteSpace(named) ? $"{DefaultChromium} {problem}" : $"VERITY_CHROMIUM names {chromium}, which {problem}";
            throw new InputException(new Diagnostic("--pdf", 0, 0, string.Empty, $"{where}: --pdf prints through headless Chromium; install Debian's chromium (apt-get install chromium) or set VERITY_CHROMIUM to a Chromium or Chrome"));
        }

        return new PdfPrinter(chromium);
    }

    /// <summary>Prints the page at <paramref name="html"/> to <paramref name="pdf"/>.</summary>
    /// <returns>The full path of the PDF.</returns>
    /// <exception cref="InputException">The browser could not be started, failed, timed out or wrote no PDF.</exception>
    public string Print(string html, string pdf)
    {
        var temporary = pdf + ".tmp";
        DirectoryInfo? profile = null;
        try
        {
            try
            {
                profile = Directory.CreateTempSubdirectory("verity-pdf-");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw Failed(pdf, $"no temporary folder for the browser's profile under {Path.GetTempPath()} (TMPDIR): {e.Message}");
            }

            var start = new ProcessStartInfo(Chromium)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in Arguments(html, temporary, profile.FullName))
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw Failed(pdf, "the browser did not start");
            // Read both streams as they come, so that a talkative browser never blocks on a full pipe.
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // It ended between the wait and the kill.
                }

                process.WaitForExit();
                throw Failed(pdf, $"the browser took longer than {Timeout.TotalSeconds:F0} s and was stopped");
            }

            process.WaitForExit();
            if (process.ExitCode != 0 || !IsPdf(temporary))
            {
                var said = error.Result.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0 && !l.Contains("dbus", StringComparison.OrdinalIgnoreCase));
                throw Failed(pdf, $"the browser exited with {process.ExitCode} and wrote no PDF{(said is null ? string.Empty : $" ({said})")}");
            }

            _ = output.Result;
            File.Move(temporary, pdf, overwrite: true);
            return Path.GetFullPath(pdf);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw Failed(pdf, e.Message);
        }
        finally
        {
            Remove(temporary);
            try
            {
                profile?.Delete(recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A profile folder a browser still holds is left to the system's temporary folder.
            }
        }
    }

    /// <summary>The browser's command line: headless, its own header and footer off, a profile of its own (so that a
    /// browser already open is not disturbed), no sandbox when running as root (Chromium refuses otherwise).</summary>
    internal static IEnumerable<string> Arguments(string html, string pdf, string profile)
    {
        yield return "--headless";
        yield return "--disable-gpu";
        yield return "--no-first-run";
        yield return "--disable-extensions";
        if (Environment.UserName == "root")
        {
            yield return "--no-sandbox";
        }

        yield return $"--user-data-dir={profile}";
        yield return "--no-pdf-header-footer";
        yield return $"--print-to-pdf={Path.GetFullPath(pdf)}";
        yield return FileUri(html);
    }

    /// <summary>The <c>file://</c> address of a path, each segment escaped, so that a folder named <c>p%41x</c> or
    /// <c>a b#c</c> is that folder (<see cref="Uri"/> would unescape <c>%41</c>).</summary>
    internal static string FileUri(string path) =>
        "file://" + string.Join('/', Path.GetFullPath(path).Split('/').Select(Uri.EscapeDataString));

    /// <summary>Deletes a file if it is there; a file that cannot be deleted is left.</summary>
    internal static void Remove(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left as it is: what failed is said by the caller.
        }
    }

    private static bool IsPdf(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        Span<byte> head = stackalloc byte[5];
        using var file = File.OpenRead(path);
        return file.ReadAtLeast(head, 5, throwOnEndOfStream: false) == 5 && head.SequenceEqual("%PDF-"u8);
    }

    private static InputException Failed(string pdf, string why) =>
        new(new Diagnostic("--pdf", 0, 0, string.Empty, $"cannot print {pdf}: {why}"));
}
