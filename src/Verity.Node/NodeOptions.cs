using Microsoft.Extensions.Configuration;

namespace Verity.Node;

/// <summary>What a node is started with: whose node it is, the treaty, the party's key, where its logs are kept, the
/// operator's token, and its peers and observers.</summary>
/// <param name="Party">The party this node speaks for, e.g. "US"; the key must be this party's.</param>
/// <param name="TreatyFile">The treaty definition (YAML).</param>
/// <param name="KeyFile">The party's private key file (from <c>verity keys new</c>).</param>
/// <param name="DbFile">The party's own log (SQLite); created if absent. Peers' logs are mirrored in files beside it
/// (<c>us.db</c> → <c>us.mirror-ru.db</c>). Ignored for storage when <see cref="Postgres"/> is set.</param>
/// <param name="OperatorToken">The bearer token that authorizes <c>POST /statements</c>; absent means nobody may submit.</param>
/// <param name="Origin">The checkpoint origin line; default <c>verity.local/&lt;party&gt;</c>.</param>
/// <param name="ExchangeFile">The exchange definition (YAML) declarations follow; default <c>../exchanges/&lt;treaty id&gt;.yaml</c> beside the treaty file's folder, as in <c>data/</c>. When not given and the default file does not exist, the treaty has no data exchange and the node accepts no declarations.</param>
public sealed record NodeOptions(string Party, string TreatyFile, string KeyFile, string DbFile, string? OperatorToken = null, string? Origin = null, string? ExchangeFile = null)
{
    private static readonly string[] Required = ["party", "treaty", "key", "db"];

    /// <summary>The origin line checkpoints carry.</summary>
    public string CheckpointOrigin => Origin ?? DefaultOrigin(Party);

    /// <summary>The nodes of the other parties: their logs are mirrored here, and this node's log is pushed to them.</summary>
    public IReadOnlyList<PeerOption> Peers { get; init; } = [];

    /// <summary>Verifier key files of observers: they may read every log through the peer API and never write.</summary>
    public IReadOnlyList<string> ObserverKeyFiles { get; init; } = [];

    /// <summary>An Npgsql connection string: when set, the node keeps its own log and its mirrors in PostgreSQL
    /// (one schema per log, <c>verity_us_us</c>, <c>verity_us_ru</c>, …) instead of SQLite files.</summary>
    public string? Postgres { get; init; }

    /// <summary>For a draft treaty (<c>status: proposal</c>), the date of entry into force to assume: dates given after
    /// entry into force count from it. A draft without one in its file needs it; a treaty with its own date refuses it.</summary>
    public NodaTime.LocalDate? EntryIntoForce { get; init; }

    /// <summary>How often the node pushes, pulls and gossips with its peers when nothing else wakes it.</summary>
    public TimeSpan SyncInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Whether the node runs its rounds with its peers by itself (at start, on every append and every
    /// <see cref="SyncInterval"/>). Off, rounds run only when asked (<see cref="Peers.PeerNetwork.SyncOnceAsync"/>): for
    /// tests and the demo, which step the network.</summary>
    public bool SyncInBackground { get; init; } = true;

    /// <summary>The default origin line of a party's checkpoints.</summary>
    public static string DefaultOrigin(string party) => $"verity.local/{party.ToLowerInvariant()}";

    /// <summary>The exchange definition file for a treaty of id <paramref name="treatyId"/>: <see cref="ExchangeFile"/>, or the bundled layout's.</summary>
    public string ExchangeFileFor(string treatyId) =>
        ExchangeFile ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(TreatyFile))!, "..", "exchanges", treatyId + ".yaml");

    /// <summary>Reads the options from configuration keys <c>party</c>, <c>treaty</c>, <c>key</c>, <c>db</c>,
    /// <c>operator-token</c>, <c>origin</c>, <c>exchange</c>, <c>postgres</c>, <c>peer</c>, <c>observer</c> and
    /// <c>sync-interval</c> (command line <c>--party US</c>, environment <c>VERITY_PARTY</c>…; several peers as
    /// <c>peer:0</c>, <c>peer:1</c>, … or one <c>peer</c> value with peers separated by ';').</summary>
    /// <exception cref="NodeOptionsException">A required option is missing or a peer is malformed.</exception>
    public static NodeOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var missing = Required.Where(name => string.IsNullOrEmpty(configuration[name])).ToList();
        if (missing.Count > 0)
        {
            throw new NodeOptionsException($"missing option{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Select(m => "--" + m))}");
        }

        var interval = configuration["sync-interval"];
        return new NodeOptions(configuration["party"]!, configuration["treaty"]!, configuration["key"]!, configuration["db"]!,
            NullIfEmpty(configuration["operator-token"]), NullIfEmpty(configuration["origin"]), NullIfEmpty(configuration["exchange"]))
        {
            Peers = [.. Values(configuration, "peer").Select(PeerOption.Parse)],
            ObserverKeyFiles = [.. Values(configuration, "observer")],
            Postgres = NullIfEmpty(configuration["postgres"]),
            SyncInterval = interval is null ? TimeSpan.FromSeconds(2) : ParseInterval(interval),
            EntryIntoForce = NullIfEmpty(configuration["entry-into-force"]) is { } entry ? ParseDate(entry) : null,
        };
    }

    private static NodaTime.LocalDate ParseDate(string text) =>
        Core.SupportedDates.TryParse(text, out var date, out var problem) ? date : throw new NodeOptionsException($"--entry-into-force: {problem}");

    private static TimeSpan ParseInterval(string text) =>
        double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= 3600
            ? TimeSpan.FromSeconds(seconds)
            : throw new NodeOptionsException($"--sync-interval: '{text}' is not a number of seconds between 0 and 3600");

    private static IEnumerable<string> Values(IConfiguration configuration, string key)
    {
        var single = configuration[key];
        if (!string.IsNullOrEmpty(single))
        {
            return single.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        return configuration.GetSection(key).GetChildren().Select(c => c.Value).OfType<string>().Where(v => v.Length > 0);
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}

/// <summary>A peer: another party's node, named <c>CODE=URL,VKEYFILE</c> on the command line.</summary>
/// <param name="Party">The peer's party, e.g. "RU".</param>
/// <param name="Url">The peer node's base URL, e.g. http://127.0.0.1:8081/.</param>
/// <param name="VerifierKeyFile">The peer party's verifier key file (from <c>verity keys new</c>).</param>
public sealed record PeerOption(string Party, Uri Url, string VerifierKeyFile)
{
    /// <summary>Reads <c>CODE=URL,VKEYFILE</c>.</summary>
    /// <exception cref="NodeOptionsException">The text is not of that form.</exception>
    public static PeerOption Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var comma = text.LastIndexOf(',');
        if (equals <= 0 || comma < equals)
        {
            throw new NodeOptionsException($"--peer: '{text}' is not CODE=URL,VKEYFILE (e.g. RU=http://127.0.0.1:8081,keys/RU.vkey)");
        }

        var party = text[..equals];
        if (!Verity.Core.PartyCode.TryParse(party, out _))
        {
            throw new NodeOptionsException($"--peer: '{party}' is not a party code (two capital letters, e.g. RU)");
        }

        var url = text[(equals + 1)..comma];
        if (!Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new NodeOptionsException($"--peer: '{url}' is not an http or https URL (in '{text}')");
        }

        var file = text[(comma + 1)..];
        return file.Length == 0
            ? throw new NodeOptionsException($"--peer: no verifier key file after the comma in '{text}'")
            : new PeerOption(party, uri, file);
    }
}
