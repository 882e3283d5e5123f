using Microsoft.Extensions.Configuration;

namespace Verity.Node;

/// <summary>What a node is started with: whose node it is, the treaty, the party's key, its log file and the operator's token.</summary>
/// <param name="Party">The party this node speaks for, e.g. "US"; the key must be this party's.</param>
/// <param name="TreatyFile">The treaty definition (YAML).</param>
/// <param name="KeyFile">The party's private key file (from <c>verity keys new</c>).</param>
/// <param name="DbFile">The party's own log (SQLite); created if absent.</param>
/// <param name="OperatorToken">The bearer token that authorizes <c>POST /statements</c>; absent means nobody may submit.</param>
/// <param name="Origin">The checkpoint origin line; default <c>verity.local/&lt;party&gt;</c>.</param>
/// <param name="ExchangeFile">The exchange definition (YAML) declarations follow; default <c>../exchanges/&lt;treaty id&gt;.yaml</c> beside the treaty file's folder, as in <c>data/</c>.</param>
public sealed record NodeOptions(string Party, string TreatyFile, string KeyFile, string DbFile, string? OperatorToken = null, string? Origin = null, string? ExchangeFile = null)
{
    private static readonly string[] Required = ["party", "treaty", "key", "db"];

    /// <summary>The origin line checkpoints carry.</summary>
    public string CheckpointOrigin => Origin ?? $"verity.local/{Party.ToLowerInvariant()}";

    /// <summary>The exchange definition file for a treaty of id <paramref name="treatyId"/>: <see cref="ExchangeFile"/>, or the bundled layout's.</summary>
    public string ExchangeFileFor(string treatyId) =>
        ExchangeFile ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(TreatyFile))!, "..", "exchanges", treatyId + ".yaml");

    /// <summary>Reads the options from configuration keys <c>party</c>, <c>treaty</c>, <c>key</c>, <c>db</c>,
    /// <c>operator-token</c>, <c>origin</c> and <c>exchange</c> (command line <c>--party US</c>, environment <c>VERITY_PARTY</c>…).</summary>
    /// <exception cref="NodeOptionsException">A required option is missing.</exception>
    public static NodeOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var missing = Required.Where(name => string.IsNullOrEmpty(configuration[name])).ToList();
        if (missing.Count > 0)
        {
            throw new NodeOptionsException($"missing option{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Select(m => "--" + m))}");
        }

        return new NodeOptions(configuration["party"]!, configuration["treaty"]!, configuration["key"]!, configuration["db"]!,
            NullIfEmpty(configuration["operator-token"]), NullIfEmpty(configuration["origin"]), NullIfEmpty(configuration["exchange"]));
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
