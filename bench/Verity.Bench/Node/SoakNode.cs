using System.Diagnostics;
using System.Net;

namespace Verity.Bench.Node;

/// <summary>One party's <c>verity serve</c> of the soak run: a real process on a loopback port, started, killed with
/// SIGKILL and started again on the same files and port. Its output goes to <c>PARTY.out</c> in the run's folder.</summary>
internal sealed class SoakNode : IDisposable
{
    private readonly string _verity;
    private readonly IReadOnlyList<string> _arguments;
    private readonly StreamWriter _output;
    private readonly Lock _gate = new();
    private Process? _process;

    public SoakNode(string party, int port, string verity, IReadOnlyList<string> arguments, string outputFile)
    {
        Party = party;
        Url = new Uri($"http://127.0.0.1:{port}/");
        _verity = verity;
        _arguments = arguments;
        _output = new StreamWriter(outputFile, append: true) { AutoFlush = true };
    }

    public string Party { get; }

    public Uri Url { get; }

    public bool Running => _process is { HasExited: false };

    /// <summary>Starts the process and waits until it answers <c>/healthz</c> (60 s at most).</summary>
    public async Task StartAsync()
    {
        var start = Command(_verity, _arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment["Logging__LogLevel__Default"] = "Warning"; // the node's request log would cost more than the load
        start.Environment.Remove("VERITY_OPERATOR_TOKEN");
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{Party}: verity serve did not start");
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        using var client = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{Party}: verity serve exited with {process.ExitCode} (see {((FileStream)_output.BaseStream).Name})");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("healthz", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"{Party}: verity serve did not answer /healthz within 60 s");
    }

    /// <summary>SIGKILL: no shutdown, no flush; what the node acknowledged must already be on disk.</summary>
    public async Task KillAsync()
    {
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
            process.Dispose();
            _process = null;
        }

        Write($"-- killed (SIGKILL) at {DateTimeOffset.UtcNow:O}");
    }

    public void Dispose()
    {
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }

            process.Dispose();
        }

        _output.Dispose();
    }

    /// <summary>The command that runs <paramref name="verity"/> (an executable, or <c>verity.dll</c> through <c>dotnet</c>).</summary>
    public static ProcessStartInfo Command(string verity, IEnumerable<string> arguments)
    {
        var dll = verity.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var start = new ProcessStartInfo(dll ? "dotnet" : verity) { UseShellExecute = false };
        if (dll)
        {
            start.ArgumentList.Add(verity);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private void Write(string? line)
    {
        if (line is not null)
        {
            lock (_gate)
            {
                _output.WriteLine(line);
            }
        }
    }
}
