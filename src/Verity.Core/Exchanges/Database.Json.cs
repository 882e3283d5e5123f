using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Verity.Core.Exchanges;

public sealed partial class Database
{
    /// <summary>
    /// The canonical JSON form, UTF-8: no whitespace, object keys in ordinal order, items by uid, locations by
    /// name, categories, groups and aggregates in the definition's order. Two builds of the same data give the
    /// same bytes.
    /// </summary>
    public ReadOnlySpan<byte> ToJson() => _json.Value;

    /// <summary>Reads a database back from its JSON form and checks it (<see cref="Loading.DatabaseReader.Parse"/>).</summary>
    /// <exception cref="InputException">The text has a problem, each named with <paramref name="source"/> and its JSON path.</exception>
    public static Database Parse(string json, string source, ExchangeDefinition definition, Treaties.Treaty treaty) =>
        Loading.DatabaseReader.Parse(json, source, definition, treaty);

    /// <summary>The canonical JSON form as text.</summary>
    public string ToJsonString() => Encoding.UTF8.GetString(_json.Value);

    private static void WriteCounts(Utf8JsonWriter writer, string name, IEnumerable<LocationCount> counts)
    {
        writer.WriteStartObject(name);
        foreach (var count in counts)
        {
            writer.WriteNumber(count.Location, count.Count);
        }

        writer.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private byte[] WriteJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false }))
        {
            // Keys are written in ordinal order by hand: the order is part of the format.
            writer.WriteStartObject();
            writer.WriteStartArray("aggregates");
            foreach (var aggregate in Aggregates)
            {
                writer.WriteStartObject();
                WriteOptional(writer, "article", aggregate.Article);
                writer.WriteString("limit", aggregate.Limit);
                writer.WriteString("name", aggregate.Name);
                writer.WriteNumber("value", aggregate.Value);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteString("as_of", AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            writer.WriteStartArray("categories");
            foreach (var category in Categories)
            {
                writer.WriteStartObject();
                WriteCounts(writer, "by_location", category.ByLocation);
                writer.WriteNumber("count", category.Count);
                writer.WriteString("detail", category.Detail == CategoryDetail.Items ? "items" : "locations");
                writer.WriteString("id", category.Id);
                if (category.Detail == CategoryDetail.Items)
                {
                    writer.WriteStartArray("items");
                    foreach (var item in category.Items)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("kind", item.Kind);
                        writer.WriteString("location", item.Location);
                        writer.WriteString("status", item.Status);
                        writer.WriteString("type", item.Type);
                        writer.WriteString("uid", item.Uid);
                        writer.WriteNumber("warheads", item.Warheads);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                }

                writer.WriteString("name", category.Name);
                WriteOptional(writer, "reference", category.Reference);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("facilities");
            foreach (var facility in Facilities)
            {
                writer.WriteStartObject();
                writer.WriteStartArray("holdings");
                foreach (var holding in facility.Holdings)
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("count", holding.Count);
                    writer.WriteString("kind", holding.Kind);
                    writer.WriteString("status", holding.Status);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteString("location", facility.Location);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteString("party", Party.Value);
            writer.WriteString("treaty", TreatyId);
            writer.WriteStartObject("warheads");
            writer.WriteStartArray("groups");
            foreach (var group in Warheads.Groups)
            {
                writer.WriteStartObject();
                WriteCounts(writer, "by_base", group.ByBase);
                writer.WriteString("id", group.Id);
                writer.WriteString("name", group.Name);
                writer.WriteNumber("total", group.Total);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteString("limit", Warheads.Limit);
            WriteOptional(writer, "reference", Warheads.Reference);
            writer.WriteNumber("total", Warheads.Total);
            writer.WriteNumber("unassigned", Warheads.Unassigned);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }
}
