"""IMS Content Packaging 1.1.4: the pages of a module, or of a course, without tracking.

Moodle's IMS content package resource (mod/imscp) shows the organisation as a table of
contents: each module is a branch whose children open its pages. A page item links to the
module's document with the page's anchor, which the player opens at; without an LMS the
module works standalone, as it does here.
"""

from __future__ import annotations

from lxml import etree

from scormbuild.model import Module
from scormbuild.packagers.content_package import ContentPackager, Dialect
from scormbuild.packagers.metadata import Metadata
from scormbuild.packagers.scorm12 import ims_metadata
from scormbuild.packagers.xml import XSI_NS, child, schema_location
from scormbuild.render.markdown import PAGE_ANCHOR_PREFIX
from scormbuild.render.pages import MODULE_PAGE

CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
IMSMD = "http://www.imsglobal.org/xsd/imsmd_v1p2"

DIALECT = Dialect(
    namespace=CP,
    nsmap={None: CP, "imsmd": IMSMD, "xsi": XSI_NS},
    schema_location=schema_location([(CP, "imscp_v1p1.xsd"), (IMSMD, "imsmd_v1p2p4.xsd")]),
    schema_name="IMS Content",
    schema_version="1.1.4",
    scormtype_attribute=None,
)


def page_resource_id(module: Module, page_id: str) -> str:
    return f"res-{module.id}-{page_id}"


class ImsCpPackager(ContentPackager):
    name = "imscp"
    label = "IMS Content Packaging 1.1.4"
    schema_set = "imscp114"
    dialect = DIALECT

    def lom(self, metadata: Metadata) -> etree._Element:
        return ims_metadata(metadata, IMSMD)

    def decorate_item(self, item: etree._Element, module: Module) -> None:
        for page in module.pages:
            page_item = child(item, self._tag("item"), identifier=f"item-{module.id}-{page.id}",
                              identifierref=page_resource_id(module, page.id))
            child(page_item, self._tag("title"), page.title)

    def decorate_resources(self, resources: etree._Element, modules: tuple[Module, ...]) -> None:
        for module in modules:
            for page in module.pages:
                resource = child(resources, self._tag("resource"),
                                 identifier=page_resource_id(module, page.id), type="webcontent",
                                 href=f"{module.id}/{MODULE_PAGE}#{PAGE_ANCHOR_PREFIX}{page.id}")
                child(resource, self._tag("dependency"), identifierref=f"res-{module.id}")
