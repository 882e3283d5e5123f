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
            foreach (var diagnostic in e.Diagnostics)
            {
                context.Error.WriteLine(diagnostic.ToString());
            }

            return VerityApp.BadInput;
        }
    }
}
