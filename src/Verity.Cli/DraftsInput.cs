using Verity.Core;
using Verity.Core.Loading;
using Verity.Core.Treaties;

namespace Verity.Cli;

/// <summary>Reads the draft treaties: the bundled ones in <c>data/treaties/drafts/</c>, or a file, with a variant chosen by <c>ID:VARIANT</c>.</summary>
internal static class DraftsInput
{
    public static string Directory(CliContext context) => Path.Combine(context.DataDirectory, "treaties", "drafts");

    /// <summary>Every bundled draft, by identifier.</summary>
    public static IReadOnlyList<Treaty> ReadAll(CliContext context)
    {
        var folder = Directory(context);
        if (!System.IO.Directory.Exists(folder))
        {
            throw new InputException(new Diagnostic(folder, 0, 0, string.Empty, "no bundled drafts: the folder is missing"));
        }

        return [.. System.IO.Directory.GetFiles(folder, "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(path => TreatyReader.Parse(CommandLineInput.ReadText(path, "--draft"), path))];
    }

    /// <summary>Every bundled draft, each followed by its variants.</summary>
    public static IReadOnlyList<Treaty> ReadAllWithVariants(CliContext context) =>
        [.. ReadAll(context).SelectMany(d => d.Variants.Select(v => WithVariant(d, v.Id)).Prepend(d))];

    /// <summary>A bundled draft by identifier (<c>ID</c> or <c>ID:VARIANT</c>), or a draft file.</summary>
    public static Treaty Read(CliContext context, string name)
    {
        var (id, variant) = name.LastIndexOf(':') is var colon and > 0 && !File.Exists(name) ? (name[..colon], name[(colon + 1)..]) : (name, null);
        var bundled = Path.Combine(Directory(context), id + ".yaml");
        var path = File.Exists(id) ? id : File.Exists(bundled) && !id.Contains('/', StringComparison.Ordinal) ? bundled : null;
        if (path is null)
        {
            var known = System.IO.Directory.Exists(Directory(context))
                ? string.Join(", ", System.IO.Directory.GetFiles(Directory(context), "*.yaml").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal))
                : "none";
            throw new InputException(new Diagnostic("--draft", 0, 0, string.Empty, $"'{id}' is neither a bundled draft nor a file: the bundled drafts are {known}"));
        }

        var draft = TreatyReader.Parse(CommandLineInput.ReadText(path, "--draft"), path);
        if (variant is null)
        {
            return draft;
        }

        return draft.Variants.Any(v => v.Id == variant)
            ? WithVariant(draft, variant)
            : throw new InputException(new Diagnostic("--draft", 0, 0, string.Empty, $"'{variant}' is not a variant of {draft.Id}: its variants are {(draft.Variants.IsEmpty ? "none" : string.Join(", ", draft.Variants.Select(v => v.Id)))}"));
    }

    /// <summary>The draft with a variant's groups, named <c>ID:VARIANT</c> so that comparisons tell them apart.</summary>
    private static Treaty WithVariant(Treaty draft, string variant) => draft.WithVariant(variant) with
    {
        Id = $"{draft.Id}:{variant}",
        Name = $"{draft.Name} ({draft.Variants.First(v => v.Id == variant).Name})",
    };
}
