using System.Globalization;
using System.Text;
using Verity.Core.Items;
using Verity.Core.Loading;

namespace Verity.Cli;

/// <summary>Writes an inventory in the CSV format <see cref="InventoryReader"/> reads.</summary>
internal static class InventoryCsv
{
    public static void Write(Inventory inventory, string path)
    {
        var attributes = inventory.SelectMany(i => i.Attributes.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var quantities = inventory.Any(i => i.Quantity != 1);
        var text = new StringBuilder();
        text.AppendLine(string.Join(",", InventoryReader.RequiredColumns.Concat(quantities ? [InventoryReader.QuantityColumn] : []).Concat(attributes)));
        foreach (var item in inventory.OrderBy(i => i.Uid, StringComparer.Ordinal))
        {
            var fields = new[] { item.Uid, item.Party.Value, item.Kind, item.Type, item.Status, item.Warheads.ToString(CultureInfo.InvariantCulture), item.Location }
                .Concat(quantities ? [item.Quantity.ToString(CultureInfo.InvariantCulture)] : [])
                .Concat(attributes.Select(a => item.Attributes.GetValueOrDefault(a) ?? string.Empty));
            text.AppendLine(string.Join(",", fields.Select(Quote)));
        }

        OutputFile.WriteText(path, text.ToString(), "--export-inventory");
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
}
