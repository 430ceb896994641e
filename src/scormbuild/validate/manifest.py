"""Semantic rules for a content-packaging manifest, whoever wrote it.

Elements are matched by local name, so the rules hold for every CP-based format; each rule
reports with the manifest line where the problem is.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from lxml import etree

from scormbuild.diagnostics import Sink
from scormbuild.validate.archive import Archive, unsafe

XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"


@dataclass(frozen=True)
class ManifestFormat:
    """What the manifest says it is. `name` keys the XSD set; `label` is for people."""

    name: str
    label: str


CP12 = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
CP114 = "http://www.imsglobal.org/xsd/imscp_v1p1"
CC11 = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
#: Cartridge resource types whose file is an XML document the CC schemas describe.
CC_DOCUMENT_TYPES = ("imswl_xmlv1p1", "imsqti_xmlv1p2/imscc_xmlv1p1/assessment",
                     "imsqti_xmlv1p2/imscc_xmlv1p1/question-bank", "imsdt_xmlv1p1",
                     "imsbasiclti_xmlv1p0")


def local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def children(element: etree._Element, name: str) -> list[etree._Element]:
    return [c for c in element if local(c) == name]


def descendants(element: etree._Element, name: str) -> list[etree._Element]:
    return [e for e in element.iter() if local(e) == name]


def schema_version(root: etree._Element) -> str | None:
    """The text of manifest/metadata/schemaversion, which alone decides Moodle's SCORM version."""
    for metadata in children(root, "metadata"):
        for version in children(metadata, "schemaversion"):
            return version.text or ""
    return None


def detect_format(root: etree._Element) -> ManifestFormat | None:
    namespace = etree.QName(root).namespace
    version = (schema_version(root) or "").strip()
    if namespace == CP12 or version == "1.2":
        return ManifestFormat("scorm12", "SCORM 1.2")
    if version in ("2004 4th Edition",):
        return ManifestFormat("scorm2004-4th", "SCORM 2004 4th Edition")
    if version in ("2004 3rd Edition", "CAM 1.3", "1.3"):
        return ManifestFormat("scorm2004-3rd", "SCORM 2004 3rd Edition")
    if namespace == CP114:
        return ManifestFormat("imscp", "IMS Content Packaging 1.1.4")
    if namespace == CC11:
        return ManifestFormat("imscc11", "IMS Common Cartridge 1.1")
    return None


def _base(element: etree._Element) -> str:
    """The xml:base prefixes in force for an element (manifest, resources, resource)."""
    parts = []
    node: etree._Element | None = element
    while node is not None:
        base = node.get(XML_BASE)
        if base:
            parts.append(base)
        node = node.getparent()
    return "".join(reversed(parts))


def check_manifest(root: etree._Element, archive: Archive, shown: str, sink: Sink) -> None:
    """Identifiers unique and resolved, files present, launch pages present, paths portable."""
    for name in archive.unsafe_names:
        sink.error(shown, "SB406", f"zip entry '{name}' has an unsafe path",
                   hint="absolute paths, .. and backslashes can write outside the package folder")
    identifiers = _check_identifiers(root, shown, sink)
    resources = {r.get("identifier"): r for r in descendants(root, "resource")}
    _check_references(root, identifiers, resources, shown, sink)
    for resource in resources.values():
        _check_files(resource, archive, shown, sink)
    _check_metadata_files(root, archive, shown, sink)


def _check_identifiers(root: etree._Element, shown: str, sink: Sink) -> set[str]:
    seen: dict[str, int] = {}
    for element in root.iter():
        if local(element) not in {"manifest", "organization", "item", "resource"}:
            continue
        identifier = element.get("identifier")
        if not identifier:
            sink.error(shown, "SB405", f"<{local(element)}> has no identifier",
                       line=element.sourceline or 0)
        elif identifier in seen:
            sink.error(shown, "SB405", f"identifier '{identifier}' is used twice",
                       line=element.sourceline or 0, hint=f"first at line {seen[identifier]}")
        else:
            seen[identifier] = element.sourceline or 0
    return set(seen)


def _check_references(root: etree._Element, identifiers: set[str],
                      resources: dict[str | None, etree._Element], shown: str, sink: Sink) -> None:
    organizations = descendants(root, "organizations")
    organization_ids = {o.get("identifier") for o in descendants(root, "organization")}
    for holder in organizations:
        default = holder.get("default")
        if default and default not in organization_ids:
            sink.error(shown, "SB405", f"default organization '{default}' does not exist",
                       line=holder.sourceline or 0)
    for item in descendants(root, "item"):
        target = item.get("identifierref")
        if target and target not in resources:
            sink.error(shown, "SB405", f"item '{item.get('identifier')}' refers to missing "
                       f"resource '{target}'", line=item.sourceline or 0)
    for dependency in descendants(root, "dependency"):
        target = dependency.get("identifierref")
        if target not in resources:
            sink.error(shown, "SB405", f"dependency on missing resource '{target}'",
                       line=dependency.sourceline or 0)


def _local_path(base: str, href: str) -> str | None:
    """The zip entry an href names, or None for a web address."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    return posixpath.normpath(unquote(base + parts.path))


def _check_metadata_files(root: etree._Element, archive: Archive, shown: str, sink: Sink) -> None:
    """Metadata kept in a file of its own (adlcp:location) must be in the package."""
    for element in root.iter():
        if local(element) == "location" and element.text:
            path = posixpath.normpath(unquote(element.text.strip()))
            if path not in archive.names:
                sink.error(shown, "SB404", f"metadata file '{path}' is not in the package",
                           line=element.sourceline or 0)


def _check_files(resource: etree._Element, archive: Archive, shown: str, sink: Sink) -> None:
    base = _base(resource)
    launch = resource.get("href")
    is_sco = any(local_name.lower() == "scormtype" and value.lower() == "sco"
                 for local_name, value in ((etree.QName(k).localname, v)
                                           for k, v in resource.attrib.items()))
    hrefs = [(launch, resource, True)] if launch else []
    hrefs += [(f.get("href") or "", f, False) for f in children(resource, "file")]
    for href, element, is_launch in hrefs:
        line = element.sourceline or 0
        if "\\" in href or href.startswith("/") or unsafe(href):
            sink.error(shown, "SB406", f"path '{href}' is absolute, uses backslashes or leaves "
                       "the package", line=line, hint="use relative paths with forward slashes")
            continue
        path = _local_path(base, href)
        if path is None:
            if is_sco:
                sink.error(shown, "SB406", f"SCO '{resource.get('identifier')}' uses the web "
                           f"address '{href}'", line=line,
                           hint="a SCO must carry its files; it may not work offline or in the app")
            continue
        if path not in archive.names:
            code = "SB410" if is_launch else "SB404"
            what = "launch file" if is_launch else "file"
            sink.error(shown, code, f"{what} '{path}' is not in the package", line=line)
