using System.Collections.Immutable;
using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using NodaTime;
using NodaTime.Text;
using Verity.Core.Analysis.Replay;
using Verity.Core.Inspections;
using Verity.Core.Treaties;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Verity.Core.Loading;

/// <summary>Reads the public record: published aggregates, published breakdowns, and the force model of a replay.</summary>
public static class HistoryReader
{
    /// <summary>The largest count a published figure holds, 1,000,000,000.</summary>
    private const long MaxCount = 1_000_000_000;

    private static readonly string[] AggregateColumns = ["date", "party", "measure", "value", "basis", "source", "note"];
    private static readonly string[] BreakdownColumns = ["date", "party", "kind", "type", "statuses", "count", "source", "note"];
    private static readonly string[] NotificationCountColumns = ["date", "count", "scope", "source", "note"];
    private static readonly string[] InspectionCountColumns = ["from", "to", "parties", "type", "count", "basis", "source", "note"];
    private static readonly HashSet<string> Bases = new(StringComparer.Ordinal) { "published", "derived", "not-retrieved", "not-provided" };
    private static readonly string[] InspectionBases = [PublishedInspectionCount.Published, PublishedInspectionCount.Derived, PublishedInspectionCount.NotPublished];

    /// <summary>The largest count of inspections a row holds, 1,000,000: far above any treaty's quota over its life.</summary>
    private const int MaxInspections = 1_000_000;

    /// <summary>Reads <c>date,party,measure,value,basis,source,note</c> rows.</summary>
    /// <exception cref="InputException">A row is malformed.</exception>
    public static ImmutableArray<PublishedFigure> ReadAggregates(TextReader reader, string source) =>
        ReadRows(reader, source, AggregateColumns, (row, problem) =>
        {
            var value = row("value");
            long? number = null;
            if (value.Length > 0)
            {
                if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                {
                    problem("value", $"'{value}' is not a whole number");
                }

                number = n;
            }

            var basis = row("basis");
            if (!Bases.Contains(basis))
            {
                problem("basis", $"unknown basis '{basis}': expected one of {string.Join(", ", Bases)}");
            }

            if (number is null && basis is "published" or "derived")
            {
                problem("value", $"a {basis} figure needs a value");
            }

            return new PublishedFigure(Date(row, problem), Party(row, problem), row("measure"), number, basis, row("source"), NullIfEmpty(row("note")));
        });

