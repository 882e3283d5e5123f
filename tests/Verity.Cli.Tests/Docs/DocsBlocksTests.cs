using System.Diagnostics;
using System.Text;

namespace Verity.Cli.Tests.Docs;

/// <summary>
/// The README and <c>docs/*.md</c> run as written: each file's shell blocks run in order in a fresh temporary copy of
/// the repository, against the <c>verity</c> this project was built with. A <c>sh</c> block must exit 0 under
/// <c>set -e</c>; in a <c>console</c> block each <c>$ </c> line is a command, the lines after it output that must
/// appear, and <c>$ echo $?</c> the exit code expected of the command before. A block marked on its first line
/// <c># illustration: …</c> or <c># run by .ci/run …</c> is not run here, and a block without a language that reads as
/// shell fails, so that nothing is skipped silently.
/// </summary>
public sealed class DocsBlocksTests
{
    private static readonly string Root = FindRoot();

    /// <summary>The files with blocks to run (the others hold only illustrations and output).</summary>
    public static TheoryData<string> Files() =>
        [.. DocumentFiles().Where(f => DocBlock.Parse(f, File.ReadAllText(Path.Combine(Root, f))).Any(b => b.IsShell && b.NotRunMarker is null))];

    [Fact]
    public void EveryShellLikeBlock_SaysWhatItIs()
    {
        var unlabeled = DocumentFiles()
            .SelectMany(f => DocBlock.Parse(f, File.ReadAllText(Path.Combine(Root, f))))
            .Where(b => b.LooksLikeUnlabeledShell)
            .Select(b => b.Where)
            .ToList();

        Assert.True(unlabeled.Count == 0,
            $"blocks without a language that read as shell: {string.Join(", ", unlabeled)}; label each ```console or ```sh (run by the docs test) or ```text (output, or an illustration)");
    }

