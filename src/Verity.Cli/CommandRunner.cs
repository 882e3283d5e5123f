using Verity.Core;

namespace Verity.Cli;

/// <summary>Runs a command body and turns bad input into diagnostics on standard error and exit code 2.</summary>
internal static class CommandRunner
{
    public static int Run(CliContext context, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (InputException e)
        {
            // A problem repeated on many rows (the same field, the same message) is said once, with the count.
            foreach (var line in Terminal.Once(e.Diagnostics))
            {
                context.Error.WriteLine(line);
            }

            return VerityApp.BadInput;
        }
    }
}
