using NodaTime;
using Verity.Core.Compliance;
using Verity.Core.Forces;
using Verity.Core.Items;
using Verity.Core.Loading;
using Verity.Core.Treaties;
using static Verity.Core.Tests.TestData;

namespace Verity.Core.Tests.Forces;

public class ForceBuilderTests
{
    private static ForceStructure Structure(string path, params string[] parts) =>
        StructureReader.Parse(File.ReadAllText(path == "data" ? DataPath(parts) : VectorPath(parts)), parts[^1]);

    private static ForceStructure Hand => Structure("testdata", "forces", "structure.yaml");

    private static long Units(Inventory inventory, string kind, string status) =>
        inventory.Where(i => i.Kind == kind && i.Status == status).Sum(i => i.Quantity);

    private static long Warheads(Inventory inventory, string kind) =>
        inventory.Where(i => i.Kind == kind).Sum(i => i.Quantity * i.Warheads);

    [Fact]
    public void Build_UnevenLoad_SpreadsWarheadsSoTheTotalIsExact()
    {
        var built = ForceBuilder.Build(Hand, new LocalDate(2021, 6, 1));

        var missiles = built.Inventory.Where(i => i.Kind == "icbm").Select(i => (i.Quantity, i.Warheads));

        Assert.Equal([(3L, 3), (4L, 2)], missiles);
        Assert.Equal(17, Warheads(built.Inventory, "icbm"));
        Assert.Equal((7L, 3L), (Units(built.Inventory, "icbm-launcher", "deployed"), Units(built.Inventory, "icbm-launcher", "non-deployed")));
        Assert.Equal(17, Units(built.Inventory, "warhead", "deployed"));
        Assert.Equal("Alpha, Bravo", built.Inventory.First(i => i.Kind == "icbm").Location);
    }

    [Fact]
    public void Build_BeforeASystemsFirstStep_LeavesItOut()
    {
        var built = ForceBuilder.Build(Hand, new LocalDate(2021, 6, 1));

        Assert.DoesNotContain(built.Inventory, i => i.Kind == "heavy-bomber");
        Assert.Empty(ForceBuilder.Build(Hand, new LocalDate(2019, 12, 31)).Inventory);
    }

    [Fact]
    public void Build_LaterStep_TakesItsNumbersBasesAndIllustrativeLabel()
    {
        var built = ForceBuilder.Build(Hand, new LocalDate(2024, 6, 1));

        var missile = Assert.Single(built.Inventory, i => i.Kind == "icbm");
        Assert.Equal((8L, 1, "Alpha", "illustrative"), (missile.Quantity, missile.Warheads, missile.Location, missile.Get("basis")));
        Assert.Null(missile.Get("source")); // an illustrative figure has no source, not its step's
        Assert.Equal("https://example.org/icbm-2024", built.Inventory.Single(i => i.Uid == "US-TI-warheads-deployed").Get("source"));
        var nonDeployed = Assert.Single(built.Inventory, i => i.Kind == "icbm-launcher" && i.Status == "non-deployed");
        Assert.Equal((2L, "illustrative"), (nonDeployed.Quantity, nonDeployed.Get("basis")));
        Assert.Equal("estimate", built.Inventory.Single(i => i.Uid == "US-TI-warheads-deployed").Get("basis"));
    }

    [Fact]
    public void Build_Bombers_DeployedAndNonDeployedWithTheirWeaponsAsDeployedWarheads()
    {
        var built = ForceBuilder.Build(Hand, new LocalDate(2024, 6, 1));

        Assert.Equal((3L, 2L), (Units(built.Inventory, "heavy-bomber", "deployed"), Units(built.Inventory, "heavy-bomber", "non-deployed")));
        Assert.Equal(0, Warheads(built.Inventory, "heavy-bomber"));
        Assert.Equal(8 + 12, Units(built.Inventory, "warhead", "deployed"));
    }

