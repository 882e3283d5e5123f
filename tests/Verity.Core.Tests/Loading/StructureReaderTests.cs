using Verity.Core.Loading;
using static Verity.Core.Tests.TestData;

namespace Verity.Core.Tests.Loading;

public class StructureReaderTests
{
    private const string Top = "state: US\nthrough: 2025-01-01\nsystems:\n";

    [Fact]
    public void Parse_Vector_ReadsSystemsStepsAndStorage()
    {
        var structure = StructureReader.Parse(File.ReadAllText(VectorPath("forces", "structure.yaml")), "structure.yaml");

        Assert.Equal(["Test ICBM", "Test Bomber"], structure.Systems.Select(s => s.Type));
        var step = structure.Systems[0].Steps[1];
        Assert.Equal((8L, true, "https://example.org/icbm-2024"), (step.Deployed.Value!.Value, step.Deployed.Illustrative, step.Launchers.Source!));
        Assert.Null(structure.Systems[1].LauncherKind);
        Assert.Equal("retired", structure.Storage[0].Retired!.FromEstimates!.Value.Value);
    }

    [Theory]
    [InlineData("  - { type: T, code: T, kind: icbm, launcher_kind: icbm-launcher, steps: [{ from: 2020-01-01, launchers: 5, deployed: { value: 4, illustrative: true } }] }", 4, "systems[0].steps[0].launchers", "has no source")]
    [InlineData("  - { type: T, code: T, kind: icbm, launcher_kind: icbm-launcher, steps: [{ from: 2020-01-01, source: \"https://a.org\", launchers: 5, deployed: 6 }] }", 4, "systems[0].steps[0].deployed", "6 deployed is more than the 5 launchers")]
    [InlineData("  - { type: T, code: T, kind: cruise, steps: [] }", 4, "systems[0].kind", "unknown kind 'cruise'")]
    [InlineData("  - { type: T, code: T, kind: slbm, launcher_kind: icbm-launcher, steps: [] }", 4, "systems[0].launcher_kind", "a slbm's launchers are slbm-launcher")]
    [InlineData("  - { type: T, code: T, kind: heavy-bomber, launcher_kind: x, steps: [] }", 4, "systems[0].launcher_kind", "its own launcher")]
    [InlineData("  - { type: T, code: T, kind: icbm, launcher_kind: icbm-launcher, steps: [{ from: 2020-01-01, source: \"https://a.org\", launchers: 99999999, deployed: 1 }] }", 4, "systems[0].steps[0].launchers", "out of range")]
    [InlineData("  - { type: T, code: T, kind: icbm, launcher_kind: icbm-launcher, steps: [{ from: 2020-02-30, source: \"https://a.org\", launchers: 5, deployed: 1 }] }", 4, "systems[0].steps[0].from", "expected a date")]
    [InlineData("  - { type: T, code: T, kind: icbm, launcher_kind: icbm-launcher, steps: [{ from: 2020-01-01, source: \"a.org\", launchers: 5, deployed: 1 }] }", 4, "systems[0].steps[0].source", "not an absolute http or https URL")]
    [InlineData("  - { type: T, code: T, kind: icbm, launcher_kind: icbm-launcher, steps: [{ from: 2020-01-01, launchers: { value: 5, illustrative: true }, deployed: { estimate: silos } }] }", 4, "systems[0].steps[0].deployed.estimate", "unknown measure 'silos'")]
    [InlineData("  - { type: T, code: T, kind: icbm, launcher_kind: icbm-launcher, colour: red, steps: [] }", 4, "systems[0].colour", "unknown field 'colour'")]
    public void Parse_BadSystem_NamesLineAndField(string system, int line, string field, string message)
    {
        var e = Assert.Throws<InputException>(() => StructureReader.Parse(Top + system + "\n", "s.yaml"));

        var problem = Assert.Single(e.Diagnostics);
        Assert.Equal(("s.yaml", line, field), (problem.Source, problem.Line, problem.Path));
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_StepsOutOfOrder_NamesTheLaterStep()
    {
        var text = Top + """
              - type: T
                code: T
                kind: icbm
                launcher_kind: icbm-launcher
                steps:
                  - { from: 2021-01-01, source: "https://a.org", launchers: 5, deployed: 1 }
                  - { from: 2020-01-01, source: "https://a.org", launchers: 5, deployed: 1 }
            """;

        var e = Assert.Throws<InputException>(() => StructureReader.Parse(text, "s.yaml"));

        var problem = Assert.Single(e.Diagnostics);
        Assert.Equal((10, "systems[0].steps[1].from"), (problem.Line, problem.Path));
    }

    [Theory]
    [InlineData("state: XX\nthrough: 2025-01-01\nsystems: []\n", 1, "state")]
    [InlineData("state: US\nthrough: soon\nsystems: []\n", 2, "through")]
    public void Parse_BadTop_NamesTheField(string text, int line, string field)
    {
        var e = Assert.Throws<InputException>(() => StructureReader.Parse(text, "s.yaml"));

        var problem = Assert.Single(e.Diagnostics);
        Assert.Equal((line, field), (problem.Line, problem.Path));
    }

    [Fact]
    public void Parse_StrayFlowSequence_IsADiagnosticNotACrash()
    {
        var e = Assert.Throws<InputException>(() => StructureReader.Parse(File.ReadAllText(VectorPath("forces", "stray-flow.yaml")), "stray-flow.yaml"));

        Assert.StartsWith("not valid YAML", Assert.Single(e.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("us")]
    [InlineData("ru")]
    [InlineData("cn")]
    [InlineData("gb")]
    [InlineData("fr")]
    public void Parse_BundledStructure_Reads(string state)
    {
        var structure = StructureReader.Parse(File.ReadAllText(DataPath("forces", "structures", state + ".yaml")), state + ".yaml");

        Assert.Equal(state.ToUpperInvariant(), structure.State.Value);
    }
}
