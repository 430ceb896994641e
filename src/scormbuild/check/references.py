"""Find what a page links to and decide whether each target exists.

Links are read from the parsed Markdown tree (so reference-style links count too); the line of
each is looked up in the source text for the message.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import markdown
from markdown.treeprocessors import Treeprocessor

from scormbuild.diagnostics import Sink
from scormbuild.load.files import MarkdownDocument
from scormbuild.model import Asset

PAGE_SUFFIX = ".md"


@dataclass(frozen=True)
class Reference:
    target: str
    is_image: bool


class _Collector(Treeprocessor):
    def __init__(self, md: markdown.Markdown, found: list[Reference]) -> None:
        super().__init__(md)
        self.found = found

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if element.tag == "a" and element.get("href"):
                self.found.append(Reference(element.get("href", ""), False))
            elif element.tag == "img" and element.get("src"):
                self.found.append(Reference(element.get("src", ""), True))


def collect_references(body: str) -> list[Reference]:
    found: list[Reference] = []
    md = markdown.Markdown(extensions=["extra"])
    md.treeprocessors.register(_Collector(md, found), "scormbuild-collect", 0)
    md.convert(body)
    return found


def _line_of(page: MarkdownDocument, target: str) -> int:
    for number, line in enumerate(page.body.split("\n")):
        if target in line:
            return page.body_first_line + number
    return page.body_first_line


def check_references(page: MarkdownDocument, module_folder: Path, page_names: set[str],
                     sink: Sink) -> list[Asset]:
    """Report links to missing pages or files; return the local files the page needs."""
    assets: list[Asset] = []
    for reference in collect_references(page.body):
        parts = urlsplit(reference.target)
        if parts.scheme or parts.netloc:
            if reference.is_image:
                sink.error(page.shown, "SB207",
                           f"image '{reference.target}' is on the web; a package must work offline",
                           line=_line_of(page, reference.target),
                           hint="save the image in the module's media folder and link to it")
            continue
        if not parts.path:
            continue  # an anchor on the same page
        target = posixpath.normpath(unquote(parts.path))
        line = _line_of(page, reference.target)
        if target.startswith("../") or target.startswith("/") or target == "..":
            sink.error(page.shown, "SB207", f"'{reference.target}' points outside the module",
                       line=line, hint="keep media inside the module folder")
        elif target.endswith(PAGE_SUFFIX):
            if target not in page_names:
                sink.error(page.shown, "SB207", f"page '{target}' does not exist", line=line,
                           hint=_known(page_names))
        elif not (module_folder / target).is_file():
            sink.error(page.shown, "SB207", f"file '{target}' does not exist", line=line)
        else:
            assets.append(Asset(module_folder / target, target))
    return assets


def _known(page_names: set[str]) -> str:
    return "pages in this module: " + ", ".join(sorted(page_names))
