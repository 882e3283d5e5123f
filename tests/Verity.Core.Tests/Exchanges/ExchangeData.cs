using Verity.Core.Exchanges;
using Verity.Core.Loading;

namespace Verity.Core.Tests.Exchanges;

/// <summary>The bundled New START exchange definition, data/exchanges/new-start.yaml, read once.</summary>
internal static class ExchangeData
{
    private static readonly Lazy<ExchangeDefinition> Definition = new(() =>
        ExchangeReader.Parse(File.ReadAllText(TestData.DataPath("exchanges", "new-start.yaml")), "new-start.yaml", TestData.NewStart));

    public static ExchangeDefinition NewStart => Definition.Value;

    public static ExchangeSchedule NewStartSchedule => NewStart.ScheduleFrom(TestData.NewStart.Dates.EntryIntoForce);
}
