using System.CommandLine;
using System.CommandLine.Help;
using Verity.Cli.Commands;

namespace Verity.Cli;

/// <summary>The <c>verity</c> command: builds the command tree and maps outcomes to exit codes.</summary>
/// <remarks>Exit codes: 0 fine, 1 a finding (a limit exceeded, a proof that fails), 2 bad input or usage.</remarks>
public static class VerityApp
{
    /// <summary>Exit code for success.</summary>
    public const int Ok = 0;

    /// <summary>Exit code for a finding: a limit exceeded, a proof that fails.</summary>
    public const int Finding = 1;

    /// <summary>Exit code for bad input or usage.</summary>
    public const int BadInput = 2;

    /// <summary>Parses <paramref name="args"/> and runs the command they name.</summary>
    public static async Task<int> RunAsync(string[] args, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        Verity.Node.NodeHost.UseInvariantCulture();

        var root = BuildRoot(context);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not (HelpAction or DetailedHelpAction))
        {
            foreach (var error in parse.Errors)
            {
                await context.Error.WriteLineAsync($"verity: {error.Message}").ConfigureAwait(false);
            }

            await context.Error.WriteLineAsync("Try 'verity --help' for usage.").ConfigureAwait(false);
            return BadInput;
        }

        var invocation = new InvocationConfiguration { Output = new SpectreWriter(context.Out), Error = context.Error };
        return await parse.InvokeAsync(invocation).ConfigureAwait(false);
    }

    private static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand("Verity: an open verification system for nuclear arms-control treaties.");
        foreach (var command in CommandCatalog.All(context))
        {
            root.Subcommands.Add(command);
        }

        // Lists of verbs show each verb's first paragraph; `verity VERB --help` adds the rest (exit codes,
        // examples) after the options.
        var details = new Dictionary<Command, string>();
        SplitDescriptions(root, details);
        if (root.Options.OfType<HelpOption>().FirstOrDefault() is { Action: HelpAction help } option)
        {
            // Help wraps at the width tables fit (Terminal: COLUMNS, the terminal's, or a pipe's).
            help.MaxWidth = context.Out.Profile.Width;
            option.Action = new DetailedHelpAction(help, details);
        }

        return root;
    }

    private static void SplitDescriptions(Command command, Dictionary<Command, string> details)
    {
        foreach (var sub in command.Subcommands)
        {
            var text = sub.Description?.Replace("\r\n", "\n", StringComparison.Ordinal) ?? string.Empty;
            // The first paragraph is prose: one line, which the help wraps at the terminal's width.
            var cut = text.IndexOf("\n\n", StringComparison.Ordinal);
            sub.Description = (cut > 0 ? text[..cut] : text).Replace('\n', ' ');
            if (cut > 0)
            {
                details[sub] = text[(cut + 2)..];
            }

            SplitDescriptions(sub, details);
        }
    }
}
