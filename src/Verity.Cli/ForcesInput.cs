using Verity.Core;
using Verity.Core.Forces;
using Verity.Core.Loading;

namespace Verity.Cli;

/// <summary>Reads the forces data the user named, or the bundled files in <c>data/forces/</c>.</summary>
internal static class ForcesInput
{
    public static string BundledEstimates(CliContext context) => Path.Combine(context.DataDirectory, "forces", "estimates.csv");

    public static string BundledPrecedence(CliContext context) => Path.Combine(context.DataDirectory, "forces", "precedence.yaml");

    public static string StructuresDirectory(CliContext context) => Path.Combine(context.DataDirectory, "forces", "structures");

    /// <summary>The estimates of <c>--estimates FILE</c>, else the bundled file.</summary>
    public static EstimateSet ReadEstimates(CliContext context, string? path)
    {
        var file = path ?? BundledEstimates(context);
        if (path is null && !File.Exists(file))
        {
            throw new InputException(new Diagnostic("--estimates", 0, 0, string.Empty, $"no bundled estimates at {file}: give --estimates FILE"));
        }

        // The bundled rows are named by their path in the repository, so that a figure traces to data/forces/estimates.csv:LINE.
        using var reader = CommandLineInput.OpenText(file, "--estimates");
        return EstimatesReader.Parse(reader, path ?? "data/forces/estimates.csv");
    }

    /// <summary>The precedence of <c>--precedence FILE</c>, else the bundled file.</summary>
    public static Precedence ReadPrecedence(CliContext context, string? path)
    {
        var file = path ?? BundledPrecedence(context);
        return PrecedenceReader.Parse(CommandLineInput.ReadText(file, "--precedence"), file);
    }

    /// <summary>A state named on the command line: an assigned ISO 3166-1 alpha-2 code.</summary>
    public static PartyCode ParseState(string text, string option)
    {
        if (!PartyCode.TryParse(text, out var state))
        {
            throw new InputException(new Diagnostic(option, 0, 0, string.Empty, $"'{text}' is not a state code: expected an ISO 3166-1 alpha-2 code such as \"US\""));
        }

        return CountryCodes.IsAssigned(state)
            ? state
            : throw new InputException(new Diagnostic(option, 0, 0, string.Empty, $"'{text}' is not an assigned ISO 3166-1 alpha-2 code"));
    }

    /// <summary>A state's bundled force structure, <c>data/forces/structures/{state}.yaml</c>.</summary>
    public static ForceStructure ReadStructure(CliContext context, PartyCode state)
    {
        var file = Path.Combine(StructuresDirectory(context), state.Value.ToLowerInvariant() + ".yaml");
        if (!File.Exists(file))
        {
            var known = Directory.Exists(StructuresDirectory(context))
                ? string.Join(", ", Directory.GetFiles(StructuresDirectory(context), "*.yaml").Select(f => Path.GetFileNameWithoutExtension(f).ToUpperInvariant()).Order(StringComparer.Ordinal))
                : "none";
            throw new InputException(new Diagnostic("--forces", 0, 0, string.Empty, $"no force structure for {state} ({file}): structures exist for {known}"));
        }

        var structure = StructureReader.Parse(CommandLineInput.ReadText(file, "--forces"), file);
        return structure.State == state ? structure
            : throw new InputException(new Diagnostic(file, 0, 0, "state", $"the file is for {structure.State}, not {state}"));
    }

    /// <summary>The states of <c>--forces CN,US</c>, each once, in the order given.</summary>
    public static IReadOnlyList<PartyCode> ParseStates(string text, string option)
    {
        var states = text.Split(',', StringSplitOptions.TrimEntries).Select(s => ParseState(s, option)).Distinct().ToList();
        return states.Count > 0 ? states : throw new InputException(new Diagnostic(option, 0, 0, string.Empty, "expected one or more states, such as US,RU"));
    }
}
