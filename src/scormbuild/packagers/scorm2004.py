"""SCORM 2004 4th Edition: IMS CP 1.1.4 manifest with ADL CP/SEQ/NAV, IMS SS and IEEE LOM.

For Moodle (mod/scorm/datamodels/scormlib.php, scorm_13lib.php): literal prefixes `adlcp:`,
`imsss:`, `adlseq:`, `adlnav:`; `<schemaversion>2004 4th Edition</schemaversion>`; one objective
per competence with an explicit minNormalizedMeasure (Moodle defaults it to 1.0 and takes
cmi.scaled_passing_score from the last objective that has one).
"""

from __future__ import annotations

from lxml import etree

from scormbuild.model import Module
from scormbuild.packagers.content_package import ContentPackager, Dialect
from scormbuild.packagers.metadata import Metadata, iso_duration
from scormbuild.packagers.xml import XSI_NS, child, schema_location

CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
ADLCP = "http://www.adlnet.org/xsd/adlcp_v1p3"
ADLSEQ = "http://www.adlnet.org/xsd/adlseq_v1p3"
ADLNAV = "http://www.adlnet.org/xsd/adlnav_v1p3"
IMSSS = "http://www.imsglobal.org/xsd/imsss"
LOM = "http://ltsc.ieee.org/xsd/LOM"
VOCABULARY = "LOMv1.0"


def _ss(tag: str) -> str:
    return f"{{{IMSSS}}}{tag}"


def _lom_tag(tag: str) -> str:
    return f"{{{LOM}}}{tag}"


DIALECT = Dialect(
    namespace=CP,
    nsmap={None: CP, "adlcp": ADLCP, "adlseq": ADLSEQ, "adlnav": ADLNAV, "imsss": IMSSS,
           "xsi": XSI_NS},
    schema_location=schema_location([
        (CP, "imscp_v1p1.xsd"), (ADLCP, "adlcp_v1p3.xsd"), (ADLSEQ, "adlseq_v1p3.xsd"),
        (ADLNAV, "adlnav_v1p3.xsd"), (IMSSS, "imsss_v1p0.xsd"), (LOM, "lom.xsd"),
    ]),
    schema_name="ADL SCORM",
    schema_version="2004 4th Edition",
    scormtype_attribute=f"{{{ADLCP}}}scormType",
)


class Scorm2004Packager(ContentPackager):
    name = "scorm2004"
    label = "SCORM 2004 4th Edition"
    schema_set = "scorm2004-4th"
    dialect = DIALECT

    def lom(self, metadata: Metadata) -> etree._Element:
        return _lom(metadata)

    def decorate_item(self, item: etree._Element, module: Module) -> None:
        item.append(_sequencing(module))

    def decorate_organization(self, organization: etree._Element) -> None:
        organization.set(f"{{{ADLSEQ}}}objectivesGlobalToSystem", "false")
        sequencing = child(organization, _ss("sequencing"))
        child(sequencing, _ss("controlMode"), choice="true", flow="true")


def primary_objective_id(module: Module) -> str:
    return f"{module.id}.module"


def _sequencing(module: Module) -> etree._Element:
    """Objectives: the module as primary, then one per competence, all with the pass mark."""
    sequencing = etree.Element(_ss("sequencing"))
    objectives = child(sequencing, _ss("objectives"))
    # Without a quiz or wijzer nothing reports a score; the explicit 1 only says so, where
    # leaving it out would make Moodle assume the same and lint warn about it.
    mark = module.pass_mark()
    pass_mark = "1" if mark is None else f"{round(mark, 4):g}"
    primary = child(objectives, _ss("primaryObjective"),
                    objectiveID=primary_objective_id(module), satisfiedByMeasure="false")
    child(primary, _ss("minNormalizedMeasure"), pass_mark)
    for competence in module.competences:
        objective = child(objectives, _ss("objective"), objectiveID=competence,
                          satisfiedByMeasure="false")
        child(objective, _ss("minNormalizedMeasure"), pass_mark)
    child(sequencing, _ss("deliveryControls"), completionSetByContent="true",
          objectiveSetByContent="true")
    return sequencing


def _string(parent: etree._Element, tag: str, text: str, language: str) -> etree._Element:
    holder = child(parent, _lom_tag(tag))
    child(holder, _lom_tag("string"), text, language=language)
    return holder


def _vocabulary(parent: etree._Element, tag: str, value: str) -> None:
    holder = child(parent, _lom_tag(tag))
    child(holder, _lom_tag("source"), VOCABULARY)
    child(holder, _lom_tag("value"), value)


def _lom(metadata: Metadata) -> etree._Element:
    language = metadata.language
    lom = etree.Element(_lom_tag("lom"), nsmap={None: LOM})
    general = child(lom, _lom_tag("general"))
    identifier = child(general, _lom_tag("identifier"))
    child(identifier, _lom_tag("catalog"), "URI")
    child(identifier, _lom_tag("entry"), metadata.identifier)
    _string(general, "title", metadata.title, language)
    child(general, _lom_tag("language"), language)
    _string(general, "description", metadata.description, language)
    for keyword in metadata.keywords:
        _string(general, "keyword", keyword, language)
    lifecycle = child(lom, _lom_tag("lifeCycle"))
    _string(lifecycle, "version", metadata.version, "x-none")
    educational = child(lom, _lom_tag("educational"))
    _vocabulary(educational, "intendedEndUserRole", "learner")
    for context in metadata.contexts:
        _vocabulary(educational, "context", context)
    if metadata.learning_minutes:
        learning_time = child(educational, _lom_tag("typicalLearningTime"))
        child(learning_time, _lom_tag("duration"), iso_duration(metadata.learning_minutes))
    if metadata.audience:
        _string(educational, "description", metadata.audience, language)
    if metadata.licence:
        rights = child(lom, _lom_tag("rights"))
        _vocabulary(rights, "copyrightAndOtherRestrictions", "yes")
        _string(rights, "description", metadata.licence, language)
    for classification in metadata.classifications:
        element = child(lom, _lom_tag("classification"))
        _vocabulary(element, "purpose", classification.purpose)
        for path in classification.paths:
            taxonpath = child(element, _lom_tag("taxonPath"))
            _string(taxonpath, "source", classification.source, language)
            for taxon in path:  # IEEE LOM lists a path's taxa as siblings, root first
                element_taxon = child(taxonpath, _lom_tag("taxon"))
                child(element_taxon, _lom_tag("id"), taxon.id)
                _string(element_taxon, "entry", taxon.entry, language)
        if classification.description:
            _string(element, "description", classification.description, language)
    return lom
