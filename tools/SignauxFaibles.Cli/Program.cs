using SignauxFaibles.Cli;

return await SfCommand.Create().Parse(args).InvokeAsync();
