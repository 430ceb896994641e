"""Small lxml helpers shared by the manifest builders."""

from __future__ import annotations

from lxml import etree

XML_NS = "http://www.w3.org/XML/1998/namespace"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"


def child(parent: etree._Element, tag: str, text: str | None = None,
          **attributes: str) -> etree._Element:
    """Append an element; attribute names may be Clark notation via `{ns}name` keys."""
    element = etree.SubElement(parent, tag)
    for name, value in attributes.items():
        element.set(name, value)
    if text is not None:
        element.text = text
    return element


def schema_location(pairs: list[tuple[str, str]]) -> str:
    return " ".join(f"{namespace} {location}" for namespace, location in pairs)
