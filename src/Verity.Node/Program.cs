using Verity.Node;

var app = NodeHost.Build(args);
await app.RunAsync().ConfigureAwait(false);

/// <summary>The node's entry point; public so that tests can host it.</summary>
public partial class Program;
