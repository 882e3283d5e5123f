using System.Collections.Immutable;
using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Verity.Core.Items;
using Verity.Core.Treaties;

namespace Verity.Core.Loading;

/// <summary>
/// Reads an item-level inventory from CSV: the header <c>uid,party,kind,type,status,warheads,location</c>, and any
/// further columns as item attributes (such as <c>armament</c>), checked against the treaty's vocabulary. An optional
/// <c>quantity</c> column says how many identical units a line stands for (default 1), so that 3,700 stored warheads
/// are one line.
/// </summary>
public static class InventoryReader
{
    /// <summary>The columns every inventory has, in order.</summary>
    public static ImmutableArray<string> RequiredColumns { get; } = ["uid", "party", "kind", "type", "status", "warheads", "location"];

    /// <summary>The optional column of units per line; not an attribute.</summary>
    public const string QuantityColumn = "quantity";

    /// <summary>Reads an inventory; every problem is reported, each with file, line and column name.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="source">The file name for diagnostics.</param>
    /// <param name="treaty">The treaty whose parties, kinds, statuses and attributes the rows must use.</param>
    /// <exception cref="InputException">The inventory has problems; nothing of it is returned.</exception>
    public static Inventory Parse(TextReader reader, string source, Treaty treaty)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(treaty);
        var problems = new List<Diagnostic>();
        var items = new List<Item>();
        using var lines = new CsvBadData.LineCountingReader(reader);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            BadDataFound = CsvBadData.Reporter(source, problems, lines),
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
        };

        using var csv = new CsvReader(lines, config);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header)
        {
            throw new InputException(new Diagnostic(source, 1, 0, string.Empty, $"the file is empty: expected the header {string.Join(",", RequiredColumns)}"));
        }

        var columns = CheckHeader(header, source, problems);
        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }

        var kinds = treaty.ItemKinds.Select(k => k.Id).ToHashSet(StringComparer.Ordinal);
        var statuses = treaty.Statuses.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var attributes = treaty.Attributes.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        while (csv.Read())
        {
            var line = CsvBadData.RecordStart(csv.Parser, lines);
            var record = csv.Parser.Record ?? [];
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (record.Length != header.Length)
            {
                problems.Add(new Diagnostic(source, line, 0, string.Empty, $"{record.Length} field(s), expected {header.Length} as in the header"));
                continue;
            }

            string Field(string name) => record[columns[name]];
            void Problem(string column, string message) => problems.Add(new Diagnostic(source, line, columns[column] + 1, column, message));

            var uid = Field("uid");
            if (uid.Length == 0)
            {
                Problem("uid", "missing: every item has a unique identifier");
            }
            else if (firstLine.TryGetValue(uid, out var first))
            {
                Problem("uid", $"duplicate uid '{uid}', first used on line {first}");
            }
            else
            {
                firstLine[uid] = line;
            }

            if (!PartyCode.TryParse(Field("party"), out var party))
            {
                Problem("party", $"'{Field("party")}' is not a party code: expected two capital letters such as \"US\"");
            }
            else if (!treaty.HasParty(party))
            {
                Problem("party", $"unknown party '{party}': {treaty.Name}'s parties are {string.Join(", ", treaty.Parties.Select(p => p.Code))}");
            }

            if (!kinds.Contains(Field("kind")))
            {
                Problem("kind", $"unknown kind '{Field("kind")}': expected one of {string.Join(", ", kinds)}");
            }

            if (!statuses.Contains(Field("status")))
            {
                Problem("status", $"unknown status '{Field("status")}': expected one of {string.Join(", ", statuses)}");
            }

            if (Field("type").Length == 0)
            {
                Problem("type", "missing: give the item's type, such as \"Minuteman III\"");
            }

            if (!int.TryParse(Field("warheads"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var warheads))
            {
                Problem("warheads", $"'{Field("warheads")}' is not a whole number");
            }
            else if (warheads < 0)
            {
                Problem("warheads", $"negative warheads ({warheads}): expected 0 or more");
            }

            long quantity = 1;
            if (columns.ContainsKey(QuantityColumn) && Field(QuantityColumn).Length > 0
                && (!long.TryParse(Field(QuantityColumn), NumberStyles.None, CultureInfo.InvariantCulture, out quantity) || quantity < 1))
            {
                Problem(QuantityColumn, $"'{Field(QuantityColumn)}' is not a quantity: expected a whole number of units, 1 or more");
                quantity = 1;
            }

            var extra = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            foreach (var (name, index) in columns.Where(c => !RequiredColumns.Contains(c.Key) && c.Key != QuantityColumn))
            {
                var value = record[index];
                if (value.Length == 0)
                {
                    continue;
                }

                if (attributes.TryGetValue(name, out var definition) && !definition.Values.IsEmpty && !definition.Values.Contains(value))
                {
                    Problem(name, $"unknown {name} '{value}': expected one of {string.Join(", ", definition.Values)}");
                }

                extra[name] = value;
            }

            items.Add(new Item(uid, party, Field("kind"), Field("type"), Field("status"), warheads, Field("location"), extra.ToImmutable()) { Quantity = quantity });
        }

        return problems.Count > 0 ? throw new InputException(problems) : Inventory.From(items);
    }

    private static Dictionary<string, int> CheckHeader(string[] header, string source, List<Diagnostic> problems)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i];
            if (!columns.TryAdd(name, i))
            {
                problems.Add(new Diagnostic(source, 1, i + 1, name, $"column '{name}' appears twice in the header"));
            }
        }

        var missing = RequiredColumns.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            problems.Add(new Diagnostic(source, 1, 0, string.Empty, $"header lacks {string.Join(", ", missing)}: expected {string.Join(",", RequiredColumns)} and any further attribute columns"));
        }

        return columns;
    }
}
