using Verity.Fuzz;

namespace Verity.Fuzz.Tests;

/// <summary>The harness's targets built once: the in-process node starts at the first request fed to it.</summary>
public sealed class TargetsFixture : IDisposable
{
    public FuzzTargets Targets { get; } = FuzzTargets.Create(Path.Combine(Path.GetTempPath(), $"verity-fuzz-tests-{Environment.ProcessId}"));

    public void Dispose() => Targets.Dispose();
}

/// <summary>A short seeded run of every parser (bench/Verity.Fuzz, docs/fuzzing.md): mutated copies of the bundled data
/// and test vectors, each fed to the entry the CLI and the node call. Any exception but the parser's own error, a
/// diagnostic that does not name the file, a changed input that verifies, or a 5xx from the node fails the test, which
/// names the seed, the execution and the saved input.</summary>
public sealed class ParserFuzzTests(TargetsFixture fixture) : IClassFixture<TargetsFixture>
{
    private const int Seed = 20260205;

    private static readonly string Failures = Path.Combine(Path.GetTempPath(), "verity-fuzz-failures");

    [Theory]
    [InlineData("treaty-yaml", 200)] // YAML, then the JSON Schema: the slowest reader
    [InlineData("exchange-yaml", 400)]
    [InlineData("inventory-csv", 1000)]
    [InlineData("notification-json", 1000)]
    [InlineData("inspection-json", 1000)]
    [InlineData("database-json", 400)]
    [InlineData("estimates-csv", 400)]
    [InlineData("precedence-yaml", 300)]
    [InlineData("structure-yaml", 500)]
    [InlineData("projections-yaml", 500)]
    [InlineData("history-csv", 500)]
    [InlineData("force-model-yaml", 300)]
    [InlineData("signing-key", 2000)]
    [InlineData("verifier-key", 2000)]
    [InlineData("signed-note", 2000)]
    [InlineData("checkpoint", 2000)]
    [InlineData("signed-statement", 2000)]
    [InlineData("escrow-item", 2000)]
    [InlineData("log-file", 200)] // a file written, opened and recomputed per execution
    [InlineData("peer-signature", 2000)]
    [InlineData("structured-fields", 2000)]
    [InlineData("node-requests", 600)]
    public async Task Parser_MutatedSeeds_ValueOrItsOwnError(string parser, int executions)
    {
        var report = await FuzzRunner.RunAsync(fixture.Targets[parser], executions, Seed, Failures);

        Assert.Equal(executions, report.Executions);
        Assert.True(report.Failed == 0, report.ToString());
    }

    [Fact]
    public void Targets_EveryParserOfTheBriefIsCovered() =>
        Assert.Equal(22, fixture.Targets.All.Select(t => t.Name).Distinct().Count());

    [Fact]
    public void Input_SameSeedAndExecution_SameBytes()
    {
        var mutator = new Mutator(fixture.Targets["treaty-yaml"].Corpus);

        var first = FuzzRunner.Input(mutator, 7, 1234);
        var again = FuzzRunner.Input(mutator, 7, 1234);
        var next = FuzzRunner.Input(mutator, 7, 1235);

        Assert.Equal(first, again);
        Assert.NotEqual(first, next);
    }

    [Fact]
    public async Task RunAsync_ATargetThatThrows_ReportsSeedExecutionAndSavedInput()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"verity-fuzz-throws-{Guid.NewGuid():N}");
        var target = new FuzzTarget("throws", "none", ["{\"a\": 1}"u8.ToArray()], input =>
            input.Contains((byte)'1') ? ValueTask.CompletedTask : throw new FormatException("no 1 in the input"));

        var report = await FuzzRunner.RunAsync(target, 500, 3, directory);

        var failure = Assert.Single(report.Failures);
        Assert.StartsWith("System.FormatException at ", failure.Signature, StringComparison.Ordinal);
        Assert.Equal(failure.Count, report.Failed);
        Assert.Equal(FuzzRunner.Input(new Mutator(target.Corpus), 3, failure.Execution), await File.ReadAllBytesAsync(failure.InputFile!));
        Assert.Contains($"--parser throws --seed 3 --execution {failure.Execution}", report.ToString(), StringComparison.Ordinal);
        Directory.Delete(directory, recursive: true);
    }
}
