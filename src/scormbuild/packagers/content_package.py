"""What every IMS Content Packaging manifest shares, whatever its dialect.

A manifest is metadata, one organisation with an item per module, and resources: one SCO per
module (its own files) plus one shared asset with the theme. Dialects differ in namespaces,
schema version text, metadata format and the extras they hang on items; a packager states
those and inherits the rest.
"""

from __future__ import annotations

from abc import abstractmethod
from dataclasses import dataclass
from typing import ClassVar

from lxml import etree

from scormbuild.model import Course, Module
from scormbuild.packagers.base import (ArchivePackager, item_id, manifest_id, module_href,
                                       resource_id)
from scormbuild.packagers.metadata import Metadata, describe
from scormbuild.packagers.xml import XSI_NS, child
from scormbuild.render.pages import MODULE_PAGE, THEME_FOLDER

THEME_RESOURCE = "res-theme"


@dataclass(frozen=True)
class Dialect:
    """The fixed words of one manifest format."""

    namespace: str
    nsmap: dict[str | None, str]
    schema_location: str
    schema_name: str
    schema_version: str
    #: Clark name of the attribute that marks a resource as SCO or asset (None: no tracking).
    scormtype_attribute: str | None


class ContentPackager(ArchivePackager):
    dialect: ClassVar[Dialect]

    def _tag(self, name: str) -> str:
        return f"{{{self.dialect.namespace}}}{name}"

    def manifest(self, course: Course, modules: tuple[Module, ...], paths: list[str]
                 ) -> etree._Element:
        root = etree.Element(self._tag("manifest"), nsmap=self.dialect.nsmap)
        root.set("identifier", manifest_id(course, modules))
        root.set("version", course.version)
        root.set(f"{{{XSI_NS}}}schemaLocation", self.dialect.schema_location)
        metadata = child(root, self._tag("metadata"))
        child(metadata, self._tag("schema"), self.dialect.schema_name)
        child(metadata, self._tag("schemaversion"), self.dialect.schema_version)
        metadata.append(self.lom(describe(course, modules)))
        organizations = child(root, self._tag("organizations"), default=f"org-{course.id}")
        organization = child(organizations, self._tag("organization"),
                             identifier=f"org-{course.id}")
        title = course.title if len(modules) > 1 else modules[0].title
        child(organization, self._tag("title"), title)
        for module in modules:
            item = child(organization, self._tag("item"), identifier=item_id(module),
                         identifierref=resource_id(module))
            child(item, self._tag("title"), module.title)
            self.decorate_item(item, module)
        self.decorate_organization(organization)
        resources = self._resources(root, modules, paths)
        self.decorate_resources(resources, modules)
        return root

    def _resources(self, root: etree._Element, modules: tuple[Module, ...], paths: list[str]
                   ) -> etree._Element:
        resources = child(root, self._tag("resources"))
        for module in modules:
            resource = self._resource(resources, resource_id(module), "sco",
                                      [p for p in paths if p.startswith(f"{module.id}/")])
            resource.set("href", module_href(module, MODULE_PAGE))
            child(resource, self._tag("dependency"), identifierref=THEME_RESOURCE)
        self._resource(resources, THEME_RESOURCE, "asset",
                       [p for p in paths if p.startswith(f"{THEME_FOLDER}/")])
        return resources

    def _resource(self, parent: etree._Element, identifier: str, scorm_type: str,
                  files: list[str]) -> etree._Element:
        resource = child(parent, self._tag("resource"), identifier=identifier, type="webcontent")
        if self.dialect.scormtype_attribute:
            resource.set(self.dialect.scormtype_attribute, scorm_type)
        for path in files:
            child(resource, self._tag("file"), href=path)
        return resource

    @abstractmethod
    def lom(self, metadata: Metadata) -> etree._Element:
        """The metadata record in this dialect's LOM binding."""

    def decorate_item(self, item: etree._Element, module: Module) -> None:
        """Add this dialect's per-item elements (mastery score, sequencing, ...)."""

    def decorate_organization(self, organization: etree._Element) -> None:
        """Add this dialect's organisation-level elements after the items."""

    def decorate_resources(self, resources: etree._Element, modules: tuple[Module, ...]) -> None:
        """Add resources that this dialect's item decorations refer to."""
