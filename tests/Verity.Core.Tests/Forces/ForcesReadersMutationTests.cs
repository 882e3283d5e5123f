using Verity.Core.Loading;
using static Verity.Core.Tests.TestData;

namespace Verity.Core.Tests.Forces;

/// <summary>Mutated copies of the bundled forces data: each reader gives a value or diagnostics, never anything else.</summary>
public class ForcesReadersMutationTests
{
    private const string Noise = ",\"\n:-{}[]#&*!|>'%@`0123456789XyZ ";

    private static string Mutate(string text, Random random)
    {
        var chars = text.ToList();
        for (var n = random.Next(1, 4); n > 0 && chars.Count > 0; n--)
        {
            var at = random.Next(chars.Count);
            switch (random.Next(4))
            {
                case 0:
                    chars.RemoveAt(at);
                    break;
                case 1:
                    chars.Insert(at, Noise[random.Next(Noise.Length)]);
                    break;
                case 2:
                    chars[at] = Noise[random.Next(Noise.Length)];
                    break;
                default:
                    chars.RemoveRange(at, chars.Count - at);
                    break;
            }
        }

        return new string([.. chars]);
    }

    private static void Check(string text, int seed, Action<string> read)
    {
        var random = new Random(seed);
        for (var i = 0; i < 150; i++)
        {
            var mutated = Mutate(text, random);
            try
            {
                read(mutated);
            }
            catch (InputException e)
            {
                Assert.NotEmpty(e.Diagnostics);
            }
        }
    }

    [Fact]
    public void EstimatesReader_MutatedBundledFile_ValueOrDiagnostics() =>
        Check(File.ReadAllText(DataPath("forces", "estimates.csv")), 1, t => EstimatesReader.Parse(new StringReader(t), "estimates.csv"));

    [Fact]
    public void PrecedenceReader_MutatedBundledFile_ValueOrDiagnostics() =>
        Check(File.ReadAllText(DataPath("forces", "precedence.yaml")), 2, t => PrecedenceReader.Parse(t, "precedence.yaml"));

    [Theory]
    [InlineData("us")]
    [InlineData("ru")]
    [InlineData("cn")]
    [InlineData("gb")]
    [InlineData("fr")]
    public void StructureReader_MutatedBundledFile_ValueOrDiagnostics(string state) =>
        Check(File.ReadAllText(DataPath("forces", "structures", state + ".yaml")), state[0], t => StructureReader.Parse(t, state + ".yaml"));
}
