"""emskit: an ISO 14001 environmental management system kept as plain text in git."""

__version__ = "0.1.0"
