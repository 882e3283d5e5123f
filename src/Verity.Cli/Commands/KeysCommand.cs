using System.CommandLine;
using System.Security.Cryptography;
using Verity.Record.Keys;

namespace Verity.Cli.Commands;

/// <summary><c>verity keys new</c>: a party key pair in the signed-note formats.</summary>
internal static class KeysCommand
{
    public static Command Create(CliContext context)
    {
        var name = RecordCli.RequiredOption("--name", "Key name: the party, e.g. US or verity.example/us (no spaces or '+').", "NAME");
        var output = RecordCli.RequiredOption("--out", "Existing directory for NAME.key and NAME.vkey.", "DIR");
        var algorithm = new Option<string>("--algorithm")
        {
            Description = "Signature algorithm.",
            DefaultValueFactory = _ => "ed25519",
            HelpName = "ed25519|ml-dsa-65",
        };
        algorithm.AcceptOnlyFromAmong("ed25519", "ml-dsa-65");

        var create = new Command("new", """
            Create a party key: NAME.key (private, mode 0600) and NAME.vkey (one line: NAME+KEYID+BASE64).
            A '/' in the name becomes '_' in the file names.

            Example:
              verity keys new --name US --out keys/
            """)
        {
            name, output, algorithm,
        };
        create.SetAction((parse, _) => RecordCli.RunAsync(context, () =>
        {
            var keyName = parse.GetValue(name)!;
            var directory = parse.GetValue(output)!;
            var chosen = parse.GetValue(algorithm) == "ml-dsa-65" ? KeyAlgorithm.MlDsa65 : KeyAlgorithm.Ed25519;
            if (!KeyName.IsValid(keyName, out var problem))
            {
                throw new UsageException($"--name: {problem}");
            }

            RecordCli.EnsureDirectory(directory);
            var stem = Path.Combine(directory, keyName.Replace('/', '_'));
            var keyPath = stem + ".key";
            var vkeyPath = stem + ".vkey";
            RecordCli.EnsureAbsent(keyPath);
            RecordCli.EnsureAbsent(vkeyPath);

            using var random = RandomNumberGenerator.Create();
            using var key = SigningKey.Generate(keyName, chosen, random);
            RecordCli.WriteFileAtomically(keyPath, key + "\n", secret: true);
            RecordCli.WriteFileAtomically(vkeyPath, key.Verifier + "\n", secret: false);
            RecordCli.WriteRaw(context, $"{key.Verifier}\nwrote {keyPath} and {vkeyPath}\n");
            return Task.FromResult(VerityApp.Ok);
        }));

        return new Command("keys", "Party keys (Ed25519 by default, ML-DSA-65 as a quantum-safe option).") { create };
    }
}