    [Fact]
    public void ReadmeAndTrust_HaveBlocksThatRun()
    {
        var runnable = new[] { "README.md", "docs/trust.md" }
            .SelectMany(f => DocBlock.Parse(f, File.ReadAllText(Path.Combine(Root, f))))
            .Where(b => b.IsShell && b.NotRunMarker is null)
            .ToList();

        Assert.True(runnable.Count >= 4, $"{runnable.Count} runnable blocks");
        Assert.Contains(runnable, b => b.Lines.Any(l => l.StartsWith("verity keys new", StringComparison.Ordinal)));
        Assert.Contains(runnable, b => b.IsTranscript && b.Lines.Any(l => l.StartsWith("$ verity comply", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task ShellBlocks_RunAsWritten(string file)
    {
        var blocks = DocBlock.Parse(file, await File.ReadAllTextAsync(Path.Combine(Root, file))).Where(b => b.IsShell && b.NotRunMarker is null).ToList();
        var copy = Directory.CreateTempSubdirectory("verity-docs-").FullName;
        try
        {
            CopyRepository(Root, copy);
            var bin = Directory.CreateDirectory(Path.Combine(copy, ".docs-bin")).FullName;
            var verity = Path.Combine(bin, "verity");
            await File.WriteAllTextAsync(verity, $"#!/bin/sh\nexec \"{Path.Combine(AppContext.BaseDirectory, "verity")}\" \"$@\"\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(verity, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            foreach (var block in blocks)
            {
                if (block.IsTranscript)
                {
                    await RunTranscriptAsync(block, copy, bin);
                }
                else
                {
                    var (code, output) = await BashAsync("set -euo pipefail\n" + string.Join('\n', block.Lines) + "\n", copy, bin);
                    Assert.True(code == 0, $"{block.Where}: the block exited {code}:\n{Tail(output)}");
                }
            }
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    /// <summary>Runs a transcript's commands in one shell, each one's output and exit code kept apart, then compares.</summary>
    private static async Task RunTranscriptAsync(DocBlock block, string copy, string bin)
    {
        var steps = new List<(string Command, List<string> Expected)>();
        for (var i = 0; i < block.Lines.Count; i++)
        {
            var line = block.Lines[i];
            if (line.StartsWith("$ ", StringComparison.Ordinal))
            {
                var command = line[2..];
                while (command.EndsWith('\\') && i + 1 < block.Lines.Count)
                {
                    command = command[..^1] + " " + block.Lines[++i].Trim();
                }

                steps.Add((command, []));
            }
            else if (steps.Count > 0 && line.Trim().Length > 0)
            {
                steps[^1].Expected.Add(line.Trim());
            }
        }

        var script = new StringBuilder("mkdir -p .docs-out\n");
        for (var n = 0; n < steps.Count; n++)
        {
            if (steps[n].Command.Trim() != "echo $?")
            {
                script.Append('{').Append(' ').Append(steps[n].Command).Append("\n} > .docs-out/").Append(n).Append(" 2>&1; echo $? > .docs-out/").Append(n).Append(".rc\n");
            }
        }

        var (code, output) = await BashAsync(script.ToString(), copy, bin);
        Assert.True(code == 0, $"{block.Where}: the transcript's shell exited {code}:\n{Tail(output)}");
        for (var n = 0; n < steps.Count; n++)
        {
            var (command, expected) = steps[n];
            if (command.Trim() == "echo $?")
            {
                continue;
            }

            var rc = int.Parse(await File.ReadAllTextAsync(Path.Combine(copy, ".docs-out", $"{n}.rc")), System.Globalization.CultureInfo.InvariantCulture);
            var printed = await File.ReadAllTextAsync(Path.Combine(copy, ".docs-out", n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var wanted = n + 1 < steps.Count && steps[n + 1].Command.Trim() == "echo $?" && steps[n + 1].Expected.Count == 1
                ? int.Parse(steps[n + 1].Expected[0], System.Globalization.CultureInfo.InvariantCulture)
                : 0;
            Assert.True(rc == wanted, $"{block.Where}: `{command}` exited {rc}, the docs say {wanted}:\n{Tail(printed)}");
            foreach (var line in expected)
            {
                Assert.True(printed.Contains(line, StringComparison.Ordinal), $"{block.Where}: `{command}` did not print the line the docs show:\n{line}\nit printed:\n{Tail(printed)}");
            }
        }
    }

    private static async Task<(int Code, string Output)> BashAsync(string script, string directory, string bin)
    {
        var start = new ProcessStartInfo("bash", ["-c", script])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.Environment["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        start.Environment["VERITY_DATA"] = Path.Combine(directory, "data");
        start.Environment["LC_ALL"] = "C.UTF-8";
        start.Environment.Remove("COLUMNS");
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"a docs block ran over 3 minutes in {directory}:\n{script}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>The repository as a fresh clone has it: everything but build output and Git's own folder.</summary>
    private static void CopyRepository(string from, string to)
    {
        foreach (var directory in Directory.EnumerateDirectories(from))
        {
            var name = Path.GetFileName(directory);
            if (name is "bin" or "obj" or ".git" or "TestResults" or "verity-report" or "node_modules")
            {
                continue;
            }

            CopyRepository(directory, Directory.CreateDirectory(Path.Combine(to, name)).FullName);
        }

        foreach (var file in Directory.EnumerateFiles(from))
        {
            if (Path.GetFileName(file) != ".git")
            {
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            }
        }
    }

    private static IEnumerable<string> DocumentFiles() =>
        new[] { "README.md" }.Concat(Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Select(f => "docs/" + Path.GetFileName(f)).Order(StringComparer.Ordinal));

    private static string Tail(string text) => text.Length <= 4000 ? text : "…" + text[^4000..];

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Verity.slnx")) && File.Exists(Path.Combine(folder.FullName, "README.md")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"no checkout (Verity.slnx) above {AppContext.BaseDirectory}");
    }
}
