"""Open a package from anywhere without trusting it: bounded zip reading, safe XML parsing."""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass
from io import BytesIO

from lxml import etree

#: Limits that no real e-learning package comes near, and that keep a zip bomb harmless.
MAX_ENTRIES = 20_000
MAX_TOTAL_BYTES = 2 * 1024**3
MAX_MANIFEST_BYTES = 16 * 1024**2
MAX_RATIO = 200
#: A DOCTYPE can only stand before the root element, near the start of the file.
DOCTYPE_WINDOW = 64 * 1024


class PackageError(Exception):
    """The package cannot be checked at all; the message says why, for the administrator."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class Archive:
    """The names in a zip and a way to read one entry within the limits."""

    names: frozenset[str]
    unsafe_names: tuple[str, ...]
    _zip: zipfile.ZipFile

    def read(self, name: str, limit: int) -> bytes:
        info = self._zip.getinfo(name)
        if info.file_size > limit:
            raise PackageError("SB407", f"{name} is larger than {limit // 1024**2} MB")
        with self._zip.open(info) as stream:
            data = stream.read(limit + 1)
        if len(data) > limit:
            raise PackageError("SB407", f"{name} unpacks to more than it declares")
        return data


def unsafe(name: str) -> bool:
    """A path that could escape the folder it is unpacked into, or that only Windows reads."""
    return (name.startswith("/") or "\\" in name or ":" in name.split("/")[0]
            or ".." in posixpath.normpath(name).split("/") or "\x00" in name)


def open_archive(data: bytes) -> Archive:
    try:
        archive = zipfile.ZipFile(BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise PackageError("SB407", f"not a readable zip file ({error})") from None
    if len(infos) > MAX_ENTRIES:
        raise PackageError("SB407", f"the zip holds {len(infos)} entries, more than {MAX_ENTRIES}")
    total = sum(info.file_size for info in infos)
    if total > MAX_TOTAL_BYTES or (data and total > MAX_RATIO * max(len(data), 1024**2)):
        raise PackageError("SB407", "the zip unpacks to an implausible size (a zip bomb?)")
    names = frozenset(info.filename for info in infos if not info.is_dir())
    return Archive(names, tuple(sorted(n for n in names if unsafe(n))), archive)


def parse_xml(data: bytes, what: str = "imsmanifest.xml") -> etree._Element:
    """Parse untrusted XML: no DTD loading, no entity expansion, no network, no huge trees."""
    # A manifest never needs a DTD: refuse one before parsing, so that no entity is expanded
    # and no external subset is looked for.
    if b"<!DOCTYPE" in data[:DOCTYPE_WINDOW]:
        raise PackageError("SB403", f"{what} declares a DTD, which it never needs")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             dtd_validation=False, huge_tree=False, remove_comments=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise PackageError("SB403", f"{what} is not well-formed XML: {error}") from None
    if root is None:
        raise PackageError("SB403", f"{what} is empty")
    return root