    /// <summary>Reads <c>date,party,kind,type,statuses,count,source,note</c> rows; statuses are separated by '|'.</summary>
    /// <exception cref="InputException">A row is malformed.</exception>
    public static ImmutableArray<PublishedBreakdown> ReadBreakdowns(TextReader reader, string source) =>
        ReadRows(reader, source, BreakdownColumns, (row, problem) =>
        {
            if (!int.TryParse(row("count"), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                problem("count", $"'{row("count")}' is not a whole number");
            }

            return new PublishedBreakdown(
                Date(row, problem),
                Party(row, problem),
                row("kind"),
                NullIfEmpty(row("type")),
                [.. row("statuses").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                count,
                row("source"));
        });

    /// <summary>Reads <c>date,count,scope,source,note</c> rows: published counts of the notifications exchanged.</summary>
    /// <exception cref="InputException">A row is malformed.</exception>
    public static ImmutableArray<PublishedNotificationCount> ReadNotificationCounts(TextReader reader, string source) =>
        ReadRows(reader, source, NotificationCountColumns, (row, problem) =>
        {
            if (!long.TryParse(row("count"), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > MaxCount)
            {
                problem("count", $"'{row("count")}' is not a whole number from 0 to {MaxCount:N0}");
            }

            return new PublishedNotificationCount(Date(row, problem), count, row("scope"), row("source"), row("note"));
        });

    /// <summary>
    /// Reads <c>from,to,parties,type,count,basis,source,note</c> rows: counts of inspections from the public record.
    /// Parties are separated by '|'; an empty type means every type; an empty count is allowed only with the basis
    /// <c>not-published</c> (and required by it). With <paramref name="treaty"/>, each party must be one of its parties
    /// and each type one of its inspection types, and each row must lie within its life.
    /// </summary>
    /// <exception cref="InputException">A row is malformed: each problem names the file, the line and the field.</exception>
    public static ImmutableArray<PublishedInspectionCount> ReadInspectionCounts(TextReader reader, string source, Treaty? treaty = null)
    {
        var types = treaty?.Inspections.Quotas.Select(q => q.Type).ToHashSet(StringComparer.Ordinal);
        return ReadRows(reader, source, InspectionCountColumns, (row, problem, line) =>
        {
            var from = Date(row, problem, "from");
            var to = Date(row, problem, "to");
            if (from != default && to != default && to < from)
            {
                problem("to", $"{to:yyyy-MM-dd} is before from {from:yyyy-MM-dd}");
            }

            var parties = ImmutableArray.CreateBuilder<PartyCode>();
            foreach (var code in row("parties").Split('|', StringSplitOptions.TrimEntries))
            {
                if (!PartyCode.TryParse(code, out var party))
                {
                    problem("parties", $"'{code}' is not a party code: expected codes such as US, or US|RU for several");
                }
                else if (parties.Contains(party))
                {
                    problem("parties", $"{party} is named twice");
                }
                else if (treaty is not null && !treaty.HasParty(party))
                {
                    problem("parties", $"unknown party '{party}': {treaty.Name}'s parties are {string.Join(", ", treaty.Parties.Select(p => p.Code))}");
                }
                else
                {
                    parties.Add(party);
                }
            }

            var type = NullIfEmpty(row("type"));
            if (type is not null && types is not null && !types.Contains(type))
            {
                problem("type", types.Count == 0
                    ? $"'{type}': {treaty!.Name} sets no inspection quota"
                    : $"unknown inspection type '{type}': {treaty!.Name}'s are {string.Join(", ", types.Order(StringComparer.Ordinal))}");
            }

            var basis = row("basis");
            if (!InspectionBases.Contains(basis, StringComparer.Ordinal))
            {
                problem("basis", $"unknown basis '{basis}': expected one of {string.Join(", ", InspectionBases)}");
            }

            int? count = null;
            var text = row("count");
            if (text.Length > 0)
            {
                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > MaxInspections)
                {
                    problem("count", $"'{text}' is not a whole number from 0 to {MaxInspections:N0}");
                }
                else
                {
                    count = n;
                }

                if (basis == PublishedInspectionCount.NotPublished)
                {
                    problem("count", $"a not-published row has no count: leave it empty, or give the basis published or derived");
                }
            }
            else if (basis != PublishedInspectionCount.NotPublished)
            {
                // Unknown is never zero: a count the record does not give is a not-published row, not an empty one.
                problem("count", $"a {basis} row needs a count; a row whose count was not published has the basis not-published");
            }

            if (row("source").Length == 0)
            {
                problem("source", "every row names its source");
            }

            if (treaty?.Dates.EntryIntoForceDate is { } entry && from != default && from < entry)
            {
                problem("from", $"{from:yyyy-MM-dd} is before {treaty.Name} entered into force on {entry:yyyy-MM-dd}");
            }

            return new PublishedInspectionCount(line, from, to, parties.ToImmutable(), type, count, basis, row("source"), NullIfEmpty(row("note")));
        });
    }

    // Built once: building a deserializer inspects the model's types, which costs more than reading the model.
    private static readonly IDeserializer ForceModelYaml = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();

    /// <summary>Reads a force model (YAML).</summary>
    /// <exception cref="InputException">The file is malformed.</exception>
    public static ForceModel ReadForceModel(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        ModelDto dto;
        try
        {
            var parser = new BoundedYamlParser(text);
            dto = ForceModelYaml.Deserialize<ModelDto>(parser)
                ?? throw new InputException(new Diagnostic(source, 1, 1, string.Empty, "the file is empty"));
            parser.ReadToEnd();
        }
        catch (Exception e) when (YamlDocument.Problem(e, source) is { } problem)
        {
            throw new InputException(problem);
        }

        LocalDate D(string? s, string where) => s is not null && LocalDatePattern.Iso.Parse(s) is { Success: true } r
            ? SupportedDates.Contains(r.Value) ? r.Value : throw new InputException(new Diagnostic(source, 0, 0, where, SupportedDates.OutOfRange(r.Value)))
            : throw new InputException(new Diagnostic(source, 0, 0, where, $"'{s}' is not a date"));

        double Share(string? text, string where) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new InputException(new Diagnostic(source, 0, 0, where, $"'{text}' is not a number"));

        // A list item written as '-' alone, or a field with no value, reads as null: each is named, never dereferenced.
        List<T> Entries<T>(List<T>? list, string where)
            where T : class
        {
            var entries = list ?? [];
            var empty = entries.FindIndex(entry => entry is null);
            return empty < 0 ? entries : throw new InputException(new Diagnostic(source, 0, 0, $"{where}[{empty}]", "an empty entry: expected a value"));
        }

        Dictionary<string, string> Values(Dictionary<string, string>? values, string where) =>
            values?.FirstOrDefault(kv => kv.Value is null) is { Key: { } key }
                ? throw new InputException(new Diagnostic(source, 0, 0, $"{where}.{key}", "no value"))
                : values ?? [];

        AnchoredSeries Series(List<Dictionary<string, string>>? anchors, string where) => new([.. Entries(anchors, where).Select((a, i) => (
            D(a.GetValueOrDefault("date"), $"{where}[{i}].date"),
            a.Where(kv => kv.Key != "date").ToImmutableDictionary(kv => kv.Key, kv => Share(kv.Value, $"{where}[{i}].{kv.Key}"), StringComparer.Ordinal)))]);

        PartyCode Party(string? code, string where) => PartyCode.TryParse(code, out var party)
            ? party
            : throw new InputException(new Diagnostic(source, 0, 0, where, $"'{code}' is not a party code: expected two capital letters such as \"US\""));

        ImmutableArray<ForceType> Types(List<TypeDto>? types, string where) => [.. Entries(types, where).Select((t, i) =>
            new ForceType(t.Type ?? string.Empty, t.Code ?? string.Empty, t.MaxWarheads, [.. Entries(t.Bases, $"{where}[{i}].bases")]))];

        ImmutableArray<CountAnchor> Anchors(List<CountDto>? counts, string where) => [.. Entries(counts, where).Select((c, i) => new CountAnchor(
            D(c.Date, $"{where}[{i}].date"), c.Kind ?? string.Empty, c.Type ?? string.Empty, c.Count,
            Values(c.Attributes, $"{where}[{i}].attributes").ToImmutableSortedDictionary(StringComparer.Ordinal)))];

        return new ForceModel(
            dto.Treaty ?? string.Empty,
            D(dto.Start, "start"),
            new AggregateMeasures(
                dto.Measures?.GetValueOrDefault("deployed") ?? "deployed",
                dto.Measures?.GetValueOrDefault("warheads") ?? "warheads",
                dto.Measures?.GetValueOrDefault("launchers") ?? "launchers"),
            dto.WarheadsCountedPerBomber,
            [.. Entries(dto.Parties, "parties").Select((p, i) => new PartyForces(
                Party(p.Party, $"parties[{i}].party"),
                [.. Entries(p.Missiles, $"parties[{i}].missiles").Select((m, j) => new MissileCategory(
                    m.Kind ?? string.Empty, m.LauncherKind ?? string.Empty, m.Storage ?? "storage", Types(m.Types, $"parties[{i}].missiles[{j}].types")))],
                new BomberCategory(p.Bombers?.Kind ?? string.Empty, Types(p.Bombers?.Types, $"parties[{i}].bombers.types")),
                Series(p.WarheadsEach, $"parties[{i}].warheads_each"),
                Series(p.DeployedShares, $"parties[{i}].deployed_shares"),
                Series(p.NonDeployedShares, $"parties[{i}].non_deployed_shares"),
                Series(p.TypeShares, $"parties[{i}].type_shares"),
                Anchors(p.Test, $"parties[{i}].test"),
                [.. Entries(p.Training, $"parties[{i}].training").Select(t => new FixedItems(t.Kind ?? string.Empty, t.Type ?? string.Empty, t.Count, t.Location ?? string.Empty, "training"))],
                Anchors(p.Conversions, $"parties[{i}].conversions")))]);
    }

    private static ImmutableArray<T> ReadRows<T>(TextReader reader, string source, string[] columns, Func<Func<string, string>, Action<string, string>, T> map) =>
        ReadRows(reader, source, columns, (row, problem, _) => map(row, problem));

    private static ImmutableArray<T> ReadRows<T>(TextReader reader, string source, string[] columns, Func<Func<string, string>, Action<string, string>, int, T> map)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var problems = new List<Diagnostic>();
        var rows = ImmutableArray.CreateBuilder<T>();
        using var lines = new CsvBadData.LineCountingReader(reader);
        using var csv = new CsvReader(lines, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            MissingFieldFound = null,
            // A stray quote is a problem of its row, as in the other CSV readers, not CsvHelper's exception.
            BadDataFound = CsvBadData.Reporter(source, problems, lines),
        });
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header || !columns.SequenceEqual(header))
        {
            throw new InputException(new Diagnostic(source, 1, 0, string.Empty, $"expected the header {string.Join(",", columns)}"));
        }

