using Verity.Node;

var app = NodeHost.Build(args);
try
{
    // Fail at start, not at the first request, when an option is wrong.
    _ = app.Services.GetRequiredService<PartyLog>();
}
catch (NodeOptionsException e)
{
    await Console.Error.WriteLineAsync($"verity node: {e.Message}").ConfigureAwait(false);
    return 2;
}

try
{
    await app.RunAsync().ConfigureAwait(false);
}
catch (IOException e)
{
    // Kestrel: the address is in use or cannot be bound.
    await Console.Error.WriteLineAsync($"verity node: --urls: {e.Message}").ConfigureAwait(false);
    return 2;
}

return 0;

/// <summary>The node's entry point; public so that tests can host it.</summary>
public partial class Program;
