using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console;
using Verity.Core;
using Verity.Core.Forces;
using Verity.Core.Treaties;

namespace Verity.Cli.Commands;

/// <summary>The inventory <c>comply --forces</c> counts: each state's forces built on the date, in the treaty's vocabulary.</summary>
internal sealed record ForcesInventory(IReadOnlyList<BuiltForces> Built, TreatyFit Fit, string? Estimates)
{
    public static ForcesInventory Build(CliContext context, Treaty treaty, string statesText, string? estimatesPath, NodaTime.LocalDate at)
    {
        var states = ForcesInput.ParseStates(statesText, "--forces");
        var strangers = states.Where(s => !treaty.HasParty(s)).ToList();
        if (strangers.Count > 0)
        {
            throw new InputException(new Diagnostic("--forces", 0, 0, string.Empty,
                $"{string.Join(", ", strangers)} {(strangers.Count == 1 ? "is not a party" : "are not parties")} to {treaty.Name}: its parties are {string.Join(", ", treaty.Parties.Select(p => p.Code))}"));
        }

        var structures = states.Select(s => ForcesInput.ReadStructure(context, s)).ToList();
        EstimateSet? estimates = null;
        Precedence? precedence = null;
        if (estimatesPath is not null || File.Exists(ForcesInput.BundledEstimates(context)))
        {
            estimates = ForcesInput.ReadEstimates(context, estimatesPath);
            precedence = ForcesInput.ReadPrecedence(context, null);
        }

        var built = structures.Select(s => ForceBuilder.Build(s, at, estimates is null ? null : m => FigurePicker.Pick(estimates, precedence!, s.State, m, at))).ToList();
        var fit = ForceBuilder.ForTreaty(Core.Items.Inventory.From(built.SelectMany(b => b.Inventory)), treaty);
        if (!fit.Missing.IsEmpty)
        {
            throw new InputException(fit.Missing.Select(m => new Diagnostic("--treaty", 0, 0, string.Empty, $"{treaty.Id} lacks {m}, which the forces of {string.Join(",", states)} need")));
        }

        return new ForcesInventory(built, fit, estimates?.Origin);
    }

    public JsonObject ToJson() => new()
    {
        ["states"] = new JsonArray([.. Built.Select(b => JsonValue.Create(b.State.Value))]),
        ["estimates"] = Estimates,
        ["items"] = new JsonArray([.. Fit.Counted.Select(i => (JsonNode)Line(i))]),
        ["left_out"] = new JsonArray([.. Fit.LeftOut.Select(i => (JsonNode)Line(i))]),
        ["notes"] = new JsonArray([.. Built.SelectMany(b => b.Notes).Select(n => JsonValue.Create(n))]),
    };

    public void Print(CliContext context)
    {
        context.Out.MarkupLineInterpolated($"[bold]Forces built[/] for {string.Join(", ", Built.Select(b => b.State.Value))} as of {CommandLineInput.Format(Built[0].At)}: {Fit.Counted.Count} line(s), {Fit.Counted.Sum(i => i.Quantity):N0} unit(s); basis {Bases()}");
        if (!Fit.LeftOut.IsEmpty)
        {
            var kinds = Fit.LeftOut.GroupBy(i => i.Kind).Select(g => $"{g.Sum(i => i.Quantity).ToString("N0", CultureInfo.InvariantCulture)} {g.Key}");
            context.Out.MarkupLineInterpolated($"  not in the treaty's kinds, left out: {string.Join(", ", kinds)}");
        }

        foreach (var note in Built.SelectMany(b => b.Notes))
        {
            context.Out.MarkupLineInterpolated($"  [yellow]{note}[/]");
        }
    }

    private string Bases() => string.Join(", ", Fit.Counted
        .GroupBy(i => i.Get(ForceBuilder.BasisAttribute) ?? "estimate")
        .Select(g => $"{g.Key} {g.Sum(i => i.Quantity).ToString("N0", CultureInfo.InvariantCulture)}"));

    private static JsonObject Line(Core.Items.Item item) => new()
    {
        ["uid"] = item.Uid,
        ["party"] = item.Party.Value,
        ["kind"] = item.Kind,
        ["type"] = item.Type,
        ["status"] = item.Status,
        ["warheads"] = item.Warheads,
        ["quantity"] = item.Quantity,
        ["basis"] = item.Get(ForceBuilder.BasisAttribute),
        ["source"] = item.Get(ForceBuilder.SourceAttribute),
    };
}
