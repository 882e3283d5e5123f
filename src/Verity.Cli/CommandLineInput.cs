using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Verity.Core;
using Verity.Core.Loading;
using Verity.Core.Treaties;

namespace Verity.Cli;

/// <summary>Reads what the user named on the command line: files, dates, parties. Problems become <see cref="InputException"/>s (exit 2).</summary>
internal static class CommandLineInput
{
    /// <summary>Reads a treaty file; a bare bundled name such as <c>new-start</c> is looked up in the data folder.</summary>
    public static Treaty ReadTreaty(CliContext context, string nameOrPath)
    {
        var path = ResolveTreatyPath(context, nameOrPath);
        return TreatyReader.Parse(ReadText(path, "--treaty"), path);
    }

    public static string ResolveTreatyPath(CliContext context, string nameOrPath)
    {
        if (File.Exists(nameOrPath))
        {
            return nameOrPath;
        }

        var bundled = Path.Combine(context.DataDirectory, "treaties", nameOrPath + ".yaml");
        return !nameOrPath.Contains('/', StringComparison.Ordinal) && !nameOrPath.Contains('.', StringComparison.Ordinal) && File.Exists(bundled)
            ? bundled
            : nameOrPath;
    }

    public static string ReadText(string path, string option)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(new Diagnostic(path, 0, 0, string.Empty, $"cannot read the file given to {option}: {Reason(e, path)}"));
        }
    }

    public static StreamReader OpenText(string path, string option)
    {
        try
        {
            return new StreamReader(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(new Diagnostic(path, 0, 0, string.Empty, $"cannot read the file given to {option}: {Reason(e, path)}"));
        }
    }

    public static LocalDate ParseDate(string? text, string option, LocalDate fallback)
    {
        if (text is null)
        {
            return fallback;
        }

        var result = LocalDatePattern.Iso.Parse(text);
        return result.Success
            ? result.Value
            : throw new InputException(new Diagnostic(option, 0, 0, string.Empty, $"'{text}' is not a date: expected YYYY-MM-DD, such as 2022-03-01"));
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
        if (path is not null && File.Exists(path))
        {
            throw new InputException(new Diagnostic(path, 0, 0, string.Empty, $"{option} names a file; give a folder for the report"));
        }
    }

    private static string Reason(Exception e, string path) => e switch
    {
        _ when Directory.Exists(path) => "it is a folder, not a file",
        FileNotFoundException or DirectoryNotFoundException => "no such file",
        UnauthorizedAccessException => "permission denied",
        _ => e.Message,
    };
}
