"""Reporters: turn results into output. The only code that writes to stdout."""
