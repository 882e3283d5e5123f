using System.CommandLine;

namespace Verity.Cli.Commands;

/// <summary>Every verb of <c>verity</c>, in the order help lists them.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All(CliContext context)
    {
        yield return DemoCommand.Create(context);
        yield return TreatyCommand.Create(context);
        yield return ComplyCommand.Create(context);
        yield return ForcesCommand.Create(context);
        yield return ReplayCommand.Create(context);
        yield return ExchangeCommand.Create(context);
        yield return NotifyCommand.Create(context);
        yield return DeadlinesCommand.Create(context);
        yield return ReconcileCommand.Create(context);
        yield return ProjectCommand.Create(context);
        yield return ParityCommand.Create(context);
        yield return ProposalsCommand.Create(context);
        yield return DetectCommand.Create(context);
        yield return InspectCommand.Create(context);
        yield return KeysCommand.Create(context);
        yield return LogCommand.Create(context);
        yield return EscrowCommand.Create(context);
        yield return DrawCommand.Create(context);
        yield return ServeCommand.Create(context);
    }
}
