using System.CommandLine;

namespace Verity.Cli.Commands;

/// <summary>The options of <c>verity detect</c>: those of attribute sampling, those of a regime, and the two they share (--goal, --json).</summary>
internal sealed class DetectOptions
{
    public Option<long?> Population { get; } = new("--population") { Description = "Attribute sampling: N, the items in the stratum.", HelpName = "N" };

    public Option<long?> Defects { get; } = new("--defects") { Description = "Attribute sampling: M, the defective (falsified) items among them.", HelpName = "M" };

    public Option<long?> Samples { get; } = new("--samples") { Description = "Attribute sampling: n, the items drawn at random without replacement.", HelpName = "n" };

    public Option<double?> Goal { get; } = new("--goal") { Description = $"The detection goal 1 − β, strictly between 0 and 1: the samples it needs (attribute sampling; default {DetectCommand.DefaultGoal}), or the quota and missiles per inspection it needs per treaty year (a regime). Exit 1 when not reached.", HelpName = "G" };

    public Option<string> Treaty { get; } = new("--treaty") { Description = "A regime: the treaty definition (YAML file) or a bundled treaty's name, such as new-start; its inspection quota and its database give the model.", HelpName = "FILE" };

    public Option<string> Party { get; } = new("--party") { Description = "The inspected party (ISO 3166-1 alpha-2), whose deployed missiles hide the excess.", HelpName = "P" };

    public Option<string> At { get; } = new("--at") { Description = "The date of the party's forces and of the treaty year whose quota applies, YYYY-MM-DD (default: today, UTC).", HelpName = "D" };

    public Option<int?> Excess { get; } = new("--excess") { Description = "E, the warheads hidden as extra reentry vehicles beyond the declared loads.", HelpName = "E" };

    public Option<int?> Spread { get; } = new("--spread") { Description = "K, the missiles carrying the excess, 1 to E (default E: one extra reentry vehicle each, the most spread).", HelpName = "K" };

    public Option<string> Placement { get; } = new("--placement") { Description = "Where the K missiles are: random (a uniform choice among all deployed missiles; the default), even (spread over the bases in turn) or concentrated (the largest base first).", HelpName = "HOW" };

    public Option<string> Reload { get; } = new("--reload") { Description = "never (the same missiles carry the excess every year; the default) or yearly (moved to missiles chosen afresh each treaty year).", HelpName = "WHEN" };

    public Option<string> SiteChoice { get; } = new("--site-choice") { Description = "How an inspection chooses its base: uniform (every base equally likely; the default) or by-missiles (in proportion to its deployed missiles).", HelpName = "HOW" };

    public Option<int?> Quota { get; } = new("--quota") { Description = "Inspections a treaty year spent at the missile bases, instead of the treaty's quota.", HelpName = "N" };

    public Option<string> Inspection { get; } = new("--inspection") { Description = "The treaty's inspection type whose quota applies (default: the first it lists, such as type-one).", HelpName = "TYPE" };

    public Option<int?> PerInspection { get; } = new("--per-inspection") { Description = "The missiles whose reentry vehicles one inspection counts (default 1).", HelpName = "C" };

    public Option<int?> Years { get; } = new("--years") { Description = "The treaty years modelled, 1 to 100 (default 1).", HelpName = "Y" };

    public Option<long?> Trials { get; } = new("--trials") { Description = "Monte Carlo trials, 1 to 100,000,000 (default 100,000).", HelpName = "T" };

    public Option<long?> Seed { get; } = new("--seed") { Description = "The seed of the Monte Carlo run (default 2026); the same seed gives the same numbers.", HelpName = "S" };

    public Option<string> Inventory { get; } = new("--inventory") { Description = "The party's items as an inventory CSV (uid,party,kind,type,status,warheads,location[,...]) instead of the treaty's bundled record.", HelpName = "FILE" };

    public Option<string> Exchange { get; } = new("--exchange") { Description = "The exchange definition whose warheads-by-base groups name the missiles inspected (default data/exchanges/<treaty>.yaml).", HelpName = "FILE" };

    public Option<bool> Json { get; } = new("--json") { Description = "Print JSON for programs instead of tables." };

    public IEnumerable<Option> Sampling => [Population, Defects, Samples];

    public IEnumerable<Option> Regime => [Treaty, Party, At, Excess, Spread, Placement, Reload, SiteChoice, Quota, Inspection, PerInspection, Years, Trials, Seed, Inventory, Exchange];

    public IEnumerable<Option> All => [.. Sampling, Goal, .. Regime, Json];
}
