using NodaTime;
using Verity.Core.Compliance;
using Verity.Core.Items;
using Verity.Core.Loading;
using Verity.Core.Treaties;
using static Verity.Core.Tests.TestData;

namespace Verity.Core.Tests.Treaties;

/// <summary>The worked example of docs/treaties.md, read and evaluated: if the format or the page changes, this fails.</summary>
public class DocsExampleTests
{
    private static readonly Lazy<Treaty> Example = new(() => TreatyReader.Parse(WorkedExample(), "docs/treaties.md"));

    private static string WorkedExample()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "docs", "treaties.md");
            if (File.Exists(candidate))
            {
                var page = File.ReadAllText(candidate);
                var start = page.IndexOf("```yaml\n", page.IndexOf("### A worked example", StringComparison.Ordinal), StringComparison.Ordinal) + "```yaml\n".Length;
                return page[start..page.IndexOf("```", start, StringComparison.Ordinal)];
            }
        }

        throw new FileNotFoundException("docs/treaties.md not found above the test assembly");
    }

    [Theory]
    [InlineData(2029, LimitStatus.Within, 2500L)]
    [InlineData(2031, LimitStatus.Exceeds, 2000L)]
    public void Evaluate_WorkedExample_ComparesWithTheStepInForce(int year, LimitStatus expected, long ceiling)
    {
        var treaty = Example.Value.AssumingEntryIntoForce(new LocalDate(2027, 2, 5));
        var inventory = Inventory.From(Many(1500, "r", "US", "warhead", "ready").Concat(Many(600, "s", "US", "warhead", "spare")).Concat(Many(9, "x", "US", "warhead", "retired")));

        var result = ComplianceEvaluator.Evaluate(treaty, inventory, new LocalDate(year, 1, 1), Interpretation.Agreed)["US"]!["stockpile"]!;

        Assert.Equal((2100L, ceiling, expected), (result.Value, result.Ceiling!.Value, result.Status));
    }

    [Fact]
    public void Evaluate_WorkedExampleFreeze_HasNoCeilingUntilALevelIsGiven()
    {
        var treaty = Example.Value.AssumingEntryIntoForce(new LocalDate(2027, 2, 5));
        var inventory = Inventory.From(Many(3, "c", "CN", "warhead", "spare"));
        var at = new LocalDate(2029, 1, 1);

        var without = ComplianceEvaluator.Evaluate(treaty, inventory, at, Interpretation.Agreed)["CN"]!["china-freeze"]!;
        var with = ComplianceEvaluator.Evaluate(treaty, inventory, at, Interpretation.Agreed, levels: (p, m, d) => d == new LocalDate(2027, 2, 5) ? 2 : null)["CN"]!["china-freeze"]!;

        Assert.Equal(LimitStatus.NoCeiling, without.Status);
        Assert.Equal((2L, LimitStatus.Exceeds), (with.Ceiling!.Value, with.Status));
        Assert.True(Example.Value.IsProposal);
        Assert.Single(Example.Value.Notifications);
    }
}
