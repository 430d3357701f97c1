"""The package version, which cache keys include."""

__version__ = "0.1.0"
