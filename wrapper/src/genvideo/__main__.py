"""``python -m genvideo``: the command line."""

from ._cli import run

run()
