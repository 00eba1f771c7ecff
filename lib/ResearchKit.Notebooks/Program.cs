using ResearchKit.Notebooks.Cli;

return await CommandLine.InvokeAsync(args).ConfigureAwait(false);
