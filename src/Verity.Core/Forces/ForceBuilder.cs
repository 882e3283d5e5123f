using System.Collections.Immutable;
using NodaTime;
using NodaTime.Text;
using Verity.Core.Items;
using Verity.Core.Treaties;

namespace Verity.Core.Forces;

/// <summary>
/// Builds a state's item-level forces on a date from its <see cref="ForceStructure"/>, so that a treaty counts them
/// exactly as it counts an inventory file. Pure.
/// </summary>
/// <remarks>
/// <para>For each system type, the latest step on or before the date gives (as lines with a quantity):</para>
/// <list type="bullet">
/// <item>deployed missiles of the system's kind (<c>icbm</c>, <c>slbm</c>), the warheads spread as evenly as whole numbers
/// allow (W warheads on D missiles: W mod D missiles carry ⌊W/D⌋+1, the rest ⌊W/D⌋), so the total is exact;</item>
/// <item>launchers of the launcher kind: <c>deployed</c> (one per deployed missile) and <c>non-deployed</c> (the rest);</item>
/// <item>for bombers (<c>heavy-bomber</c>): deployed and non-deployed bombers, with no warheads on the item;</item>
/// <item>one <c>warhead</c> line, status <c>deployed</c>, for the warheads on the missiles or at the bombers' bases.</item>
/// </list>
/// <para>The storage step on or before the date gives <c>warhead</c> lines with status <c>stored</c>, <c>retired</c> and
/// (for deployed warheads on no system listed) <c>deployed</c>. So the stockpile is the <c>warhead</c> lines with status
/// deployed or stored, and the deployed warheads are also on their missiles, for treaties that count them there.</para>
/// <para>Every item has the attributes <c>basis</c> — <c>estimate</c> (or <c>declared</c>) when the references give its
/// figures, <c>illustrative</c> when one does not, <c>projected</c> after <see cref="ForceStructure.Through"/>, where the
/// last steps are held flat — and <c>source</c>, the URL of its main figure.</para>
/// </remarks>
public static class ForceBuilder
{
    /// <summary>The kind of warhead lines.</summary>
    public const string WarheadKind = "warhead";

    /// <summary>The attribute saying what a line rests on.</summary>
    public const string BasisAttribute = "basis";

    /// <summary>The attribute naming the URL of a line's main figure.</summary>
    public const string SourceAttribute = "source";

    /// <summary>The attribute naming the system a warhead line belongs to.</summary>
    public const string SystemAttribute = "system";

