using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Verity.Cli;

/// <summary>The standard help, followed by the verb's details (exit codes, examples) where it has any.</summary>
internal sealed class DetailedHelpAction(HelpAction standard, IReadOnlyDictionary<Command, string> details) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        var result = standard.Invoke(parseResult);
        if (details.TryGetValue(parseResult.CommandResult.Command, out var text))
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine(text.TrimEnd());
            output.WriteLine();
        }

        return result;
    }
}
