using FollowUp.Rules.Cli;

return await FollowUpCli.RunAsync(args, CliConsole.FromSystem()).ConfigureAwait(false);
