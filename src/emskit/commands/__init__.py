"""The use cases, one module per command: each a function that takes plain values and returns
a result value. Nothing here prints, parses options or reads the clock."""
