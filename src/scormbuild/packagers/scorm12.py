"""SCORM 1.2: IMS CP 1.1.2 manifest with ADL extensions and IMS Metadata 1.2.1.

Moodle's parser (mod/scorm/datamodels/scormlib.php) is not namespace-aware: it needs the
literal prefix `adlcp:` and the exact `<schemaversion>1.2</schemaversion>`.
"""

from __future__ import annotations

from lxml import etree

from scormbuild.model import Course, Module
from scormbuild.packagers.base import (Packager, item_id, manifest_id, module_href,
                                       resource_id)
from scormbuild.packagers.metadata import Metadata, describe, iso_duration
from scormbuild.packagers.xml import XML_NS, XSI_NS, child, schema_location
from scormbuild.render.pages import MODULE_PAGE, THEME_FOLDER

CP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
IMSMD = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
NSMAP = {None: CP, "adlcp": ADLCP, "imsmd": IMSMD, "xsi": XSI_NS}
SCHEMA_LOCATION = schema_location([
    (CP, "imscp_rootv1p1p2.xsd"), (IMSMD, "imsmd_rootv1p2p1.xsd"), (ADLCP, "adlcp_rootv1p2.xsd"),
])
THEME_RESOURCE = "res-theme"
VOCABULARY = "LOMv1.0"


def _cp(tag: str) -> str:
    return f"{{{CP}}}{tag}"


def _md(tag: str) -> str:
    return f"{{{IMSMD}}}{tag}"


class Scorm12Packager(Packager):
    name = "scorm12"
    label = "SCORM 1.2"
    schema_set = "scorm12"

    def manifest(self, course: Course, modules: tuple[Module, ...], paths: list[str]
                 ) -> etree._Element:
        metadata = describe(course, modules)
        root = etree.Element(_cp("manifest"), nsmap=NSMAP)
        root.set("identifier", manifest_id(course, modules))
        root.set("version", course.version)
        root.set(f"{{{XSI_NS}}}schemaLocation", SCHEMA_LOCATION)
        meta = child(root, _cp("metadata"))
        child(meta, _cp("schema"), "ADL SCORM")
        child(meta, _cp("schemaversion"), "1.2")
        meta.append(_lom(metadata))
        organizations = child(root, _cp("organizations"), default=f"org-{course.id}")
        organization = child(organizations, _cp("organization"), identifier=f"org-{course.id}")
        child(organization, _cp("title"), course.title if len(modules) > 1 else modules[0].title)
        for module in modules:
            item = child(organization, _cp("item"), identifier=item_id(module),
                         identifierref=resource_id(module), isvisible="true")
            child(item, _cp("title"), module.title)
            if module.quiz is not None:
                # The runtime passes a learner exactly when raw >= mastery score, which is the
                # rule Moodle applies to masteryscore on LMSFinish: the two cannot disagree.
                child(item, f"{{{ADLCP}}}masteryscore", str(module.quiz.mastery_score))
        resources = child(root, _cp("resources"))
        for module in modules:
            resource = child(resources, _cp("resource"), identifier=resource_id(module),
                             type="webcontent", href=module_href(module, MODULE_PAGE))
            resource.set(f"{{{ADLCP}}}scormtype", "sco")
            prefix = f"{module.id}/"
            for path in paths:
                if path.startswith(prefix):
                    child(resource, _cp("file"), href=path)
            child(resource, _cp("dependency"), identifierref=THEME_RESOURCE)
        theme = child(resources, _cp("resource"), identifier=THEME_RESOURCE, type="webcontent")
        theme.set(f"{{{ADLCP}}}scormtype", "asset")
        for path in paths:
            if path.startswith(f"{THEME_FOLDER}/"):
                child(theme, _cp("file"), href=path)
        return root


def _langstring(parent: etree._Element, tag: str, text: str, language: str) -> etree._Element:
    holder = child(parent, _md(tag))
    child(holder, _md("langstring"), text, **{f"{{{XML_NS}}}lang": language})
    return holder


def _vocabulary(parent: etree._Element, tag: str, value: str) -> None:
    holder = child(parent, _md(tag))
    _langstring(holder, "source", VOCABULARY, "x-none")
    _langstring(holder, "value", value, "x-none")


def _lom(metadata: Metadata) -> etree._Element:
    language = metadata.language
    lom = etree.Element(_md("lom"), nsmap=NSMAP)
    general = child(lom, _md("general"))
    _langstring(general, "title", metadata.title, language)
    entry = child(general, _md("catalogentry"))
    child(entry, _md("catalog"), "URI")
    _langstring(entry, "entry", metadata.identifier, "x-none")
    child(general, _md("language"), language)
    _langstring(general, "description", metadata.description, language)
    for keyword in metadata.keywords:
        _langstring(general, "keyword", keyword, language)
    lifecycle = child(lom, _md("lifecycle"))
    _langstring(lifecycle, "version", metadata.version, "x-none")
    educational = child(lom, _md("educational"))
    _vocabulary(educational, "intendedenduserrole", "Learner")
    for context in metadata.contexts:
        _vocabulary(educational, "context", context.title())
    if metadata.learning_minutes:
        learning_time = child(educational, _md("typicallearningtime"))
        child(learning_time, _md("datetime"), iso_duration(metadata.learning_minutes))
    if metadata.audience:
        _langstring(educational, "description", metadata.audience, language)
    if metadata.licence:
        rights = child(lom, _md("rights"))
        _vocabulary(rights, "copyrightandotherrestrictions", "yes")
        _langstring(rights, "description", metadata.licence, language)
    for classification in metadata.classifications:
        element = child(lom, _md("classification"))
        _vocabulary(element, "purpose", classification.purpose.title())
        for path in classification.paths:
            taxonpath = child(element, _md("taxonpath"))
            _langstring(taxonpath, "source", classification.source, language)
            parent = taxonpath
            for taxon in path:  # IMS MD 1.2 nests each taxon inside its parent
                parent = child(parent, _md("taxon"))
                child(parent, _md("id"), taxon.id)
                _langstring(parent, "entry", taxon.entry, language)
    return lom
