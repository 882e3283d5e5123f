using static Verity.Cli.Tests.CliHarness;

namespace Verity.Cli.Tests;

public class VerityAppTests
{
    [Fact]
    public async Task RunAsync_OnAMachineInAnotherLocale_WritesFiguresInTheInvariantCulture()
    {
        var machine = (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture);
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("de-DE");
            var run = await CliHarness.RunAsync("detect", "--population", "1000000", "--defects", "10", "--samples", "100");

            Assert.Equal(0, run.ExitCode);
            Assert.Contains("N = 1,000,000 items", run.Out, StringComparison.Ordinal);
            Assert.Contains("P(at least one defective) = 0.000999555", run.Out, StringComparison.Ordinal);
        }
        finally
        {
            (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture) = machine;
        }
    }

    [Fact]
    public async Task RunAsync_Help_ExitsZeroListingTheVerbs()
    {
        var run = await RunAsync("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("treaty", run.Out, StringComparison.Ordinal);
        Assert.Contains("comply", run.Out, StringComparison.Ordinal);
        Assert.Contains("replay", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_VerbHelp_ExitsZeroListingItsOptions()
    {
        var run = await RunAsync("comply", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--inventory", run.Out, StringComparison.Ordinal);
        Assert.Contains("--interpretation", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Help_ListsVerbsWithoutTheirExamples()
    {
        var run = await RunAsync("--help");

        Assert.DoesNotContain("Examples:", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_VerbHelp_EndsWithItsExamples()
    {
        var run = await RunAsync("comply", "--help");

        var examples = run.Out.IndexOf("Examples:", StringComparison.Ordinal);
        Assert.True(examples > run.Out.IndexOf("--inventory", StringComparison.Ordinal), "examples follow the options");
        Assert.Contains("verity comply --treaty new-start", run.Out[examples..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownVerb_ExitsTwoWithUsageHint()
    {
        var run = await RunAsync("frobnicate");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("frobnicate", run.Error, StringComparison.Ordinal);
        Assert.EndsWith("Try 'verity --help' for usage.", run.Error.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MissingRequiredOption_ExitsTwoNamingIt()
    {
        var run = await RunAsync("comply", "--treaty", "new-start");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--inventory", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task RunAsync_MissingArgument_ExitsTwo()
    {
        var run = await RunAsync("treaty", "check");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task RunAsync_NoArguments_ExitsTwo()
    {
        var run = await RunAsync();

        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public async Task RunAsync_UnknownOption_ExitsTwoNamingIt()
    {
        var run = await RunAsync("comply", "--treaty", "new-start", "--inventory", Vector("inventories", "within.csv"), "--bogus");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Contains("'--bogus'", run.Error, StringComparison.Ordinal);
    }
}
