"""The only module that writes files: deterministic zips, staged and moved into place whole.

Every package is first written into a staging folder beside the output folder; only when all
packages are complete and valid are they renamed into the output folder (same file system,
so each rename is atomic). A failed build leaves the output folder as it was.
"""

from __future__ import annotations

import datetime
import os
import shutil
import tempfile
import zipfile
from io import BytesIO
from pathlib import Path

from scormbuild.render.pages import RenderedFile

#: rw-r--r-- regular file, as a Unix zip entry stores it (high 16 bits of external_attr).
_FILE_MODE = (0o100644 << 16)
_ZIP_EPOCH = datetime.datetime(1980, 1, 1, tzinfo=datetime.timezone.utc)


def build_timestamp(fallback: datetime.date) -> tuple[int, int, int, int, int, int]:
    """Zip entry time: SOURCE_DATE_EPOCH when set (reproducible-builds.org), else `fallback`."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        moment = datetime.datetime.fromtimestamp(int(epoch), tz=datetime.timezone.utc)
    else:
        moment = datetime.datetime(fallback.year, fallback.month, fallback.day,
                                   tzinfo=datetime.timezone.utc)
    moment = max(moment, _ZIP_EPOCH)  # the zip format cannot store earlier dates
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute,
            moment.second - moment.second % 2)


def zip_bytes(files: tuple[RenderedFile, ...], timestamp: tuple[int, int, int, int, int, int]
              ) -> bytes:
    """A zip whose bytes depend only on the files: sorted entries, fixed time and mode."""
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for file in sorted(files, key=lambda f: f.path):
            info = zipfile.ZipInfo(file.path, date_time=timestamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = _FILE_MODE
            archive.writestr(info, file.data, compresslevel=9)
    return buffer.getvalue()


class StagedOutput:
    """Collects files for an output folder and moves them in only on `commit()`."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self._staging: Path | None = None
        self._written: dict[str, Path] = {}

    def write(self, name: str, data: bytes) -> Path:
        """Stage `data` as `name` (a relative posix path); a second write to one name is a bug."""
        if name in self._written:
            raise ValueError(f"{name} was already written in this build")
        if self._staging is None:
            parent = self.out_dir.resolve().parent
            parent.mkdir(parents=True, exist_ok=True)
            self._staging = Path(tempfile.mkdtemp(prefix=f".{self.out_dir.name}-", dir=parent))
        target = self._staging / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        self._written[name] = target
        return target

    def commit(self) -> list[Path]:
        """Move every staged file into the output folder; return their final paths."""
        final = []
        for name, staged in sorted(self._written.items()):
            destination = self.out_dir / name
            destination.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staged, destination)
            final.append(destination)
        self.discard()
        return final

    def discard(self) -> None:
        if self._staging is not None:
            shutil.rmtree(self._staging, ignore_errors=True)
            self._staging = None


def write_new_folder(folder: Path, files: dict[str, str]) -> None:
    """Create `folder` with these text files in one rename; refuse to touch an existing one."""
    if folder.exists():
        raise FileExistsError(folder)
    parent = folder.resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=parent))
    try:
        for name, text in sorted(files.items()):
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        os.rename(staging, folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
