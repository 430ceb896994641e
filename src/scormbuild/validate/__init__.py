"""Validate a package from anywhere: official XSDs plus semantic rules, safely.

`validate_bytes` never raises for a bad package: every problem becomes a diagnostic.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import xmlschema
from lxml import etree

from scormbuild.diagnostics import Sink
from scormbuild.validate.archive import MAX_MANIFEST_BYTES, PackageError, open_archive, parse_xml
from scormbuild.validate.documents import check_competency_csv, check_question_bank
from scormbuild.validate.moodle import aicc_files, lint
from scormbuild.validate.archive import Archive
from scormbuild.validate.manifest import (CC_DOCUMENT_TYPES, ManifestFormat, check_manifest,
                                          children, descendants, detect_format)
from scormbuild.validate.schemas import SchemaFolderError, load_schema

MANIFEST = "imsmanifest.xml"
#: Single-file outputs validate recognises by their suffix.
DOCUMENT_SUFFIXES = {".xml": ManifestFormat("moodlexml", "Moodle XML question bank"),
                     ".csv": ManifestFormat("competencies", "Moodle competency framework CSV")}
MAX_XSD_ERRORS = 20


@dataclass(frozen=True)
class Verdict:
    """What validation found out about one package, besides the diagnostics."""

    shown: str
    format: ManifestFormat | None
    xsd_checked: bool


def validate_bytes(data: bytes, shown: str, schemas: Path | None, sink: Sink) -> Verdict:
    """Check one package's bytes; `shown` names it in messages, `schemas` is the XSD folder."""
    manifest_shown = f"{shown}/{MANIFEST}"
    try:
        archive = open_archive(data)
        if MANIFEST not in archive.names:
            raise PackageError("SB402", _missing_manifest(archive))
        data = archive.read(MANIFEST, MAX_MANIFEST_BYTES)
        if not data.strip() or data.strip().startswith(b"<?xml") and data.strip().endswith(b"?>"):
            raise PackageError("SB403", "imsmanifest.xml holds no manifest: Moodle accepts the "
                               "package, but the activity has nothing to launch")
        root = parse_xml(data)
    except PackageError as error:
        sink.error(shown if error.code != "SB403" else manifest_shown, error.code, error.message)
        return Verdict(shown, None, False)
    manifest_format = detect_format(root)
    check_manifest(root, archive, manifest_shown, sink)
    lint(root, manifest_format, archive, manifest_shown, sink)
    xsd_checked = False
    if manifest_format is not None and schemas is not None:
        xsd_checked = _check_xsd(root, manifest_format, schemas, manifest_shown, sink)
        if xsd_checked and manifest_format.name == "imscc11":
            _check_cc_documents(root, archive, manifest_format, schemas, shown, sink)
    return Verdict(shown, manifest_format, xsd_checked)


def _check_cc_documents(root: etree._Element, archive: Archive, manifest_format: ManifestFormat,
                        schemas: Path, shown: str, sink: Sink) -> None:
    """Each web link, assessment or discussion file of a cartridge against its CC schema."""
    for resource in descendants(root, "resource"):
        if resource.get("type") not in CC_DOCUMENT_TYPES:
            continue
        for file in children(resource, "file"):
            path = file.get("href", "")
            if path not in archive.names:
                continue  # reported by the manifest rules
            try:
                document = parse_xml(archive.read(path, MAX_MANIFEST_BYTES), path)
            except PackageError as error:
                sink.error(f"{shown}/{path}", error.code, error.message)
                continue
            _check_xsd(document, manifest_format, schemas, f"{shown}/{path}", sink)


def _missing_manifest(archive: Archive) -> str:
    """Why there is no manifest at the root, in the terms an administrator can act on."""
    nested = sorted(n for n in archive.names if n.endswith("/" + MANIFEST))
    if nested:
        return (f"no imsmanifest.xml at the root of the package (found {nested[0]}: zip the "
                "folder's contents, not the folder)")
    zips = sorted(n for n in archive.names if n.lower().endswith((".zip", ".imscc")))
    if zips and len(archive.names) == len(zips):
        return (f"no imsmanifest.xml at the root: the package only holds '{zips[0]}', a zip "
                "inside the zip; upload the inner package itself")
    if aicc_files(archive):
        return ("an AICC package (no imsmanifest.xml): Moodle 5.1 accepts it, then fails in its "
                "AICC parser; export the course as SCORM 1.2 instead")
    return "no imsmanifest.xml at the root of the package (Moodle refuses it)"


def validate_document(data: bytes, shown: str, sink: Sink) -> None:
    """Check a single-file output (question bank, competency CSV) for what Moodle needs."""
    if shown.endswith(".xml"):
        check_question_bank(data, shown, sink)
    elif shown.endswith(".csv"):
        check_competency_csv(data, shown, sink)


def _check_xsd(root: object, manifest_format: ManifestFormat, schemas: Path, shown: str,
               sink: Sink) -> bool:
    try:
        schema = load_schema(schemas, manifest_format.name)
    except SchemaFolderError as error:
        sink.error(shown, "SB409", str(error), hint="point --schemas at the official XSD sets")
        return False
    for count, error in enumerate(schema.iter_errors(root)):
        if count == MAX_XSD_ERRORS:
            sink.error(shown, "SB401", "more XSD errors follow; fix these first")
            break
        sink.error(shown, "SB401", f"{manifest_format.label} XSD: {_reason(error)}",
                   line=getattr(error, "sourceline", 0) or 0)
    return True


def _reason(error: xmlschema.XMLSchemaValidationError) -> str:
    reason = (error.reason or str(error)).strip().rstrip(".")
    path = error.path or ""
    return f"{path}: {reason}" if path else reason
