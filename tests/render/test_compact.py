"""The compact form of the theme keeps every line of code and drops only comments and indent."""

from __future__ import annotations

from scormbuild.render.compact import compact
from scormbuild.render.pages import Renderer
from scormbuild.render.theme import RUNTIME_SOURCES, STYLESHEET, theme_dir


def test_comments_indentation_and_blank_lines_go_code_stays() -> None:
    source = ('/* A block\n * comment. */\n(function () {\n  "use strict";\n\n  // a note\n'
              '  var url = "http://x/*y";  // kept: not a whole line\n}());\n')
    assert compact(source) == ('(function () {\n"use strict";\n'
                               'var url = "http://x/*y";  // kept: not a whole line\n}());\n')


def test_the_shipped_theme_is_compact_and_no_code_line_is_lost() -> None:
    shipped = {f.path: f.data.decode() for f in Renderer().theme_files()}
    assert set(shipped) == {"theme/scormbuild.css", "theme/runtime.js"}

    def code(name: str) -> list[str]:
        source = (theme_dir() / name).read_text(encoding="utf-8")
        return [line.strip() for line in source.splitlines()
                if line.strip() and line.strip() != "*"
                and not line.strip().startswith(("/*", "* ", "*/", "//"))]

    assert shipped["theme/scormbuild.css"].splitlines() == code(STYLESHEET)
    assert shipped["theme/runtime.js"].splitlines() == [
        line for name in RUNTIME_SOURCES for line in code(name)]
