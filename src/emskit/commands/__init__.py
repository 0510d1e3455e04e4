"""The use cases, one module per command: plain values in, a result value out."""
