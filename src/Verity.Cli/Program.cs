using Verity.Cli;

return await VerityApp.RunAsync(args, CliContext.FromProcess());