    /// <summary>Builds the forces on a date.</summary>
    /// <param name="structure">The state's force structure.</param>
    /// <param name="at">The date.</param>
    /// <param name="estimates">The figure believed for a measure of the state on the date, for figures the structure takes
    /// from the estimates; <c>null</c> when no estimates are given (such figures are then left unbuilt, with a note).</param>
    public static BuiltForces Build(ForceStructure structure, LocalDate at, Func<ForceMeasure, ForceFigure>? estimates = null)
    {
        ArgumentNullException.ThrowIfNull(structure);
        var state = structure.State;
        var projected = at > structure.Through;
        var items = new List<Item>();
        var notes = ImmutableArray.CreateBuilder<string>();

        (long? Value, string Basis, string Source) Resolve(StructureFigure? figure, string what)
        {
            if (figure is null)
            {
                return (null, "estimate", string.Empty);
            }

            if (figure.FromEstimates is not { } measure)
            {
                return (figure.Value, figure.Illustrative ? "illustrative" : "estimate", figure.Source ?? string.Empty);
            }

            if (estimates?.Invoke(measure) is not { Picked: { } picked } picks || picks.Value is not { } value)
            {
                notes.Add($"{state} {what}: the estimates give no figure for {measure} as of {Format(at)}; no line built");
                return (null, "estimate", string.Empty);
            }

            return (value, picked.Basis == EstimateBasis.Declared ? "declared" : "estimate", picked.Source);
        }

        string Basis(params string[] bases) => projected ? "projected"
            : bases.Contains("illustrative") ? "illustrative"
            : bases.All(b => b == "declared") ? "declared"
            : "estimate";

        void Add(string uid, string kind, string type, string status, long quantity, int warheads, string location, string basis, string source, string? system = null)
        {
            if (quantity < 1)
            {
                return;
            }

            var attributes = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            attributes[BasisAttribute] = basis;
            if (source.Length > 0)
            {
                attributes[SourceAttribute] = source;
            }

            if (system is not null)
            {
                attributes[SystemAttribute] = system;
            }

            items.Add(new Item(uid, state, kind, type, status, warheads, location, attributes.ToImmutable()) { Quantity = quantity });
        }

        foreach (var system in structure.Systems)
        {
            if (system.Steps.LastOrDefault(s => s.From <= at) is not { } step)
            {
                continue;
            }

            var prefix = $"{state}-{system.Code}";
            var location = string.Join(", ", step.Bases.IsDefaultOrEmpty ? system.Bases : step.Bases);
            var launchers = Resolve(step.Launchers, $"{system.Type} launchers");
            var deployed = Resolve(step.Deployed, $"{system.Type} deployed");
            var warheads = Resolve(step.Warheads, $"{system.Type} warheads");
            var total = launchers.Value ?? 0;
            var up = deployed.Value ?? 0;
            var heads = warheads.Value ?? 0;
            if (system.LauncherKind is null)
            {
                Add($"{prefix}-deployed", system.Kind, system.Type, "deployed", up, 0, location, Basis(deployed.Basis), deployed.Source);
                Add($"{prefix}-non-deployed", system.Kind, system.Type, "non-deployed", total - up, 0, location, Basis(launchers.Basis, deployed.Basis), launchers.Source);
            }
            else
            {
                var each = up > 0 ? heads / up : 0;
                var heavier = up > 0 ? heads % up : 0;
                var missileBasis = Basis(deployed.Basis, warheads.Basis);
                Add($"{prefix}-{system.Kind}-{each + 1}", system.Kind, system.Type, "deployed", heavier, (int)(each + 1), location, missileBasis, deployed.Source);
                Add($"{prefix}-{system.Kind}-{each}", system.Kind, system.Type, "deployed", up - heavier, (int)each, location, missileBasis, deployed.Source);
                Add($"{prefix}-launchers-deployed", system.LauncherKind, system.Type, "deployed", up, 0, location, Basis(deployed.Basis), deployed.Source);
                Add($"{prefix}-launchers-non-deployed", system.LauncherKind, system.Type, "non-deployed", total - up, 0, location, Basis(launchers.Basis, deployed.Basis), launchers.Source);
            }

            Add($"{prefix}-warheads-deployed", WarheadKind, WarheadKind, "deployed", heads, 0, location, Basis(warheads.Basis), warheads.Source, system.Type);
        }

        if (structure.Storage.LastOrDefault(s => s.From <= at) is { } storage)
        {
            var stored = Resolve(storage.Stored, "stored warheads");
            var retired = Resolve(storage.Retired, "retired warheads");
            var other = Resolve(storage.DeployedOther, "other deployed warheads");
            Add($"{state}-warheads-stored", WarheadKind, WarheadKind, "stored", stored.Value ?? 0, 0, storage.Location, Basis(stored.Basis), stored.Source);
            Add($"{state}-warheads-retired", WarheadKind, WarheadKind, "retired", retired.Value ?? 0, 0, storage.Location, Basis(retired.Basis), retired.Source);
            Add($"{state}-warheads-deployed-other", WarheadKind, WarheadKind, "deployed", other.Value ?? 0, 0, storage.Location, Basis(other.Basis), other.Source, "other");
        }

        if (projected)
        {
            notes.Add($"{state}: {Format(at)} is after {Format(structure.Through)}, the date of the latest reference: the last steps are held flat, labelled projected");
        }

        return new BuiltForces(state, at, Inventory.From(items), notes.ToImmutable());
    }

    /// <summary>
    /// Puts built forces in a treaty's vocabulary. The forces need either the kind <c>warhead</c> (then missiles, launchers
    /// and bombers of kinds the treaty lacks are left out: their warheads are counted as <c>warhead</c> lines) or every
    /// delivery kind they have (then <c>warhead</c> lines are left out: the deployed warheads are on their missiles).
    /// Every item kept must have a status the treaty defines: the built status, or the treaty's status that plays that role.
    /// </summary>
    public static TreatyFit ForTreaty(Inventory inventory, Treaty treaty)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(treaty);
        var kinds = treaty.ItemKinds.Select(k => k.Id).ToHashSet(StringComparer.Ordinal);
        var statuses = treaty.Statuses.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var counted = new List<Item>();
        var leftOut = ImmutableArray.CreateBuilder<Item>();
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var built in inventory)
        {
            var item = built;
            if (kinds.Contains(item.Kind))
            {
                // The built items' statuses are role names (deployed, non-deployed, stored, retired): a treaty that
                // words them otherwise declares which of its statuses plays each role.
                if (!statuses.Contains(item.Status) && treaty.StatusFor(item.Status) is { } worded)
                {
                    item = item with { Status = worded };
                }

                if (!statuses.Contains(item.Status))
                {
                    missing.Add($"status '{item.Status}' (of {item.Kind} {item.Uid})");
                }

                counted.Add(item);
            }
            else if (item.Kind == WarheadKind || kinds.Contains(WarheadKind))
            {
                leftOut.Add(item);
            }
            else
            {
                missing.Add($"kind '{item.Kind}' (or '{WarheadKind}')");
            }
        }

        return new TreatyFit(Inventory.From(counted), leftOut.ToImmutable(), [.. missing]);
    }

    private static string Format(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
