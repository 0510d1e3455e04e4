"""One builder per kind: rows in, records (plain dicts in the repository format) out."""
