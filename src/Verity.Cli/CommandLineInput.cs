using System.Globalization;
using NodaTime;
using Verity.Core;
using Verity.Core.Loading;
using Verity.Core.Treaties;

namespace Verity.Cli;

/// <summary>Reads what the user named on the command line: files, dates, parties. Problems become <see cref="InputException"/>s (exit 2).</summary>
internal static class CommandLineInput
{
    /// <summary>
    /// Reads a treaty file; a bare bundled name such as <c>new-start</c> (or a draft's, such as <c>pifer-2010</c>) is
    /// looked up in the data folder. A draft without a date of entry into force is refused: the command cannot place it in time.
    /// </summary>
    public static Treaty ReadTreaty(CliContext context, string nameOrPath)
    {
        var treaty = ReadAnyTreaty(context, nameOrPath);
        return treaty.Dates.HasEntryIntoForce
            ? treaty
            : throw new InputException(new Diagnostic("--treaty", 0, 0, string.Empty,
                $"{treaty.Id} is a draft with no date of entry into force; this command needs a treaty in force (verity comply takes --entry-into-force for a draft)"));
    }

    /// <summary>
    /// Reads a treaty, assuming the entry into force given by <paramref name="option"/> for a draft: a draft without
    /// one in its file needs the option; a treaty with its own date refuses it.
    /// </summary>
    public static Treaty ReadTreaty(CliContext context, string nameOrPath, string? entryIntoForce, string option)
    {
        var treaty = ReadAnyTreaty(context, nameOrPath);
        if (entryIntoForce is null)
        {
            return treaty.Dates.HasEntryIntoForce
                ? treaty
                : throw new InputException(new Diagnostic(option, 0, 0, string.Empty,
                    $"{treaty.Id} is a draft with no date of entry into force: give {option} YYYY-MM-DD to assume one"));
        }

        if (!treaty.IsProposal)
        {
            throw new InputException(new Diagnostic(option, 0, 0, string.Empty,
                $"{treaty.Id} is not a draft: it entered into force on {Format(treaty.Dates.EntryIntoForce)}; {option} is for drafts"));
        }

        return treaty.AssumingEntryIntoForce(ParseDate(entryIntoForce, option, default));
    }

    private static Treaty ReadAnyTreaty(CliContext context, string nameOrPath)
    {
        var path = ResolveTreatyPath(context, nameOrPath);
        return TreatyReader.Parse(ReadText(path, "--treaty"), path);
    }

    /// <summary>A path that exists, else a bundled treaty's (<c>treaties/NAME.yaml</c>) or draft's (<c>treaties/drafts/NAME.yaml</c>), else the text as given.</summary>
    public static string ResolveTreatyPath(CliContext context, string nameOrPath)
    {
        if (File.Exists(nameOrPath) || nameOrPath.Contains('/', StringComparison.Ordinal) || nameOrPath.Contains('.', StringComparison.Ordinal))
        {
            return nameOrPath;
        }

        var bundled = Path.Combine(context.DataDirectory, "treaties", nameOrPath + ".yaml");
        var draft = Path.Combine(context.DataDirectory, "treaties", "drafts", nameOrPath + ".yaml");
        return File.Exists(bundled) ? bundled : File.Exists(draft) ? draft : nameOrPath;
    }

