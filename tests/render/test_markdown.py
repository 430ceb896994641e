"""Lesson Markdown becomes HTML sections: headings under the page title, links within the SCO."""

from __future__ import annotations

from scormbuild.render.markdown import MarkdownRenderer


def render(text: str) -> str:
    return str(MarkdownRenderer({"02-casus.md": "casus"}).block(text))


def test_the_highest_heading_becomes_h2_whatever_level_the_author_starts_at() -> None:
    assert render("## Deel\n\n### Stuk") == "<h2>Deel</h2>\n<h3>Stuk</h3>"
    assert render("# Deel\n\n## Stuk") == "<h2>Deel</h2>\n<h3>Stuk</h3>"


def test_links_to_pages_become_anchors_and_web_links_open_outside_the_lms() -> None:
    assert render("[de casus](02-casus.md)") == (
        '<p><a data-sb-goto="casus" href="#page-casus">de casus</a></p>')
    assert render("[site](https://example.org)") == (
        '<p><a href="https://example.org" rel="noopener noreferrer" target="_blank">site</a></p>')
