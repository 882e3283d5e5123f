using System.CommandLine;
using Spectre.Console;
using Verity.Cli.Commands;

namespace Verity.Cli.Tests;

/// <summary>
/// Every verb's <c>--help</c> at 80 columns, against the text kept in <c>testdata/help/</c> (one file per verb, such as
/// <c>keys-new.txt</c>). The verbs come from <see cref="CommandCatalog"/>, so a new verb without a snapshot fails here,
/// saying how to make one: <c>VERITY_UPDATE_HELP=1 dotnet test tests/Verity.Cli.Tests --filter HelpSnapshotTests</c>
/// rewrites every snapshot from the current help; review the diff and commit it.
/// </summary>
public sealed class HelpSnapshotTests
{
    private const int Width = 80;
    private const string Update = "VERITY_UPDATE_HELP=1 dotnet test tests/Verity.Cli.Tests --filter HelpSnapshotTests";

    public static TheoryData<string> Verbs() => [.. Paths()];

    [Theory]
    [MemberData(nameof(Verbs))]
    public async Task Help_IsTheSnapshot(string verb)
    {
        var run = await CliHarness.RunAtWidthAsync(Width, [.. verb.Split(' '), "--help"]);
        var help = Normalize(run.Out);
        var name = verb.Replace(' ', '-') + ".txt";
        var kept = Path.Combine(AppContext.BaseDirectory, "testdata", "help", name);

        Assert.Equal(0, run.ExitCode);
        if (Environment.GetEnvironmentVariable("VERITY_UPDATE_HELP") == "1")
        {
            var source = Path.Combine(SourceFolder(), "testdata", "help");
            Directory.CreateDirectory(source);
            await File.WriteAllTextAsync(Path.Combine(source, name), help);
            return;
        }

        Assert.True(File.Exists(kept), $"no snapshot of `verity {verb} --help` (tests/Verity.Cli.Tests/testdata/help/{name}): run `{Update}` and commit the file it writes");
        Assert.True(await File.ReadAllTextAsync(kept) == help,
            $"`verity {verb} --help` is not tests/Verity.Cli.Tests/testdata/help/{name}; if the change is meant, run `{Update}` and commit the diff. It prints:\n{help}");
    }

    [Fact]
    public void Snapshots_EachBelongsToAVerb()
    {
        var verbs = Paths().Select(v => v.Replace(' ', '-') + ".txt").ToHashSet(StringComparer.Ordinal);
        var kept = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "testdata", "help"), "*.txt").Select(Path.GetFileName).ToList();

        Assert.True(kept.Count >= 20, $"{kept.Count} snapshots");
        Assert.All(kept, file => Assert.True(verbs.Contains(file!), $"testdata/help/{file} is the help of no verb: delete it"));
    }

    /// <summary>Every verb and sub-verb of the catalog, as typed: <c>demo</c>, <c>keys new</c>, …</summary>
    private static List<string> Paths()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) });
        var context = new CliContext(console, TextWriter.Null, new FixedClock(NodaTime.Instant.FromUtc(2019, 6, 1, 12, 0)), CliHarness.DataDirectory);
        return CommandCatalog.All(context).SelectMany(c => Walk(c, c.Name)).ToList();

        static IEnumerable<string> Walk(Command command, string path) =>
            new[] { path }.Concat(command.Subcommands.SelectMany(s => Walk(s, path + " " + s.Name)));
    }

    /// <summary>The help as a user sees it: the usage line names <c>verity</c> whatever the test host is called.</summary>
    private static string Normalize(string help) =>
        string.Join('\n', help.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd()))
            .Replace("  " + RootCommand.ExecutableName + " ", "  verity ", StringComparison.Ordinal);

    private static string SourceFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var project = Path.Combine(folder.FullName, "tests", "Verity.Cli.Tests");
            if (File.Exists(Path.Combine(project, "Verity.Cli.Tests.csproj")))
            {
                return project;
            }
        }

        throw new InvalidOperationException($"no tests/Verity.Cli.Tests above {AppContext.BaseDirectory}");
    }
}
