"""Every output format's packager, by name. A new format is a new module added here."""

from __future__ import annotations

from scormbuild.packagers.base import Packager
from scormbuild.packagers.competencies import CompetencyCsvPackager
from scormbuild.packagers.imscc import ImsCcPackager
from scormbuild.packagers.imscp import ImsCpPackager
from scormbuild.packagers.moodlexml import MoodleXmlPackager
from scormbuild.packagers.scorm12 import Scorm12Packager
from scormbuild.packagers.scorm2004 import Scorm2004Packager

PACKAGERS: dict[str, type[Packager]] = {
    cls.name: cls for cls in (Scorm12Packager, Scorm2004Packager, ImsCpPackager, ImsCcPackager,
                              MoodleXmlPackager, CompetencyCsvPackager)
}
