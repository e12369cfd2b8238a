"""One module per command: each takes plain arguments and returns what the CLI prints."""
