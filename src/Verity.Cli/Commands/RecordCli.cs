using System.CommandLine;
using System.Text;
using System.Text.Json;
using Spectre.Console;
using Verity.Record.Keys;
using Verity.Record.Sqlite;
using Verity.Record.Storage;

namespace Verity.Cli.Commands;

/// <summary>What the record verbs (keys, log, escrow, draw) share: reading key and JSON files, opening logs, writing
/// files safely, and turning failures into exit codes in one place.</summary>
internal static class RecordCli
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Runs a verb body: <see cref="UsageException"/> and bad input (<see cref="Core.InputException"/>) are exit 2,
    /// store damage exit 1, each with its message.</summary>
    public static async Task<int> RunAsync(CliContext context, Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (UsageException e)
        {
            await context.Error.WriteLineAsync($"verity: {e.Message}").ConfigureAwait(false);
            return VerityApp.BadInput;
        }
        catch (Core.InputException e)
        {
            foreach (var line in Terminal.Once(e.Diagnostics))
            {
                await context.Error.WriteLineAsync(line).ConfigureAwait(false);
            }

            return VerityApp.BadInput;
        }
        catch (LogStoreException e) when (e.IsCorruption)
        {
            await context.Error.WriteLineAsync($"verity: {e.Message}").ConfigureAwait(false);
            return VerityApp.Finding;
        }
        catch (LogStoreException e)
        {
            await context.Error.WriteLineAsync($"verity: {e.Message}").ConfigureAwait(false);
            return VerityApp.BadInput;
        }
    }

    public static Option<string> RequiredOption(string name, string description, string helpName) =>
        new(name) { Description = description, Required = true, HelpName = helpName };

    public static SigningKey ReadSigningKey(string path)
    {
        var text = ReadText(path, "key file").TrimEnd('\n', '\r');
        return SigningKey.TryParse(text, out var key, out var problem) ? key : throw new UsageException($"{path}: {problem}");
    }

    public static VerifierKey ReadVerifierKey(string path)
    {
        var text = ReadText(path, "verifier key file").TrimEnd('\n', '\r');
        return VerifierKey.TryParse(text, out var key, out var problem) ? key : throw new UsageException($"{path}: {problem}");
    }

    public static string ReadText(string path, string what)
    {
        try
        {
            return File.ReadAllText(path, new UTF8Encoding(false, true));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            throw new UsageException($"{path}: cannot read {what}: {(e is DecoderFallbackException ? "not UTF-8 text" : CommandLineInput.Reason(e, path))}");
        }
    }

    public static byte[] ReadBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path}: cannot read file: {CommandLineInput.Reason(e, path)}");
        }
    }

    public static JsonElement ReadJson(string path, string what)
    {
        var text = ReadText(path, what);
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            // System.Text.Json's message ends with its own 0-based place; the place is said once, 1-based, in front.
            var where = e.LineNumber is { } line ? $"{path}:{line + 1}:{(e.BytePositionInLine ?? 0) + 1}" : path;
            throw new UsageException($"{where}: {what} is not JSON: {e.Message.Split(" LineNumber:")[0].TrimEnd()}");
        }
    }

    public static string String(JsonElement json, string field, string path) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()! : throw new UsageException($"{path}: field \"{field}\": expected a string");

    public static long Long(JsonElement json, string field, string path) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number : throw new UsageException($"{path}: field \"{field}\": expected an integer");

    public static byte[] Base64(string text, string field, string path)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new UsageException($"{path}: field \"{field}\": '{text}' is not valid base64");
        }
    }

    public static Verity.Record.Merkle.Sha256Hash Hash(string text, string field, string path) =>
        Verity.Record.Merkle.Sha256Hash.TryParseBase64(text, out var hash) ? hash
            : throw new UsageException($"{path}: field \"{field}\": '{text}' is not the base64 of a 32-byte hash");

    /// <summary>Opens an existing log to append to, or with <paramref name="create"/> a new one if there is no such file.</summary>
    public static SqliteLogStore OpenLog(string path, bool create = false) =>
        Open(path, create, () => SqliteLogStore.Open(path, create));

    /// <summary>Opens an existing log read-only, as every verb that only reads a log does: the file is left as it was.</summary>
    public static SqliteLogStore ReadLog(string path) => Open(path, create: false, () => SqliteLogStore.OpenReadOnly(path));

    private static SqliteLogStore Open(string path, bool create, Func<SqliteLogStore> open)
    {
        if (!create && !File.Exists(path))
        {
            throw new UsageException($"{path}: no such log file");
        }

        try
        {
            return open();
        }
        catch (FileNotFoundException)
        {
            throw new UsageException($"{path}: no such log file");
        }
    }

    /// <summary>The <c>--json</c> of a record verb that otherwise prints a summary for people.</summary>
    public static Option<bool> JsonOption() => new("--json") { Description = "Print the JSON for programs instead of a summary." };

    /// <summary>The <c>--out</c> of a record verb: where to write the JSON it makes.</summary>
    public static Option<string?> OutOption(string what) => new("--out") { Description = $"Write {what} to this file (JSON; refused if it exists).", HelpName = "FILE.json" };

    /// <summary>Writes a verb's result: its JSON to <paramref name="outPath"/> when given, and to standard output either
    /// the JSON (<paramref name="asJson"/>) or the summary for people.</summary>
    public static void Emit(CliContext context, string json, bool asJson, string? outPath, string summary)
    {
        if (outPath is not null)
        {
            WriteFileAtomically(outPath, json, secret: false);
        }

        if (asJson)
        {
            WriteRaw(context, json);
            return;
        }

        WriteSummary(context, summary);
    }

    /// <summary>Text for people, each line wrapped at the terminal's width between words, so a hash or a path stays whole.</summary>
    public static void WriteSummary(CliContext context, string summary)
    {
        foreach (var line in summary.TrimEnd('\n').Split('\n'))
        {
            context.Out.Write(new Text(line));
            context.Out.WriteLine();
        }
    }

    /// <summary>Where the summary says the JSON went: the file, or how to get it.</summary>
    public static string Written(string? outPath, string what) =>
        outPath is null ? $"(--out FILE writes {what}; --json prints it)" : $"written to {outPath}";

    /// <summary>Writes JSON produced by <paramref name="write"/> to standard output, unwrapped.</summary>
    public static void WriteJson(CliContext context, Action<Utf8JsonWriter> write) =>
        WriteRaw(context, Json(write));

    public static string Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Indented))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Writes text to standard output exactly, without markup or line wrapping.</summary>
    public static void WriteRaw(CliContext context, string text) => context.Out.Profile.Out.Writer.Write(text);

    /// <summary>Writes a file through a temporary name and a rename, optionally readable by its owner only.</summary>
    public static void WriteFileAtomically(string path, string content, bool secret)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (secret && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(new UTF8Encoding(false).GetBytes(content));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException e)
        {
            File.Delete(temporary);
            throw new UsageException($"{path}: cannot write: {e.Message}");
        }
    }

    public static void EnsureAbsent(string path)
    {
        if (File.Exists(path))
        {
            throw new UsageException($"{path}: already exists; refusing to overwrite");
        }
    }

    /// <summary>Creates a directory (and its parents) if absent; a file of that name is bad usage.</summary>
    public static void CreateDirectory(string path)
    {
        if (File.Exists(path))
        {
            throw new UsageException($"{path}: is a file, not a directory");
        }

        try
        {
            Directory.CreateDirectory(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path}: cannot create the directory: {e.Message}");
        }
    }
}

/// <summary>Bad input or usage: the message names the file or field; the verb exits 2 having written nothing.</summary>
internal sealed class UsageException : Exception
{
    public UsageException() : base("bad usage") { }

    public UsageException(string message) : base(message) { }

    public UsageException(string message, Exception inner) : base(message, inner) { }
}
