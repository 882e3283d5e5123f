extern alias cli;

using System.Net.Http.Json;
using Spectre.Console;
using CliContext = cli::Verity.Cli.CliContext;
using VerityApp = cli::Verity.Cli.VerityApp;

namespace Verity.Node.Tests.Inspections;

/// <summary><c>verity inspect new … list</c> against two running nodes over HTTP, as two operators would run them.</summary>
public sealed class InspectCliTests
{
    private const string Id = "US-RU-cli";

    [Fact]
    public async Task InspectVerbs_DriveAnInspectionThroughTwoNodes_ToAFindingInTheList()
    {
        await using var cluster = await InspectionScript.StartClusterAsync();
        var script = new InspectionScript();
        var directory = Directory.CreateTempSubdirectory("verity-inspect-").FullName;
        try
        {
            string[] Us(params string[] args) => [.. args, "--node", cluster.Url("US").ToString(), "--token", NodeCluster.Token];
            string[] Ru(params string[] args) => [.. args, "--node", cluster.Url("RU").ToString(), "--token", NodeCluster.Token];
            async Task<(int Code, string Out, string Error)> Run(string[] args, bool round = true)
            {
                var run = await RunAsync(args);
                if (round)
                {
                    await cluster.RoundAsync();
                }

                return run;
            }

            Assert.Equal(0, (await Run(Us("inspect", "new", "--inspection", Id, "--of", "RU", "--type", "type-one", "--arrival", "2011-05-10"))).Code);

            // A site the database does not list: exit 2, naming the field, and nothing stored.
            var refused = await Run(Us("inspect", "designate", "--inspection", Id, "--site", "Nowhere"));
            Assert.Equal(2, refused.Code);
            Assert.True(refused.Error.Contains("body: site: 'Nowhere' is not a site in RU's database", StringComparison.Ordinal), refused.Error);

            var designated = await Run(Us("inspect", "designate", "--inspection", Id, "--site", script.Site));
            Assert.Equal(0, designated.Code);
            Assert.Contains("Next: RU gives the pre-inspection information", designated.Out.ReplaceLineEndings(" ").Replace("  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
            var early = Path.Combine(directory, "early.nonce.json");
            Assert.Equal(2, (await Run(Us("inspect", "commit", "--inspection", Id, "--nonce-file", early), round: false)).Code);
            Assert.False(File.Exists(early), "a nonce the node refused to commit is not kept");
            Assert.Equal(0, (await Run(Ru(["inspect", "inform", "--inspection", Id, "--site", script.Site, .. script.Missiles.SelectMany(m => new[] { "--missile", $"{m.Uid}={m.Warheads}" })]))).Code);
            var (usNonce, ruNonce) = (Path.Combine(directory, "us.nonce.json"), Path.Combine(directory, "ru.nonce.json"));
            Assert.Equal(0, (await Run(Us("inspect", "commit", "--inspection", Id, "--nonce-file", usNonce))).Code);
            Assert.Equal(2, (await Run(Us("inspect", "commit", "--inspection", Id, "--nonce-file", usNonce), round: false)).Code);
            Assert.Equal(0, (await Run(Ru("inspect", "commit", "--inspection", Id, "--nonce-file", ruNonce))).Code);
            Assert.Equal(0, (await Run(Us("inspect", "reveal", "--inspection", Id, "--nonce-file", usNonce))).Code);
            Assert.Equal(0, (await Run(Ru("inspect", "reveal", "--inspection", Id, "--nonce-file", ruNonce))).Code);
            Assert.Equal(0, (await Run(Us("inspect", "select", "--inspection", Id))).Code);

            // The inspectors count the selected missile with one reentry vehicle more than declared.
            using var usClient = cluster.Client("US");
            var view = await usClient.GetFromJsonAsync<System.Text.Json.JsonElement>($"inspections/{Id}");
            var uid = view.GetProperty("selected")[0].GetString()!;
            var declared = script.Missiles.First(m => m.Uid == uid).Warheads;
            var other = script.Missiles.First(m => m.Uid != uid).Uid;
            Assert.Equal(2, (await Run(Us("inspect", "record", "--inspection", Id, "--counted", $"{other}=1"), round: false)).Code);
            Assert.Equal(0, (await Run(Us("inspect", "record", "--inspection", Id, "--counted", $"{uid}={declared + 1}"))).Code);
            Assert.Equal(0, (await Run(Us("inspect", "report", "--inspection", Id, "--remarks", "one more than declared"))).Code);
            Assert.Equal(0, (await Run(Ru("inspect", "acknowledge", "--inspection", Id))).Code);
            Assert.Equal(0, (await Run(Ru("inspect", "ambiguity", "--inspection", Id, "--ambiguity", "a1", "--action", "raised", "--text", "the count is disputed"))).Code);

            var list = await RunAsync("inspect", "list", "--node", cluster.Url("RU").ToString(), "--party", "RU");
            Assert.Equal(1, list.Code);
            var text = list.Out.ReplaceLineEndings(" ");
            Assert.Contains($"{Id}: US inspecting RU, type-one, arrival 2011-05-10", text, StringComparison.Ordinal);
            Assert.Contains("more-warheads-than-declared", text, StringComparison.Ordinal);
            Assert.Contains("acknowledged", text, StringComparison.Ordinal);

            // The same from the log files the nodes keep, read here: the list, and the finding in reconcile.
            var local = await RunAsync("inspect", "list", "--logs", cluster.DbFile("US"), cluster.DbFile("RU"), "--party", "RU", "--json");
            Assert.Equal(1, local.Code);
            using var listed = System.Text.Json.JsonDocument.Parse(local.Out);
            var inspection = Assert.Single(listed.RootElement.GetProperty("inspections").EnumerateArray());
            Assert.Equal(view.GetProperty("seed").GetString(), inspection.GetProperty("seed").GetString());
            Assert.Equal("more-warheads-than-declared", Assert.Single(inspection.GetProperty("findings").EnumerateArray()).GetProperty("kind").GetString());
            var reconciled = await RunAsync("reconcile", "--party", "RU", "--at", "2011-06-01", "--logs", cluster.DbFile("US"), cluster.DbFile("RU"));
            Assert.Equal(1, reconciled.Code);
            Assert.Contains($"Inspection {Id} of RU by US at {script.Site} on 2011-05-10: 1 finding(s)", reconciled.Out, StringComparison.Ordinal);
            Assert.Contains($"more-warheads-than-declared {uid}: {declared + 1} reentry vehicles counted on {uid}", reconciled.Out, StringComparison.Ordinal);
            var twice = await RunAsync("reconcile", "--party", "RU", "--at", "2011-06-01", "--logs", cluster.DbFile("US"), cluster.DbFile("US"));
            Assert.Equal(2, twice.Code);
            Assert.Contains("are both US's log", twice.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task InspectVerbs_BadInput_Exit2NamingTheOption()
    {
        var unreachable = await RunAsync("inspect", "list", "--node", "http://127.0.0.1:9/");
        Assert.Equal(2, unreachable.Code);
        Assert.Contains("--node: cannot reach http://127.0.0.1:9/", unreachable.Error, StringComparison.Ordinal);
        var notUrl = await RunAsync("inspect", "report", "--inspection", "x", "--node", "ftp://x");
        Assert.Equal(2, notUrl.Code);
        Assert.Contains("--node: 'ftp://x' is not an http or https URL", notUrl.Error, StringComparison.Ordinal);
        var badCount = await RunAsync("inspect", "record", "--inspection", "x", "--counted", "RU-1=four");
        Assert.Equal(2, badCount.Code);
        Assert.Contains("--counted: 'RU-1=four' is not UID=N", badCount.Error, StringComparison.Ordinal);

        // A bad date is named before any node is asked.
        var badDate = await RunAsync("inspect", "new", "--inspection", "US-x", "--of", "RU", "--type", "type-one", "--arrival", "2019-13-01", "--node", "http://127.0.0.1:9/");
        Assert.Equal(2, badDate.Code);
        Assert.StartsWith("--arrival: ", badDate.Error, StringComparison.Ordinal);

        // A file that is not a log, given as one: exit 2 naming --logs, in the list and in reconcile alike.
        var text = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(text, "# not a log\n");
            var listed = await RunAsync("inspect", "list", "--logs", text);
            Assert.Equal(2, listed.Code);
            Assert.Contains($"--logs: {text}: not a Verity log file", listed.Error, StringComparison.Ordinal);
            var reconciled = await RunAsync("reconcile", "--party", "RU", "--at", "2011-06-01", "--logs", text);
            Assert.Equal(2, reconciled.Code);
            Assert.Contains($"--logs: {text}: not a Verity log file", reconciled.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", reconciled.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(text);
        }
    }

    private static async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No });
        console.Profile.Width = 200;
        var context = new CliContext(console, error, NodaTime.SystemClock.Instance, ReplayedRecord.DataPath());
        var code = await VerityApp.RunAsync(args, context);
        return (code, output.ToString(), error.ToString());
    }
}
