using System.CommandLine;
using System.Security.Cryptography;
using Verity.Record.Keys;
using Verity.Record.Log;
using Verity.Record.Statements;

namespace Verity.Cli.Commands;

/// <summary><c>verity keys new</c> and <c>verity keys rotate</c>: party key pairs in the signed-note formats, and rotation as a signed statement.</summary>
internal static class KeysCommand
{
    public static Command Create(CliContext context)
    {
        var name = RecordCli.RequiredOption("--name", "Key name: the party, e.g. US or verity.example/us (no spaces or '+').", "NAME");
        var output = RecordCli.RequiredOption("--out", "Directory for NAME.key and NAME.vkey (created if absent).", "DIR");
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

            var stem = Path.Combine(directory, keyName.Replace('/', '_'));
            var keyPath = stem + ".key";
            var vkeyPath = stem + ".vkey";
            RecordCli.EnsureAbsent(keyPath);
            RecordCli.EnsureAbsent(vkeyPath);
            RecordCli.CreateDirectory(directory);

            using var random = RandomNumberGenerator.Create();
            using var key = SigningKey.Generate(keyName, chosen, random);
            RecordCli.WriteFileAtomically(keyPath, key + "\n", secret: true);
            RecordCli.WriteFileAtomically(vkeyPath, key.Verifier + "\n", secret: false);
            RecordCli.WriteRaw(context, $"{key.Verifier}\nwrote {keyPath} and {vkeyPath}\n");
            return Task.FromResult(VerityApp.Ok);
        }));

        return new Command("keys", "Party keys (Ed25519 by default, ML-DSA-65 as a quantum-safe option).") { create, Rotate(context) };
    }

    private static Command Rotate(CliContext context)
    {
        var log = RecordCli.RequiredOption("--log", "The party's log (SQLite file).", "FILE.db");
        var key = RecordCli.RequiredOption("--key", "The key in force, which signs the rotation.", "FILE.key");
        var next = RecordCli.RequiredOption("--new", "The party's new verifier key.", "FILE.vkey");
        var command = new Command("rotate", """
            Append a key-rotation statement, signed with the key in force, naming the party's new key. From the next
            entry on, the party signs with the new key; `verity log verify` (given the first key) follows the rotation
            and refuses any later statement signed with the retired key.

            Example:
              verity keys new --name US --out keys/2027/
              verity keys rotate --log us.db --key keys/US.key --new keys/2027/US.vkey
            """)
        {
            log, key, next,
        };
        command.SetAction((parse, cancellationToken) => RecordCli.RunAsync(context, async () =>
        {
            using var signingKey = RecordCli.ReadSigningKey(parse.GetValue(key)!);
            var newKey = RecordCli.ReadVerifierKey(parse.GetValue(next)!);
            if (newKey.Name != signingKey.Name)
            {
                throw new UsageException($"--new: the new key is named {newKey.Name}; the key in force is {signingKey.Name}'s");
            }

            var logPath = parse.GetValue(log)!;
            if (!File.Exists(logPath))
            {
                throw new UsageException($"{logPath}: no such log");
            }

            using var store = RecordCli.OpenLog(logPath, create: false);
            var statements = await StatementLog.OpenAsync(store, cancellationToken).ConfigureAwait(false);
            var sequence = await statements.NextSequenceAsync(signingKey.Name, cancellationToken).ConfigureAwait(false);
            var issued = context.Clock.GetCurrentInstant().ToDateTimeOffset();
            var rotation = SignedStatement.Sign(KeyRotation.Create(signingKey.Name, sequence, issued, newKey), signingKey);
            var size = await statements.AppendAsync([rotation], cancellationToken).ConfigureAwait(false);
            RecordCli.WriteRaw(context, size.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n");
            return VerityApp.Ok;
        }));
        return command;
    }
}
