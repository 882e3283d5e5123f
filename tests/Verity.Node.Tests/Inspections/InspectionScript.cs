using System.Collections.Immutable;
using System.Text.Json;
using Verity.Core;
using Verity.Core.Exchanges;
using Verity.Core.Inspections;
using Verity.Core.Records;
using Verity.Node.Inspections;

namespace Verity.Node.Tests.Inspections;

/// <summary>
/// An inspection of Russia by the United States written as both parties' logs, each step checked before it is added
/// as a node checks it (<see cref="InspectionTrail.Admit(PartyRecord, string, ReadOnlySpan{byte})"/>), over the replay's
/// first databases of each party: no node, no network.
/// </summary>
internal sealed class InspectionScript
{
    public const string Id = "US-RU-1";
    public static readonly NodaTime.LocalDate Arrival = new(2011, 5, 10);
    private static readonly Lazy<ReplayedRecord> Shared = new(() => new ReplayedRecord());
    private readonly Dictionary<PartyCode, List<RecordEntry>> _entries;

    public InspectionScript()
    {
        Replay = Shared.Value;
        _entries = new()
        {
            [ReplayedRecord.US] = [new RecordEntry(0, StatementTypes.Declaration, Replay.Databases[0].ToJson().ToArray())],
            [ReplayedRecord.RU] = [new RecordEntry(0, StatementTypes.Declaration, Replay.Russian.ToJson().ToArray())],
        };
        Site = Replay.Russian.ListedItems().Values.Where(i => i.Status == "deployed" && i.Warheads > 0).Select(i => i.Location).Order(StringComparer.Ordinal).First();
        Missiles = [.. Replay.Russian.ListedItems().Values.Where(i => i.Location == Site && i.Status == "deployed" && i.Warheads > 0).OrderBy(i => i.Uid, StringComparer.Ordinal)];
    }

    public ReplayedRecord Replay { get; }

    /// <summary>A site of Russia's database with deployed missiles.</summary>
    public string Site { get; }

    /// <summary>The deployed missiles Russia's database lists at the site, by uid.</summary>
    public ImmutableArray<DatabaseItem> Missiles { get; }

    /// <summary>Every item Russia's database lists at the site.</summary>
    public IEnumerable<DatabaseItem> AtSite => Replay.Russian.ListedItems().Values.Where(i => i.Location == Site);

    public (string Nonce, string Commitment) UsNonce { get; } = RecordJointDraw.NewNonce(System.Security.Cryptography.RandomNumberGenerator.Create());

    public (string Nonce, string Commitment) RuNonce { get; } = RecordJointDraw.NewNonce(System.Security.Cryptography.RandomNumberGenerator.Create());

    public PartyRecord Record(PartyCode party) => PartyRecord.Build(Replay.Treaty, Replay.Definition, party, _entries[party]);

    public InspectionTrail Trail() => InspectionTrail.Of(Replay.Treaty, [Record(ReplayedRecord.US), Record(ReplayedRecord.RU)], RecordJointDraw.Instance);

    /// <summary>Two nodes (US, RU), each with its party's first database in its log, mirrored by the other.</summary>
    public static async Task<NodeCluster> StartClusterAsync()
    {
        var cluster = await NodeCluster.StartAsync(NodeCluster.NewStart, "US", "RU");
        var replay = Shared.Value;
        using (var us = cluster.Client("US"))
        {
            await ReplayedRecord.SubmitAsync(us, StatementTypes.Declaration, replay.Databases[0].ToJson().ToArray());
        }

        using (var ru = cluster.Client("RU"))
        {
            await ReplayedRecord.SubmitAsync(ru, StatementTypes.Declaration, replay.Russian.ToJson().ToArray());
        }

        await cluster.RoundAsync();
        return cluster;
    }

    public static byte[] Body(object body) => JsonSerializer.SerializeToUtf8Bytes(body);

    /// <summary>The problems of the step; when none, it is added to the party's log.</summary>
    public ImmutableArray<Diagnostic> Try(PartyCode party, string type, object body)
    {
        var bytes = Body(body);
        var problems = Trail().Admit(Record(party), type, bytes);
        if (problems.IsEmpty)
        {
            _entries[party].Add(new RecordEntry(_entries[party].Count, type, bytes));
        }

        return problems;
    }

    /// <summary>Adds the step to the party's log unchecked, as a node that does not check would.</summary>
    public void Force(PartyCode party, string type, object body) => _entries[party].Add(new RecordEntry(_entries[party].Count, type, Body(body)));

    /// <summary>Adds the step, which must fit.</summary>
    public void Step(PartyCode party, string type, object body)
    {
        var problems = Try(party, type, body);
        Assert.True(problems.IsEmpty, string.Join("; ", problems));
    }

    /// <summary>The steps up to both commitments, honestly: Russia lists the missiles at the site as declared.</summary>
    public InspectionScript ThroughCommitments(IEnumerable<object>? missiles = null)
    {
        Step(ReplayedRecord.US, InspectionStatements.Notice, new { inspection = Id, inspected = "RU", type = "type-one", arrival = "2011-05-10" });
        Step(ReplayedRecord.US, InspectionStatements.Designation, new { inspection = Id, site = Site });
        Step(ReplayedRecord.RU, InspectionStatements.SiteInformation, new { inspection = Id, site = Site, missiles = missiles ?? Missiles.Select(m => (object)new { uid = m.Uid, warheads = m.Warheads }) });
        Step(ReplayedRecord.US, InspectionStatements.Commitment, new { inspection = Id, commitment = UsNonce.Commitment });
        Step(ReplayedRecord.RU, InspectionStatements.Commitment, new { inspection = Id, commitment = RuNonce.Commitment });
        return this;
    }

    /// <summary>Both reveals, then the selection of one missile the draw gives; returns its uid.</summary>
    public string RevealAndSelect()
    {
        Step(ReplayedRecord.US, InspectionStatements.Reveal, new { inspection = Id, nonce = UsNonce.Nonce });
        Step(ReplayedRecord.RU, InspectionStatements.Reveal, new { inspection = Id, nonce = RuNonce.Nonce });
        var selected = Selected(1);
        Step(ReplayedRecord.US, InspectionStatements.Selection, new { inspection = Id, selected });
        return selected[0];
    }

    /// <summary>The missiles the draw selects, by hand: SHA-256(US nonce || RU nonce) through JointDraw.Select over the list.</summary>
    public string[] Selected(int count)
    {
        var seed = Verity.Record.Draw.JointDraw.Conclude(["US", "RU"],
            [Verity.Record.Draw.JointDraw.Commit("US", [.. Convert.FromBase64String(UsNonce.Nonce)]), Verity.Record.Draw.JointDraw.Commit("RU", [.. Convert.FromBase64String(RuNonce.Nonce)])],
            [new("US", [.. Convert.FromBase64String(UsNonce.Nonce)]), new("RU", [.. Convert.FromBase64String(RuNonce.Nonce)])]).Seed!.Value;
        var listed = Trail()[Id]!.Listed;
        return [.. Verity.Record.Draw.JointDraw.Select(seed, listed.Length, count).Select(i => listed[i].Uid)];
    }
}