    /// <summary>The bundled treaties and drafts, by name, with their paths.</summary>
    public static IEnumerable<(string Name, string Path, bool Draft)> BundledTreaties(CliContext context)
    {
        foreach (var (folder, draft) in new[] { (Path.Combine(context.DataDirectory, "treaties"), false), (Path.Combine(context.DataDirectory, "treaties", "drafts"), true) })
        {
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (var file in Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
            {
                yield return (Path.GetFileNameWithoutExtension(file), file, draft);
            }
        }
    }

    /// <summary>The largest file read, in bytes (128 MiB): far above any treaty, inventory or record, and a bound on what a file named by mistake (a device, a disk image) can cost.</summary>
    public const int MaxFileBytes = 128 << 20;

    /// <summary>
    /// A file's text, read as strict UTF-8 (<see cref="Utf8Text"/>): a byte that is not UTF-8 is refused, naming its
    /// offset and line, and so is a file larger than <see cref="MaxFileBytes"/>.
    /// </summary>
    public static string ReadText(string path, string option)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            using var bytes = new MemoryStream();
            var chunk = new byte[1 << 16];
            for (var read = stream.Read(chunk); read > 0; read = stream.Read(chunk))
            {
                if (bytes.Length + read > MaxFileBytes)
                {
                    throw new InputException(new Diagnostic(path, 0, 0, string.Empty, $"the file given to {option} is larger than {MaxFileBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes"));
                }

                bytes.Write(chunk, 0, read);
            }

            return Utf8Text.Decode(bytes.GetBuffer().AsSpan(0, (int)bytes.Length), path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(new Diagnostic(path, 0, 0, string.Empty, $"cannot read the file given to {option}: {Reason(e, path)}"));
        }
    }

    /// <summary>A reader over a file's text, read as <see cref="ReadText"/> reads it.</summary>
    public static TextReader OpenText(string path, string option) => new StringReader(ReadText(path, option));

    public static LocalDate ParseDate(string? text, string option, LocalDate fallback)
    {
        if (text is null)
        {
            return fallback;
        }

        return SupportedDates.TryParse(text, out var date, out var problem)
            ? date
            : throw new InputException(new Diagnostic(option, 0, 0, string.Empty, problem));
    }

    public static PartyCode? ParseParty(string? text, Treaty treaty)
    {
        if (text is null)
        {
            return null;
        }

        if (!PartyCode.TryParse(text, out var party))
        {
            throw new InputException(new Diagnostic("--party", 0, 0, string.Empty, $"'{text}' is not a party code: expected two capital letters such as \"US\""));
        }

        return treaty.HasParty(party)
            ? party
            : throw new InputException(new Diagnostic("--party", 0, 0, string.Empty, $"unknown party '{text}': {treaty.Name}'s parties are {string.Join(", ", treaty.Parties.Select(p => p.Code))}"));
    }

    public static Interpretation ParseInterpretation(string? text, Treaty treaty)
    {
        if (text is null)
        {
            return Interpretation.Agreed;
        }

        return treaty.TryGetInterpretation(text, out var interpretation)
            ? interpretation
            : throw new InputException(new Diagnostic("--interpretation", 0, 0, string.Empty,
                $"unknown interpretation '{text}': {treaty.Name} has {string.Join(", ", new[] { Interpretation.AgreedId }.Concat(treaty.Interpretations.Select(i => i.Id)))}"));
    }

    public static string Format(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Checks that an output folder can be one: not an existing file.</summary>
    public static void CheckOutputDirectory(string? path, string option)
    {
        if (path is null)
        {
            return;
        }

        if (File.Exists(path))
        {
            throw new InputException(new Diagnostic(path, 0, 0, string.Empty, $"{option} names a file; give a folder for the report"));
        }

        // Checked before any work: a folder under a file could never be made.
        for (var parent = Path.GetDirectoryName(Path.GetFullPath(path)); !string.IsNullOrEmpty(parent); parent = Path.GetDirectoryName(parent))
        {
            if (File.Exists(parent))
            {
                throw new InputException(new Diagnostic(path, 0, 0, string.Empty, $"{option}: {parent} is a file, so no folder can be made under it"));
            }
        }
    }

    /// <summary>Why a file could not be read, in words: no such file, a folder, permission denied.</summary>
    internal static string Reason(Exception e, string path) => e switch
    {
        _ when Directory.Exists(path) => "it is a folder, not a file",
        FileNotFoundException or DirectoryNotFoundException => "no such file",
        UnauthorizedAccessException => "permission denied",
        _ => e.Message,
    };
}
