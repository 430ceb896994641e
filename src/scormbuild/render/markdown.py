"""Markdown → HTML for lesson text, with the link rewriting a single-document SCO needs.

A module's pages become sections of one HTML document (one SCO, one API session), so a link to
another page (`03-casus.md#vragen`) becomes an in-document anchor, and links to the web open
outside the LMS frame.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as etree
from urllib.parse import urlsplit

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

PAGE_ANCHOR_PREFIX = "page-"


class _LinkRewriter(Treeprocessor):
    def __init__(self, md: markdown.Markdown, page_ids: dict[str, str], standalone: bool) -> None:
        super().__init__(md)
        self.page_ids = page_ids
        self.standalone = standalone

    def run(self, root: etree.Element) -> None:
        for link in root.iter("a"):
            href = link.get("href", "")
            parts = urlsplit(href)
            if parts.scheme or parts.netloc:
                link.set("target", "_blank")
                link.set("rel", "noopener noreferrer")
                continue
            page_id = self.page_ids.get(posixpath.normpath(parts.path)) if parts.path else None
            if page_id is not None and self.standalone:
                link.set("href", f"{page_id}.html")
            elif page_id is not None:
                link.set("href", f"#{PAGE_ANCHOR_PREFIX}{page_id}")
                link.set("data-sb-goto", page_id)


class _SectionHeadings(Treeprocessor):
    """The page title is the only h1: the author's highest heading becomes h2 and the others
    keep their distance to it, so levels never skip (whether a page starts at # or ##)."""

    def run(self, root: etree.Element) -> None:
        headings = [e for e in root.iter() if e.tag in {"h1", "h2", "h3", "h4", "h5", "h6"}]
        if not headings:
            return
        shift = 2 - min(int(e.tag[1]) for e in headings)
        for element in headings:
            element.tag = f"h{min(int(element.tag[1]) + shift, 6)}"


class ScormbuildExtension(Extension):
    def __init__(self, page_ids: dict[str, str], standalone: bool) -> None:
        super().__init__()
        self.page_ids = page_ids
        self.standalone = standalone

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API)
        md.treeprocessors.register(_LinkRewriter(md, self.page_ids, self.standalone),
                                   "scormbuild-links", 5)
        md.treeprocessors.register(_SectionHeadings(md), "scormbuild-headings", 4)


class MarkdownRenderer:
    """One configured Markdown instance per module, reset between texts.

    `standalone` renders for pages that are separate files (a cartridge's web content), where a
    link to another page names that page's file instead of an anchor in the module document.
    """

    def __init__(self, page_ids: dict[str, str], standalone: bool = False) -> None:
        self._md = markdown.Markdown(
            extensions=["extra", "sane_lists", ScormbuildExtension(page_ids, standalone)],
            output_format="html",
        )

    def block(self, text: str) -> Markup:
        """Render block Markdown (paragraphs, lists, headings)."""
        self._md.reset()
        return Markup(self._md.convert(text))

    def inline(self, text: str) -> Markup:
        """Render a short text without the wrapping paragraph (option labels, titles)."""
        html = self.block(text)
        if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            return Markup(html[3:-4])
        return html
