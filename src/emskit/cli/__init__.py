"""The command line: one module per command. The only place that imports typer."""
