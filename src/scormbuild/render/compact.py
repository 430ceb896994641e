"""Ship the theme's scripts and stylesheet without comments and indentation.

The sources in templates/ stay documented; learners on a phone download the compact form.
The transform only removes whole lines of comment, leading white space and blank lines,
which is safe for the theme's own code (no template literals, no comment markers at the start
of a line inside a string); the browser tests run the compacted files.
"""

from __future__ import annotations


def compact(text: str) -> str:
    kept: list[str] = []
    in_comment = False
    for raw in text.splitlines():
        line = raw.strip()
        if in_comment:
            in_comment = "*/" not in line
            continue
        if line.startswith("/*"):
            in_comment = "*/" not in line
            continue
        if not line or line.startswith("//"):
            continue
        kept.append(line)
    return "\n".join(kept) + "\n"
