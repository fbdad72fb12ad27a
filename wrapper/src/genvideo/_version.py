"""genvideo's version: the installed distribution's metadata, so ``wrapper/pyproject.toml`` is its one source."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

DISTRIBUTION = "genvideo"
UNKNOWN = "0+unknown"


def installed_version() -> str:
    """The version pip recorded for genvideo, or ``0+unknown`` when imported from an uninstalled tree."""
    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        return UNKNOWN
