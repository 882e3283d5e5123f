using Verity.Cli;

// Every figure is written in the invariant culture whatever the machine's locale; a page in another language asks for
// its own (Verity.Reports.Languages).
System.Globalization.CultureInfo.DefaultThreadCurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
System.Globalization.CultureInfo.DefaultThreadCurrentUICulture = System.Globalization.CultureInfo.InvariantCulture;
System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.InvariantCulture;
return await VerityApp.RunAsync(args, CliContext.FromProcess());
