using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using Verity.Core.Items;

namespace Verity.Core.Analysis.Replay;

/// <summary>
/// Builds a synthetic item-level history (dated events on items with synthetic identifiers, real types and bases)
/// consistent with every published aggregate and breakdown: at each date with published data, the items as of
/// that date count exactly the published figures.
/// </summary>
/// <remarks>
/// At each data date the target numbers per kind, type and status are fixed first (published breakdowns, then
/// the published aggregates split by the force model's shares); then the party's items are moved to them with
/// the fewest changes: deploy or withdraw missiles, load or remove warheads, convert, produce, eliminate. The
/// events of one period are spread over the days between the two data dates, in a valid order.
/// </remarks>
public sealed class HistorySynthesizer
{
    private readonly ForceModel _model;
    private readonly ImmutableArray<PublishedFigure> _figures;
    private readonly ImmutableArray<PublishedBreakdown> _breakdowns;
    private readonly AggregateMeasures _measures;

    /// <summary>Creates a synthesizer.</summary>
    /// <param name="model">The force structure.</param>
    /// <param name="figures">The published aggregates.</param>
    /// <param name="breakdowns">The published breakdowns.</param>
    public HistorySynthesizer(ForceModel model, ImmutableArray<PublishedFigure> figures, ImmutableArray<PublishedBreakdown> breakdowns)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _figures = figures;
        _breakdowns = breakdowns;
        _measures = model.Measures;
    }

    /// <summary>The events of every party, in date order.</summary>
    /// <exception cref="InvalidOperationException">The published data and the force model cannot be met together; the message names the date and the number.</exception>
    public ImmutableArray<ItemEvent> Synthesize()
    {
        var events = new List<ItemEvent>();
        foreach (var party in _model.Parties)
        {
            events.AddRange(new PartyHistory(this, party).Build());
        }

        return [.. events.OrderBy(e => e.Date)];
    }

    /// <summary>The dates at which a party has at least one figure.</summary>
    public ImmutableArray<LocalDate> DataDates(PartyCode party) =>
        [.. _figures.Where(f => f.Party == party && f.Value is not null).Select(f => f.Date).Distinct().Order()];

    /// <summary>A party's value of one measure on a date: the published figure, or linear interpolation between the nearest published ones.</summary>
    public long? ValueAt(PartyCode party, string measure, LocalDate date)
    {
        var points = _figures.Where(f => f.Party == party && f.Measure == measure && f.Value is not null).OrderBy(f => f.Date).ToList();
        if (points.Count == 0)
        {
            return null;
        }

        var exact = points.FirstOrDefault(p => p.Date == date);
        if (exact is not null)
        {
            return exact.Value;
        }

        var before = points.LastOrDefault(p => p.Date < date);
        var after = points.FirstOrDefault(p => p.Date > date);
        if (before is null || after is null)
        {
            return (before ?? after)!.Value;
        }

        var span = Period.Between(before.Date, after.Date, PeriodUnits.Days).Days;
        var at = Period.Between(before.Date, date, PeriodUnits.Days).Days;
        return (long)Math.Round(before.Value!.Value + ((after.Value!.Value - before.Value.Value) * (double)at / span), MidpointRounding.AwayFromZero);
    }

    private int? Breakdown(PartyCode party, LocalDate date, string kind, string? type, params string[] statuses) =>
        _breakdowns.FirstOrDefault(b => b.Party == party && b.Date == date && b.Kind == kind && b.Type == type && b.Statuses.SequenceEqual(statuses))?.Count;

    /// <summary>Splits a total over keys in proportion to weights, by largest remainder; fixed counts are taken first.</summary>
    internal static Dictionary<string, int> Split(int total, IReadOnlyList<string> keys, Func<string, double> weight, IReadOnlyDictionary<string, int>? fixedCounts = null)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        var free = keys.Where(k => fixedCounts is null || !fixedCounts.ContainsKey(k)).ToList();
        var remaining = total;
        foreach (var key in keys.Where(k => fixedCounts is not null && fixedCounts.ContainsKey(k)))
        {
            result[key] = fixedCounts![key];
            remaining -= fixedCounts[key];
        }

        var weights = free.Select(k => Math.Max(0, weight(k))).ToList();
        var sum = weights.Sum();
        if (free.Count == 0)
        {
            return result;
        }

        if (sum <= 0)
        {
            weights = [.. free.Select(_ => 1.0)];
            sum = free.Count;
        }

        var exact = weights.Select(w => remaining * w / sum).ToList();
        var floors = exact.Select(e => (int)Math.Floor(e)).ToList();
        var left = remaining - floors.Sum();
        foreach (var i in Enumerable.Range(0, free.Count).OrderByDescending(i => exact[i] - floors[i]).ThenBy(i => i).Take(Math.Max(0, left)))
        {
            floors[i]++;
        }

        for (var i = 0; i < free.Count; i++)
        {
            result[free[i]] = floors[i];
        }

        return result;
    }

    /// <summary>One party's targets and items, moved from date to date.</summary>
    private sealed class PartyHistory(HistorySynthesizer owner, PartyForces forces)
    {
        private readonly List<Unit> _units = [];
        private readonly Dictionary<string, Unit> _byUid = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _serials = new(StringComparer.Ordinal);
        private readonly List<(int Step, ItemEvent Event)> _pending = [];
        private readonly List<ItemEvent> _events = [];
        private int _step;
        private LocalDate _date;

        public List<ItemEvent> Build()
        {
            var dates = owner.DataDates(forces.Party);
            LocalDate? previous = null;
            foreach (var date in dates)
            {
                var targets = Targets(date);
                _date = date;
                _step = 0;
                if (previous is null)
                {
                    foreach (var training in forces.Training)
                    {
                        for (var i = 0; i < training.Count; i++)
                        {
                            Produce(training.Kind, Type(training.Kind, training.Type), training.Status, training.Location, 0, Item.NoAttributes);
                        }
                    }
                }

                Apply(targets);
                Flush(previous ?? date.PlusDays(-1), date, first: previous is null);
                previous = date;
            }

            return _events;
        }

        private ForceType Type(string kind, string type) =>
            forces.Missiles.Where(m => m.Kind == kind || m.LauncherKind == kind).SelectMany(m => m.Types)
                .Concat(forces.Bombers.Kind == kind ? forces.Bombers.Types : [])
                .FirstOrDefault(t => t.Type == type)
            ?? throw new InvalidOperationException($"{forces.Party}: no type '{type}' of kind '{kind}' in the force model.");

        private Targets Targets(LocalDate date)
        {
            var party = forces.Party;
            string Where(string what) => $"{party} on {date:yyyy-MM-dd}: {what}";
            var deployedTotal = (int)(owner.ValueAt(party, owner._measures.Deployed, date) ?? throw new InvalidOperationException(Where("no deployed figure")));
            var warheadsTotal = (int)(owner.ValueAt(party, owner._measures.Warheads, date) ?? throw new InvalidOperationException(Where("no warheads figure")));
            var launchersTotal = (int)(owner.ValueAt(party, owner._measures.Launchers, date) ?? throw new InvalidOperationException(Where("no launchers figure")));
            var t = new Targets();

            // Deployed systems by kind: breakdowns first, then shares; the last missile kind takes the rest.
            var missileKinds = forces.Missiles.Select(m => m.Kind).ToList();
            var bomberKind = forces.Bombers.Kind;
            var deployedByKind = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var kind in missileKinds.Take(missileKinds.Count - 1).Append(bomberKind))
            {
                deployedByKind[kind] = KindCount(date, kind, ["deployed"])
                    ?? (int)Math.Round(deployedTotal * (forces.DeployedShares.ValueAt(kind, date) ?? 0), MidpointRounding.AwayFromZero);
            }

            deployedByKind[missileKinds[^1]] = deployedTotal - deployedByKind.Values.Sum();
            foreach (var (kind, count) in deployedByKind)
            {
                foreach (var (type, n) in TypeSplit(date, kind, count, ["deployed"]))
                {
                    t.Deployed[(kind, type)] = Check(n, Where($"deployed {kind} {type}"));
                }
            }

            // Warheads on deployed missiles: the total less those counted for bombers, by kind, then missile by missile.
            var missileWarheads = warheadsTotal - (deployedByKind[bomberKind] * WarheadsPerBomber);
            var remaining = missileWarheads;
            for (var k = 0; k < forces.Missiles.Length; k++)
            {
                var category = forces.Missiles[k];
                var counts = category.Types.Select(ty => (Type: ty, Count: t.Deployed.GetValueOrDefault((category.Kind, ty.Type)))).ToList();
                var missiles = counts.Sum(c => c.Count);
                var capacity = counts.Sum(c => c.Count * c.Type.MaxWarheads);
                var restCapacity = forces.Missiles.Skip(k + 1).Sum(m => m.Types.Sum(ty => t.Deployed.GetValueOrDefault((m.Kind, ty.Type)) * ty.MaxWarheads));
                var restMissiles = forces.Missiles.Skip(k + 1).Sum(m => m.Types.Sum(ty => t.Deployed.GetValueOrDefault((m.Kind, ty.Type))));
                var wanted = k == forces.Missiles.Length - 1
                    ? remaining
                    : (int)Math.Round(missiles * (forces.WarheadsEach.ValueAt(category.Kind, date) ?? 1), MidpointRounding.AwayFromZero);
                wanted = Math.Clamp(wanted, Math.Max(missiles, remaining - restCapacity), Math.Min(capacity, remaining - restMissiles));
                if (wanted < missiles || wanted > capacity)
                {
                    throw new InvalidOperationException(Where($"{wanted} warheads cannot be carried by {missiles} deployed {category.Kind} (1 to {capacity})"));
                }

                t.Loads[category.Kind] = Loads(wanted, [.. counts.SelectMany(c => Enumerable.Repeat(c.Type, c.Count))]);
                remaining -= wanted;
            }

            // Non-deployed launchers and bombers (test ones included), by kind and type.
            var nonDeployedTotal = launchersTotal - deployedTotal;
            var nonDeployedByKind = new Dictionary<string, int>(StringComparer.Ordinal);
            var launcherKinds = forces.Missiles.Select(m => m.LauncherKind).ToList();
            foreach (var kind in launcherKinds.Take(launcherKinds.Count - 1).Append(bomberKind))
            {
                nonDeployedByKind[kind] = KindCount(date, kind, ["non-deployed", "test"])
                    ?? (int)Math.Round(nonDeployedTotal * (forces.NonDeployedShares.ValueAt(kind, date) ?? 0), MidpointRounding.AwayFromZero);
            }

            nonDeployedByKind[launcherKinds[^1]] = nonDeployedTotal - nonDeployedByKind.Values.Sum();
            foreach (var (kind, count) in nonDeployedByKind)
            {
                var shareKind = forces.Missiles.FirstOrDefault(m => m.LauncherKind == kind)?.Kind ?? kind;
                foreach (var (type, n) in TypeSplit(date, kind, count, ["non-deployed", "test"], shareKind))
                {
                    var test = owner.Breakdown(forces.Party, date, kind, type, "test")
                        ?? (int?)forces.Test.Where(a => a.Kind == kind && a.Type == type && a.Date <= date).OrderBy(a => a.Date).LastOrDefault()?.Count
                        ?? 0;
                    test = Math.Min(test, Math.Max(0, n));
                    t.Test[(kind, type)] = test;
                    t.NonDeployed[(kind, type)] = Check(n - test, Where($"non-deployed {kind} {type}"));
                }
            }

            foreach (var conversion in forces.Conversions.Where(c => c.Date <= date).GroupBy(c => (c.Kind, c.Type)))
            {
                var latest = conversion.OrderBy(c => c.Date).Last();
                t.Converted[(latest.Kind, latest.Type)] = (owner.Breakdown(forces.Party, date, latest.Kind, latest.Type, "converted") ?? latest.Count, latest.Attributes);
            }

            return t;
        }

        private int WarheadsPerBomber => owner._model.WarheadsCountedPerBomber;

        private static int Check(int n, string what) =>
            n >= 0 ? n : throw new InvalidOperationException($"{what}: the published figures leave {n} items, fewer than none.");

        private int? KindCount(LocalDate date, string kind, string[] statuses)
        {
            if (owner.Breakdown(forces.Party, date, kind, null, statuses) is { } total)
            {
                return total;
            }

            var types = TypesOf(kind);
            var byType = types.Select(t => owner.Breakdown(forces.Party, date, kind, t.Type, statuses)).ToList();
            return byType.All(c => c is not null) ? byType.Sum() : null;
        }

        private ImmutableArray<ForceType> TypesOf(string kind) =>
            forces.Bombers.Kind == kind ? forces.Bombers.Types : forces.Missiles.First(m => m.Kind == kind || m.LauncherKind == kind).Types;

        private Dictionary<string, int> TypeSplit(LocalDate date, string kind, int count, string[] statuses, string? shareKind = null)
        {
            var types = TypesOf(kind);
            var fixedCounts = types
                .Select(t => (t.Type, Count: owner.Breakdown(forces.Party, date, kind, t.Type, statuses)))
                .Where(x => x.Count is not null)
                .ToDictionary(x => x.Type, x => x.Count!.Value, StringComparer.Ordinal);
            return Split(count, [.. types.Select(t => t.Type)], type => types.Length == 1 ? 1 : forces.TypeShares.ValueAt(type, date) ?? 0, fixedCounts);
        }

        /// <summary>Spreads warheads over missiles as evenly as their types allow.</summary>
        private static int[] Loads(int warheads, ForceType[] missiles)
        {
            var loads = new int[missiles.Length];
            var left = warheads;
            while (left > 0)
            {
                var progressed = false;
                for (var i = 0; i < missiles.Length && left > 0; i++)
                {
                    if (loads[i] < missiles[i].MaxWarheads)
                    {
                        loads[i]++;
                        left--;
                        progressed = true;
                    }
                }

                if (!progressed)
                {
                    break;
                }
            }

            return loads;
        }

        private void Apply(Targets t)
        {
            foreach (var category in forces.Missiles)
            {
                foreach (var type in category.Types)
                {
                    Convert(category.LauncherKind, type, t);
                    Withdraw(category, type, t.Deployed.GetValueOrDefault((category.Kind, type.Type)));
                }
            }

            foreach (var type in forces.Bombers.Types)
            {
                Convert(forces.Bombers.Kind, type, t);
                SetBombers(type, t);
            }

            foreach (var category in forces.Missiles)
            {
                foreach (var type in category.Types)
                {
                    SetTest(category.LauncherKind, type, t.Test.GetValueOrDefault((category.LauncherKind, type.Type)));
                    Deploy(category, type, t.Deployed.GetValueOrDefault((category.Kind, type.Type)));
                    SetNonDeployed(category.LauncherKind, type, t.NonDeployed.GetValueOrDefault((category.LauncherKind, type.Type)));
                }

                Load(category, t.Loads[category.Kind]);
            }
        }

        private List<Unit> Of(string kind, string type, params string[] statuses) =>
            [.. _units.Where(u => u.Kind == kind && u.Type == type && statuses.Contains(u.Status))];

        private void Convert(string kind, ForceType type, Targets t)
        {
            if (!t.Converted.TryGetValue((kind, type.Type), out var target))
            {
                return;
            }

            var needed = target.Count - Of(kind, type.Type, "converted").Count;
            var candidates = Of(kind, type.Type, "non-deployed").Concat(Of(kind, type.Type, "deployed")).Take(Math.Max(0, needed)).ToList();
            foreach (var unit in candidates)
            {
                if (unit.Missile is { } missile)
                {
                    Unload(missile);
                    unit.Missile = null;
                }

                Emit(new ItemConverted(default, unit.Uid, "converted", null, null, target.Attributes));
            }
        }

        private void Withdraw(MissileCategory category, ForceType type, int deployed)
        {
            var launchers = Of(category.LauncherKind, type.Type, "deployed");
            foreach (var launcher in launchers.Skip(deployed).Reverse())
            {
                Unload(launcher.Missile!);
                launcher.Missile = null;
                Emit(new ItemStatusChanged(default, launcher.Uid, "non-deployed"));
            }
        }

        private void Unload(Unit missile)
        {
            if (missile.Warheads > 0)
            {
                Emit(new WarheadsRemoved(default, missile.Uid, missile.Warheads));
            }

            var storage = forces.Missiles.First(m => m.Kind == missile.Kind).Storage;
            Emit(new ItemStatusChanged(default, missile.Uid, "non-deployed"));
            Emit(new ItemMoved(default, missile.Uid, storage));
        }

        private void SetTest(string kind, ForceType type, int count)
        {
            var tests = Of(kind, type.Type, "test");
            foreach (var unit in tests.Skip(count))
            {
                Emit(new ItemStatusChanged(default, unit.Uid, "non-deployed"));
            }

            for (var i = tests.Count; i < count; i++)
            {
                var spare = Of(kind, type.Type, "non-deployed").FirstOrDefault();
                if (spare is null)
                {
                    Produce(kind, type, "test", type.Bases[0], 0, Item.NoAttributes);
                }
                else
                {
                    Emit(new ItemStatusChanged(default, spare.Uid, "test"));
                }
            }
        }

        private void Deploy(MissileCategory category, ForceType type, int deployed)
        {
            var current = Of(category.LauncherKind, type.Type, "deployed").Count;
            for (var i = current; i < deployed; i++)
            {
                var launcher = Of(category.LauncherKind, type.Type, "non-deployed").FirstOrDefault()
                    ?? Produce(category.LauncherKind, type, "non-deployed", Base(category.LauncherKind, type), 0, Item.NoAttributes);
                var missile = _units.FirstOrDefault(u => u.Kind == category.Kind && u.Type == type.Type && u.Status == "non-deployed" && !_units.Any(l => l.Missile == u))
                    ?? Produce(category.Kind, type, "non-deployed", category.Storage, 0, Item.NoAttributes);
                Emit(new ItemDeployed(default, missile.Uid, launcher.Location));

                // The launcher is deployed on the day its missile is emplaced: never a deployed missile in no launcher.
                EmitSameDay(new ItemStatusChanged(default, launcher.Uid, "deployed"));
                launcher.Missile = missile;
            }
        }

        private void SetNonDeployed(string kind, ForceType type, int count)
        {
            var spare = Of(kind, type.Type, "non-deployed");
            foreach (var unit in spare.Skip(count).Reverse())
            {
                Emit(new ItemEliminated(default, unit.Uid));
            }

            for (var i = spare.Count; i < count; i++)
            {
                Produce(kind, type, "non-deployed", Base(kind, type), 0, Item.NoAttributes);
            }
        }

        private void SetBombers(ForceType type, Targets t)
        {
            var kind = forces.Bombers.Kind;
            var deployed = t.Deployed.GetValueOrDefault((kind, type.Type));
            var test = t.Test.GetValueOrDefault((kind, type.Type));
            var spare = t.NonDeployed.GetValueOrDefault((kind, type.Type));
            foreach (var unit in Of(kind, type.Type, "deployed").Skip(deployed).Reverse())
            {
                Emit(new ItemStatusChanged(default, unit.Uid, "non-deployed"));
            }

            SetTest(kind, type, test);
            for (var i = Of(kind, type.Type, "deployed").Count; i < deployed; i++)
            {
                var bomber = Of(kind, type.Type, "non-deployed").FirstOrDefault()
                    ?? Produce(kind, type, "non-deployed", Base(kind, type), 0, Item.NoAttributes);
                Emit(new ItemStatusChanged(default, bomber.Uid, "deployed"));
            }

            SetNonDeployed(kind, type, spare);
        }

        private void Load(MissileCategory category, int[] loads)
        {
            var missiles = category.Types
                .SelectMany(type => Of(category.LauncherKind, type.Type, "deployed").Select(l => l.Missile!))
                .ToList();
            for (var i = 0; i < missiles.Count; i++)
            {
                var missile = missiles[i];
                var target = loads[i];
                if (target > missile.Warheads)
                {
                    Emit(new WarheadsLoaded(default, missile.Uid, target - missile.Warheads));
                }
                else if (target < missile.Warheads)
                {
                    Emit(new WarheadsRemoved(default, missile.Uid, missile.Warheads - target));
                }
            }
        }

        private string Base(string kind, ForceType type)
        {
            var count = _units.Count(u => u.Kind == kind && u.Type == type.Type);
            return type.Bases[count % type.Bases.Length];
        }

        private Unit Produce(string kind, ForceType type, string status, string location, int warheads, ImmutableSortedDictionary<string, string> attributes)
        {
            var prefix = $"{forces.Party}-{KindCode(kind)}-{type.Code}";
            var serial = _serials.GetValueOrDefault(prefix) + 1;
            _serials[prefix] = serial;
            var uid = $"{prefix}-{serial.ToString("D4", CultureInfo.InvariantCulture)}";
            var unit = new Unit(uid, kind, type.Type);
            _units.Add(unit);
            _byUid[uid] = unit;
            Emit(new ItemProduced(default, new Item(uid, forces.Party, kind, type.Type, status, warheads, location, attributes)));
            return unit;
        }

        private static string KindCode(string kind) =>
            string.Concat(kind.Split('-').Select(part => char.ToUpperInvariant(part[0]) + (part.Length > 1 && part == kind ? part[1..].ToUpperInvariant() : string.Empty)));

        private void Emit(ItemEvent e) => _pending.Add((_step++, Applied(e)));

        private void EmitSameDay(ItemEvent e) => _pending.Add((_step - 1, Applied(e)));

        /// <summary>
        /// Takes an event through the ledger's one transition (<see cref="Ledger.TryApply"/>), so that the units' state
        /// here is the state the ledger, the reconciler and the node's views give the same events: never a second copy
        /// of the rules. Events are applied in the order the ledger will apply them (same-day events keep their order).
        /// </summary>
        /// <exception cref="InvalidOperationException">The event cannot apply: the published data and the force model cannot be met together.</exception>
        private ItemEvent Applied(ItemEvent e)
        {
            var unit = _byUid[e.Uid];
            if (!Ledger.TryApply(unit.State, e, out var after, out var problem))
            {
                throw new InvalidOperationException($"{forces.Party}, in the period to {_date:yyyy-MM-dd}: {e.Uid}: {problem.English}");
            }

            unit.State = after;
            if (e is ItemEliminated or ItemLost)
            {
                _units.Remove(unit);
                _byUid.Remove(e.Uid);
            }

            return e;
        }

        /// <summary>Dates the period's events: at the first date all at once (the initial declaration), later spread over the days of the period in order.</summary>
        private void Flush(LocalDate previous, LocalDate date, bool first)
        {
            var days = first ? 0 : Period.Between(previous, date, PeriodUnits.Days).Days;
            var count = _pending.Count;
            foreach (var (step, e) in _pending)
            {
                var offset = first ? 0 : (int)Math.Ceiling((step + 1) * (double)days / count);
                var when = first ? date : previous.PlusDays(Math.Clamp(offset, 1, days));
                _events.Add(e with { Date = when });
            }

            _pending.Clear();
        }
    }

    private sealed class Unit(string uid, string kind, string type)
    {
        public string Uid { get; } = uid;

        public string Kind { get; } = kind;

        public string Type { get; } = type;

        /// <summary>The unit's state, as the ledger's transitions give it (<c>null</c> until it is produced).</summary>
        public Item? State { get; set; }

        public string Status => State!.Status;

        public string Location => State!.Location;

        public int Warheads => State!.Warheads;

        public Unit? Missile { get; set; }
    }

    private sealed class Targets
    {
        public Dictionary<(string Kind, string Type), int> Deployed { get; } = [];

        public Dictionary<(string Kind, string Type), int> NonDeployed { get; } = [];

        public Dictionary<(string Kind, string Type), int> Test { get; } = [];

        public Dictionary<(string Kind, string Type), (int Count, ImmutableSortedDictionary<string, string> Attributes)> Converted { get; } = [];

        public Dictionary<string, int[]> Loads { get; } = new(StringComparer.Ordinal);
    }
}
