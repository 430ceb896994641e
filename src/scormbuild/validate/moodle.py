"""Lint for Moodle: what mod/scorm, mod/imscp and backup/cc will do with a package.

Each rule's message names Moodle's behaviour (read from its code; see MOODLE.md in the
workplace notes). They are warnings: the package is standard, but Moodle will treat it in a
way its author may not expect. `--strict` makes them errors.
"""

from __future__ import annotations

import re

from lxml import etree

from scormbuild.diagnostics import Sink
from scormbuild.validate.archive import Archive
from scormbuild.validate.manifest import (ManifestFormat, children, descendants, local,
                                          schema_version)

JUNK = re.compile(r"(^|/)(__MACOSX/|\.DS_Store$|Thumbs\.db$|desktop\.ini$)")
AICC_SUFFIXES = (".crs", ".au", ".des", ".cst")
#: Moodle's parser (datamodels/scormlib.php) matches these prefixes literally.
LITERAL_PREFIXES = {
    "http://www.adlnet.org/xsd/adlcp_rootv1p2": "adlcp",
    "http://www.adlnet.org/xsd/adlcp_v1p3": "adlcp",
    "http://www.imsglobal.org/xsd/imsss": "imsss",
    "http://www.adlnet.org/xsd/adlseq_v1p3": "adlseq",
    "http://www.adlnet.org/xsd/adlnav_v1p3": "adlnav",
}
SCORM_VERSIONS = ("1.2", "2004 3rd Edition", "2004 4th Edition", "CAM 1.3", "1.3")


def aicc_files(archive: Archive) -> list[str]:
    return sorted(n for n in archive.names if n.lower().endswith(AICC_SUFFIXES))


def lint(root: etree._Element, manifest_format: ManifestFormat | None, archive: Archive,
         shown: str, sink: Sink) -> None:
    junk = sorted(n for n in archive.names if JUNK.search(n))
    if junk:
        sink.warning(shown, "SB420", f"{len(junk)} operating-system leftovers such as "
                     f"'{junk[0]}'; Moodle unpacks and serves them with the package",
                     hint="zip without __MACOSX, .DS_Store and Thumbs.db")
    if manifest_format is None or not manifest_format.name.startswith("scorm"):
        return
    _schema_version(root, shown, sink)
    _prefixes(root, shown, sink)
    _organizations(root, shown, sink)
    if manifest_format.name.startswith("scorm2004"):
        _objectives(root, shown, sink)


def _schema_version(root: etree._Element, shown: str, sink: Sink) -> None:
    version = schema_version(root)
    if version is None:
        sink.warning(shown, "SB421", "no <schemaversion>: Moodle treats the package as SCORM "
                     "1.2 and offers only the SCORM 1.2 API")
    elif version not in SCORM_VERSIONS:
        sink.warning(shown, "SB421", f"<schemaversion> '{version}' is not a text Moodle knows: "
                     "it treats the package as SCORM 1.2 and offers only the SCORM 1.2 API",
                     hint="write exactly 1.2 or 2004 4th Edition, without spaces")


def _prefixes(root: etree._Element, shown: str, sink: Sink) -> None:
    reported: set[str] = set()
    for element in root.iter():
        for name in [element.tag, *element.attrib]:
            if not isinstance(name, str) or not name.startswith("{"):
                continue
            namespace = etree.QName(name).namespace
            expected = LITERAL_PREFIXES.get(namespace or "")
            prefix = element.prefix if name == element.tag else _attribute_prefix(element, name)
            if expected and prefix != expected and namespace not in reported:
                reported.add(namespace or "")
                sink.warning(shown, "SB422", f"the {expected} namespace is written with the "
                             f"prefix '{prefix or '(none)'}'; Moodle matches '{expected}:' "
                             "literally and will miss it (a SCO becomes an untracked asset, a "
                             "mastery score is lost)", line=element.sourceline or 0)


def _attribute_prefix(element: etree._Element, name: str) -> str | None:
    namespace = etree.QName(name).namespace
    for prefix, uri in element.nsmap.items():
        if uri == namespace:
            return prefix
    return None


def _organizations(root: etree._Element, shown: str, sink: Sink) -> None:
    organizations = descendants(root, "organization")
    if not organizations:
        sink.warning(shown, "SB423", "no organisation: Moodle makes one item per resource, in "
                     "manifest order, with the resource identifiers as titles")
    elif len(organizations) > 1:
        holder = descendants(root, "organizations")[0]
        sink.warning(shown, "SB423", f"{len(organizations)} organisations: Moodle plays only "
                     f"the default one ('{holder.get('default')}')",
                     line=holder.sourceline or 0)


def _objectives(root: etree._Element, shown: str, sink: Sink) -> None:
    for objective in root.iter():
        if local(objective) in ("primaryObjective", "objective") and not children(
                objective, "minNormalizedMeasure"):
            sink.warning(shown, "SB424", f"objective '{objective.get('objectiveID')}' has no "
                         "minNormalizedMeasure: Moodle takes 1.0, so a learner passes it only "
                         "with a perfect score", line=objective.sourceline or 0)