        while (csv.Read())
        {
            var line = CsvBadData.RecordStart(csv.Parser, lines);
            var record = csv.Parser.Record ?? [];
            if (record.Length != columns.Length)
            {
                problems.Add(new Diagnostic(source, line, 0, string.Empty, $"{record.Length} field(s), expected {columns.Length}"));
                continue;
            }

            string Row(string name) => record[Array.IndexOf(columns, name)];
            void Problem(string column, string message) => problems.Add(new Diagnostic(source, line, Array.IndexOf(columns, column) + 1, column, message));
            rows.Add(map(Row, Problem, line));
        }

        return problems.Count > 0 ? throw new InputException(problems) : rows.ToImmutable();
    }

    private static LocalDate Date(Func<string, string> row, Action<string, string> problem, string column = "date")
    {
        var result = LocalDatePattern.Iso.Parse(row(column));
        if (!result.Success)
        {
            problem(column, $"'{row(column)}' is not a date: expected YYYY-MM-DD");
            return default;
        }

        if (!SupportedDates.Contains(result.Value))
        {
            problem(column, SupportedDates.OutOfRange(result.Value));
            return default;
        }

        return result.Value;
    }

    private static PartyCode Party(Func<string, string> row, Action<string, string> problem)
    {
        if (!PartyCode.TryParse(row("party"), out var party))
        {
            problem("party", $"'{row("party")}' is not a party code");
        }

        return party;
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

#pragma warning disable CA1812, CA2227, CA1002 // Instantiated and filled by the YAML deserializer.
    private sealed class ModelDto
    {
        public string? Treaty { get; set; }

        public string? Start { get; set; }

        public Dictionary<string, string>? Measures { get; set; }

        public int WarheadsCountedPerBomber { get; set; }

        public List<PartyDto>? Parties { get; set; }
    }

    private sealed class PartyDto
    {
        public string? Party { get; set; }

        public List<MissileDto>? Missiles { get; set; }

        public BomberDto? Bombers { get; set; }

        public List<Dictionary<string, string>>? WarheadsEach { get; set; }

        public List<Dictionary<string, string>>? DeployedShares { get; set; }

        public List<Dictionary<string, string>>? NonDeployedShares { get; set; }

        public List<Dictionary<string, string>>? TypeShares { get; set; }

        public List<CountDto>? Test { get; set; }

        public List<TrainingDto>? Training { get; set; }

        public List<CountDto>? Conversions { get; set; }
    }

    private sealed class MissileDto
    {
        public string? Kind { get; set; }

        public string? LauncherKind { get; set; }

        public string? Storage { get; set; }

        public List<TypeDto>? Types { get; set; }
    }

    private sealed class BomberDto
    {
        public string? Kind { get; set; }

        public List<TypeDto>? Types { get; set; }
    }

    private sealed class TypeDto
    {
        public string? Type { get; set; }

        public string? Code { get; set; }

        public int MaxWarheads { get; set; }

        public List<string>? Bases { get; set; }
    }

    private sealed class CountDto
    {
        public string? Date { get; set; }

        public string? Kind { get; set; }

        public string? Type { get; set; }

        public int Count { get; set; }

        public Dictionary<string, string>? Attributes { get; set; }
    }

    private sealed class TrainingDto
    {
        public string? Kind { get; set; }

        public string? Type { get; set; }

        public int Count { get; set; }

        public string? Location { get; set; }
    }
#pragma warning restore CA1812, CA2227, CA1002
}
