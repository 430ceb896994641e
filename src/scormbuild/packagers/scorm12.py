"""SCORM 1.2: IMS CP 1.1.2 manifest with ADL extensions and IMS Metadata 1.2.1.

Moodle's parser (mod/scorm/datamodels/scormlib.php) is not namespace-aware: it needs the
literal prefix `adlcp:` and the exact `<schemaversion>1.2</schemaversion>`.
"""

from __future__ import annotations

from lxml import etree

from scormbuild.model import Module
from scormbuild.packagers.content_package import ContentPackager, Dialect
from scormbuild.packagers.metadata import Metadata, iso_duration
from scormbuild.packagers.xml import XML_NS, XSI_NS, child, schema_location

CP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
IMSMD = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
VOCABULARY = "LOMv1.0"


DIALECT = Dialect(
    namespace=CP,
    nsmap={None: CP, "adlcp": ADLCP, "imsmd": IMSMD, "xsi": XSI_NS},
    schema_location=schema_location([
        (CP, "imscp_rootv1p1p2.xsd"), (IMSMD, "imsmd_rootv1p2p1.xsd"),
        (ADLCP, "adlcp_rootv1p2.xsd"),
    ]),
    schema_name="ADL SCORM",
    schema_version="1.2",
    scormtype_attribute=f"{{{ADLCP}}}scormtype",
)


class Scorm12Packager(ContentPackager):
    name = "scorm12"
    label = "SCORM 1.2"
    schema_set = "scorm12"
    dialect = DIALECT

    def lom(self, metadata: Metadata) -> etree._Element:
        return ims_metadata(metadata, IMSMD)

    def decorate_item(self, item: etree._Element, module: Module) -> None:
        item.set("isvisible", "true")
        if module.quiz is not None:
            # The runtime passes a learner exactly when raw >= mastery score, which is the
            # rule Moodle applies to masteryscore on LMSFinish: the two cannot disagree.
            child(item, f"{{{ADLCP}}}masteryscore", str(module.quiz.mastery_score))


class _Binding:
    """IMS Metadata 1.2.x element factory for one namespace (SCORM 1.2 and IMS CP use two)."""

    def __init__(self, namespace: str) -> None:
        self.namespace = namespace

    def tag(self, name: str) -> str:
        return f"{{{self.namespace}}}{name}"

    def langstring(self, parent: etree._Element, tag: str, text: str, language: str
                   ) -> etree._Element:
        holder = child(parent, self.tag(tag))
        child(holder, self.tag("langstring"), text, **{f"{{{XML_NS}}}lang": language})
        return holder

    def vocabulary(self, parent: etree._Element, tag: str, value: str) -> None:
        holder = child(parent, self.tag(tag))
        self.langstring(holder, "source", VOCABULARY, "x-none")
        self.langstring(holder, "value", value, "x-none")


def ims_metadata(metadata: Metadata, namespace: str) -> etree._Element:
    """LOM in the IMS Metadata 1.2 binding, in the given namespace."""
    md = _Binding(namespace)
    _md = md.tag
    _langstring = md.langstring
    _vocabulary = md.vocabulary
    language = metadata.language
    lom = etree.Element(_md("lom"), nsmap={None: namespace})
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
        if classification.description:
            _langstring(element, "description", classification.description, language)
    return lom
