using System.Collections.Immutable;
using Verity.Core.Items;
using Verity.Core.Loading;
using Verity.Core.Treaties;

namespace Verity.Core.Tests;

/// <summary>Where the test vectors and the bundled data are, and small builders of items.</summary>
internal static class TestData
{
    private static readonly Lazy<Treaty> NewStartTreaty = new(() => Bundled("new-start"));

    /// <summary>The bundled New START definition, data/treaties/new-start.yaml.</summary>
    public static Treaty NewStart => NewStartTreaty.Value;

    public static string DataPath(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "data", .. parts]);

    public static string VectorPath(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "testdata", .. parts]);

    public static Treaty Bundled(string name) =>
        TreatyReader.Parse(File.ReadAllText(DataPath("treaties", name + ".yaml")), name + ".yaml");

    /// <summary>Reads a treaty vector from testdata/treaties/, naming it by its file name in diagnostics.</summary>
    public static Treaty Vector(string fileName) =>
        TreatyReader.Parse(File.ReadAllText(VectorPath("treaties", fileName)), fileName);

    public static Item Item(string uid, string party, string kind, string status, int warheads = 0, string type = "T", string? armament = null)
    {
        var attributes = armament is null
            ? ImmutableSortedDictionary<string, string>.Empty
            : ImmutableSortedDictionary<string, string>.Empty.Add("armament", armament);
        return new Item(uid, PartyCode.Parse(party), kind, type, status, warheads, "base", attributes);
    }

    /// <summary><paramref name="count"/> items of one description, uids <c>{prefix}-1</c> to <c>{prefix}-{count}</c>.</summary>
    public static IEnumerable<Item> Many(int count, string prefix, string party, string kind, string status, int warheads = 0, string type = "T", string? armament = null) =>
        Enumerable.Range(1, count).Select(i => Item($"{prefix}-{i}", party, kind, status, warheads, type, armament));
}
