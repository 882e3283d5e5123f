using System.Collections.Immutable;
using NodaTime;
using NodaTime.Text;
using Verity.Core.Forces;

namespace Verity.Core.Tests.Analysis.Projections;

/// <summary>Small estimate sets built by hand, each row's origin <c>hand.csv:N</c> in the order given.</summary>
internal static class HandMadeEstimates
{
    public static readonly PartyCode Cn = PartyCode.Parse("CN");
    public static readonly PartyCode Us = PartyCode.Parse("US");
    public static readonly ForceMeasure Stockpile = ForceMeasure.Stockpile;

    public static Estimate Row(string state, string asOf, long? value, long? low = null, long? high = null, EstimateBasis basis = EstimateBasis.Estimate, string? published = null, string source = "https://example.org/fas") =>
        new(PartyCode.Parse(state), Stockpile, Date(asOf), value, low, high, basis, source, Date(published ?? asOf), null, string.Empty);

    public static EstimateSet Set(params Estimate[] rows) =>
        new("hand.csv", [.. rows.Select((r, i) => r with { Origin = $"hand.csv:{i + 2}" })]);

    /// <summary>
    /// China's stockpile, 2010 and 2021-2025, one point per year on 1 January (so t is the year itself):
    /// <code>
    ///   2010  100   outside a 10-year window ending 2025
    ///   2021  350
    ///   2022  400
    ///   2023  410   two sources published the same day, 400 and 420 (averaged); an older edition's 999 superseded
    ///   2024  500   beside a statement of 5,000 (a claim, not a count)
    ///   2025  600   range 550-650
    ///   2030  1,000 official projection (an anchor, not an estimate)
    /// </code>
    /// </summary>
    public static EstimateSet China() => Set(
        Row("CN", "2010-01-01", 100),
        Row("CN", "2021-01-01", 350),
        Row("CN", "2022-01-01", 400),
        Row("CN", "2023-01-01", 999, published: "2023-01-15"),
        Row("CN", "2023-01-01", 400, published: "2023-06-01"),
        Row("CN", "2023-01-01", 420, published: "2023-06-01", source: "https://example.org/sipri"),
        Row("CN", "2024-01-01", 500),
        Row("CN", "2024-01-01", 5000, basis: EstimateBasis.Statement),
        Row("CN", "2025-01-01", 600, 550, 650),
        Row("CN", "2030-01-01", 1000, basis: EstimateBasis.OfficialProjection, published: "2024-12-18", source: "https://example.org/cmpr"));

    private static LocalDate Date(string text) => LocalDatePattern.Iso.Parse(text).Value;
}
