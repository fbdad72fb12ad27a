"""``wrapper/README.md`` (genvideo's PyPI page) is ``README.md`` without its maintainers' parts.

One source: the pipeline writes the package readme and the drift check compares it. The parts
between ``<!-- dev-only: start -->`` and ``<!-- dev-only: end -->`` (how to work on genvideo itself)
are left out. The package readme is shown away from the repository, so it must not link to
repository files by relative path.
"""

from __future__ import annotations

import re

START = "<!-- dev-only: start -->"
END = "<!-- dev-only: end -->"
_RELATIVE_LINK = re.compile(r"\]\((?!https?://|mailto:|#)([^)]+)\)")


class ReadmeError(Exception):
    """README.md's dev-only markers do not pair up, or the package readme would link relatively."""


def render_package_readme(readme: str) -> str:
    """``readme`` without its dev-only spans (and the blank lines they leave behind)."""
    kept: list[str] = []
    rest = readme
    while START in rest:
        before, _, after = rest.partition(START)
        if END not in after:
            raise ReadmeError(f"README.md: {START} without {END}")
        kept.append(before)
        rest = after.partition(END)[2]
    if END in rest:
        raise ReadmeError(f"README.md: {END} without {START}")
    kept.append(rest)
    text = re.sub(r"\n{3,}", "\n\n", "".join(kept)).strip("\n") + "\n"
    relative = _RELATIVE_LINK.findall(text)
    if relative:
        raise ReadmeError(f"README.md: the package readme would link to {relative} by relative path")
    return text
