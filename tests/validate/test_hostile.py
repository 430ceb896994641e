"""validate on files from anywhere: each hostile or broken case gets a clear error, exit 1,
no traceback, nothing written, bounded time, and never a network request (entities and DTDs
are not loaded)."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest

from tests.conftest import run

MANIFEST = (b'<?xml version="1.0" encoding="UTF-8"?><manifest identifier="m" '
            b'xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"><metadata><schema>ADL SCORM'
            b'</schema><schemaversion>1.2</schemaversion></metadata><organizations/><resources/>'
            b'</manifest>')
BILLION_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1
                                                            else b"&lol;") * 10)
                             for i in range(1, 10))
                  + b']><manifest>&lol9;</manifest>')


def zipped(entries: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


CASES = {
    "external entity": zipped({"imsmanifest.xml": b'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x '
                               b'SYSTEM "http://127.0.0.1:9/x">]><manifest>&x;</manifest>'}),
    "entity expansion bomb": zipped({"imsmanifest.xml": BILLION_LAUGHS}),
    "external dtd": zipped({"imsmanifest.xml": b'<?xml version="1.0"?><!DOCTYPE manifest SYSTEM '
                            b'"http://127.0.0.1:9/m.dtd"><manifest/>'}),
    "dot-dot entry": zipped({"imsmanifest.xml": MANIFEST, "../../etc/cron.d/x": b"boom"}),
    "absolute entry": zipped({"imsmanifest.xml": MANIFEST, "/etc/passwd": b"boom"}),
    "zip bomb": zipped({"imsmanifest.xml": MANIFEST, "zeros.bin": b"\0" * (300 * 1024 * 1024)}),
    "nested zip": zipped({"course.zip": zipped({"imsmanifest.xml": MANIFEST})}),
    "manifest not utf-8": zipped({"imsmanifest.xml": MANIFEST.replace(b"ADL SCORM",
                                                                     "Cursus é".encode("latin-1"))}),
    "manifest not xml": zipped({"imsmanifest.xml": b"PK\x03\x04 this is no XML"}),
    "50 MB manifest": zipped({"imsmanifest.xml": MANIFEST[:-11] + b"<!--" + b"x" * (50 * 1024 * 1024)
                              + b"-->" + MANIFEST[-11:]}),
    "not a zip": b"%PDF-1.4 pretending to be a package",
}
EXPECTED = {
    "external entity": "declares a DTD",
    "entity expansion bomb": "declares a DTD",
    "external dtd": "declares a DTD",
    "dot-dot entry": "zip entry '../../etc/cron.d/x' has an unsafe path",
    "absolute entry": "zip entry '/etc/passwd' has an unsafe path",
    "zip bomb": "unpacks to an implausible size",
    "nested zip": "a zip inside the zip",
    "manifest not utf-8": "is not well-formed XML",
    "manifest not xml": "is not well-formed XML",
    "50 MB manifest": "imsmanifest.xml is larger than 16 MB",
    "not a zip": "not a readable zip file",
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_input_gets_a_clear_error_and_nothing_else(case: str, workdir: Path) -> None:
    package = workdir / "upload.zip"
    package.write_bytes(CASES[case])
    started = time.monotonic()
    result = run("validate", package)
    assert time.monotonic() - started < 20, "validation must end in bounded time"
    assert result.exit_code == 1
    assert EXPECTED[case] in result.stderr, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert sorted(p.name for p in workdir.iterdir()) == ["upload.zip"]