    [Fact]
    public void Build_AfterThrough_HeldFlatAndLabelledProjected()
    {
        var built = ForceBuilder.Build(Hand, new LocalDate(2030, 1, 1));

        Assert.Equal(8, Units(built.Inventory, "icbm", "deployed"));
        Assert.All(built.Inventory, i => Assert.Equal("projected", i.Get("basis")));
        Assert.Contains(built.Notes, n => n.Contains("after 2025-12-31", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_StorageFromEstimates_TakesThePickedFigureOrNotesItsAbsence()
    {
        var row = new Estimate(PartyCode.Parse("US"), ForceMeasure.Parse("retired"), new LocalDate(2023, 1, 1), 40, null, null, EstimateBasis.Estimate, "https://fas.org/x", new LocalDate(2023, 2, 1), null, "e.csv:2");
        var estimates = new EstimateSet("e.csv", [row]);
        var precedence = PrecedenceReader.Parse(File.ReadAllText(DataPath("forces", "precedence.yaml")), "precedence.yaml");
        var at = new LocalDate(2024, 6, 1);

        var built = ForceBuilder.Build(Hand, at, m => FigurePicker.Pick(estimates, precedence, PartyCode.Parse("US"), m, at));
        var without = ForceBuilder.Build(Hand, at);

        var retired = Assert.Single(built.Inventory, i => i.Status == "retired");
        Assert.Equal((40L, "https://fas.org/x", "estimate"), (retired.Quantity, retired.Get("source"), retired.Get("basis")));
        Assert.Equal(100, Units(built.Inventory, "warhead", "stored"));
        Assert.DoesNotContain(without.Inventory, i => i.Status == "retired");
        Assert.Contains(without.Notes, n => n.Contains("no figure for retired", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_BundledUnitedStates_CountsUnderNewStartAsTheFileSays()
    {
        var us = Structure("data", "forces", "structures", "us.yaml");
        var at = new LocalDate(2025, 1, 1);

        var fit = ForceBuilder.ForTreaty(ForceBuilder.Build(us, at).Inventory, NewStart);
        var report = ComplianceEvaluator.Evaluate(NewStart, fit.Counted, at, Interpretation.Agreed);

        // us.yaml: 400 + 230 + 36 + 12 deployed; 400 + 970 + 36 + 12 warheads; 450 + 280 + 46 + 20 launchers.
        Assert.Equal((678L, 1418L, 796L), (report["US"]!["deployed"]!.Value, report["US"]!["warheads"]!.Value, report["US"]!["launchers"]!.Value));
        Assert.Empty(fit.Missing);
        Assert.Equal(1770 + 1930 + 1477, fit.LeftOut.Where(i => i.Kind == "warhead").Sum(i => i.Quantity));
    }

    [Fact]
    public void ForTreaty_WarheadTreaty_CountsStockpileAsDeployedPlusStored()
    {
        var treaty = TreatyReader.Parse(File.ReadAllText(VectorPath("forces", "warhead-cap.yaml")), "warhead-cap.yaml");
        var at = new LocalDate(2025, 6, 1);
        var built = Inventory.From(new[] { "us", "cn" }.SelectMany(s => ForceBuilder.Build(Structure("data", "forces", "structures", s + ".yaml"), at).Inventory));

        var fit = ForceBuilder.ForTreaty(built, treaty);
        var report = ComplianceEvaluator.Evaluate(treaty, fit.Counted, at, Interpretation.Agreed);

        Assert.Equal((3700L, 1770L), (report["US"]!["stockpile"]!.Value, report["US"]!["deployed-warheads"]!.Value));
        Assert.Equal((600L, 24L), (report["CN"]!["stockpile"]!.Value, report["CN"]!["deployed-warheads"]!.Value));
        Assert.Contains(fit.LeftOut, i => i.Kind == "slbm-launcher");
        Assert.DoesNotContain(fit.LeftOut, i => i.Kind == "warhead");
    }

    [Fact]
    public void ForTreaty_TreatyWithOtherStatusWords_CountsByRole()
    {
        // The same treaty with its statuses worded otherwise: "ready" plays deployed, "reserve" plays stored.
        var text = File.ReadAllText(VectorPath("forces", "warhead-cap.yaml"))
            .Replace("  - id: deployed\n", "  - id: ready\n    role: deployed\n", StringComparison.Ordinal)
            .Replace("  - id: stored\n", "  - id: reserve\n    role: stored\n", StringComparison.Ordinal)
            .Replace("status: [deployed, stored]", "status: [ready, reserve]", StringComparison.Ordinal)
            .Replace("status: [deployed]", "status: [ready]", StringComparison.Ordinal);
        var treaty = TreatyReader.Parse(text, "worded.yaml");
        var at = new LocalDate(2025, 6, 1);
        var built = ForceBuilder.Build(Structure("data", "forces", "structures", "us.yaml"), at).Inventory;

        var fit = ForceBuilder.ForTreaty(built, treaty);
        var report = ComplianceEvaluator.Evaluate(treaty, fit.Counted, at, Interpretation.Agreed);

        Assert.Empty(fit.Missing);
        Assert.Equal((3700L, 1770L), (report["US"]!["stockpile"]!.Value, report["US"]!["deployed-warheads"]!.Value));
        Assert.DoesNotContain(fit.Counted, i => i.Status is "deployed" or "stored");
    }

    [Fact]
    public void ForTreaty_TreatyWithoutTheKinds_NamesEachMissingKind()
    {
        var treaty = TreatyReader.Parse(File.ReadAllText(VectorPath("forces", "icbm-only.yaml")), "icbm-only.yaml");
        var built = ForceBuilder.Build(Structure("data", "forces", "structures", "us.yaml"), new LocalDate(2025, 1, 1)).Inventory;

        var fit = ForceBuilder.ForTreaty(built, treaty);

        Assert.Equal(["kind 'heavy-bomber' (or 'warhead')", "kind 'icbm-launcher' (or 'warhead')", "kind 'slbm' (or 'warhead')", "kind 'slbm-launcher' (or 'warhead')"], fit.Missing.ToArray());
    }

    [Theory]
    [InlineData("us", 1770, 1930)]
    [InlineData("ru", 1710, 2591)]
    [InlineData("cn", 24, 576)]
    [InlineData("gb", 120, 105)]
    [InlineData("fr", 280, 10)]
    public void Build_EveryBundledStructure_DeployedAndStoredAsItsHeaderSays(string state, long deployed, long stored)
    {
        var built = ForceBuilder.Build(Structure("data", "forces", "structures", state + ".yaml"), new LocalDate(2025, 1, 1));

        Assert.Equal((deployed, stored), (Units(built.Inventory, "warhead", "deployed"), Units(built.Inventory, "warhead", "stored")));
        Assert.All(built.Inventory, i => Assert.Contains(i.Get("basis"), new[] { "estimate", "illustrative" }));
        Assert.All(built.Inventory.Where(i => i.Get("basis") == "estimate"), i => Assert.StartsWith("http", i.Get("source"), StringComparison.Ordinal));
    }
}
