using static Verity.Cli.Tests.CliHarness;

namespace Verity.Cli.Tests;

public class RegressionTests
{
    [Fact]
    public async Task Replay_OutIsAnExistingFile_ExitsTwoWithADiagnostic()
    {
        var file = Path.GetTempFileName();
        try
        {
            var run = await RunAsync("replay", "new-start", "--out", file);

            Assert.Equal(2, run.ExitCode);
            Assert.StartsWith(file, run.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled exception", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
