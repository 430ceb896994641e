"""The official XSD sets, loaded offline from the schema folder (never from the network).

The sets are third-party files kept outside the project; `../shared/schemas/README.md` (in the
development workplace) records how each loads and its pitfalls, which the loaders follow.
"""

from __future__ import annotations

import os
import warnings
from functools import cache
from pathlib import Path

import xmlschema

SCHEMA_ENV = "SCORMBUILD_SCHEMAS"

SCORM12_EXTENSIONS = {
    "http://www.adlnet.org/xsd/adlcp_rootv1p2": "adlcp_rootv1p2.xsd",
    "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1": "imsmd_rootv1p2p1.xsd",
}
SCORM2004_EXTENSIONS = {
    "http://www.adlnet.org/xsd/adlcp_v1p3": "adlcp_v1p3.xsd",
    "http://www.adlnet.org/xsd/adlseq_v1p3": "adlseq_v1p3.xsd",
    "http://www.adlnet.org/xsd/adlnav_v1p3": "adlnav_v1p3.xsd",
    "http://www.imsglobal.org/xsd/imsss": "imsss_v1p0.xsd",
    "http://ltsc.ieee.org/xsd/LOM": "lom.xsd",
}
#: Schema set folder and root file per manifest format.
SETS = {
    "scorm12": ("scorm12", "imscp_rootv1p1p2.xsd"),
    "scorm2004-4th": ("scorm2004-4th", "imscp_v1p1.xsd"),
    "scorm2004-3rd": ("scorm2004-3rd", "imscp_v1p1.xsd"),
    "imscp": ("imscp114", "imscp_v1p1.xsd"),
    "imscc11": ("imscc11", "ccv1p1_imscp_v1p2_v1p0.xsd"),
}
#: Namespaces of a cartridge's resource files, which the same schema object validates.
CC11_RESOURCES = {
    "http://www.imsglobal.org/xsd/imsccv1p1/imswl_v1p1": "ccv1p1_imswl_v1p1.xsd",
    "http://www.imsglobal.org/xsd/imsccv1p1/imsdt_v1p1": "ccv1p1_imsdt_v1p1.xsd",
    "http://www.imsglobal.org/xsd/ims_qtiasiv1p2": "ccv1p1_qtiasiv1p2p1_v1p0.xsd",
    "http://www.imsglobal.org/xsd/imslticc_v1p0": "imslticc_v1p0p1.xsd",
}
#: Extension namespaces each format's root schema does not import itself. IMS CP's metadata
#: schema (imsmd_v1p2p4.xsd) has no public copy: its LOM is checked only laxly.
EXTENSIONS = {"scorm2004-4th": SCORM2004_EXTENSIONS, "scorm2004-3rd": SCORM2004_EXTENSIONS,
              "imscp": {}, "imscc11": CC11_RESOURCES}


class SchemaFolderError(Exception):
    """The schema folder lacks a set or a file the format needs."""


def schema_folder(option: Path | None) -> Path | None:
    """`--schemas` first, then $SCORMBUILD_SCHEMAS; None when neither is given."""
    if option is not None:
        return option
    from_env = os.environ.get(SCHEMA_ENV, "").strip()
    return Path(from_env) if from_env else None


def _require(path: Path) -> Path:
    if not path.is_file():
        raise SchemaFolderError(f"{path} is missing")
    return path


@cache
def load_schema(folder: Path, format_name: str) -> xmlschema.XMLSchemaBase:
    """Build (once per process) the schema object that validates a manifest of this format."""
    set_folder, root_file = SETS[format_name]
    base = (folder / set_folder).resolve()
    root = _require(base / root_file)
    if format_name == "scorm12":
        extensions = SCORM12_EXTENSIONS
        builtin_xml = Path(xmlschema.__file__).parent / "schemas" / "XML" / "xml.xsd"

        def skip_ims_xml(url: str) -> str:
            # ims_xml.xsd binds the default namespace to the XML namespace, which XML parsers
            # reject; xmlschema's own copy of xml.xsd declares the same attributes.
            return builtin_xml.as_uri() if url.endswith("/ims_xml.xsd") else url

        schema_class = xmlschema.XMLSchema11  # imsmd_rootv1p2p1.xsd breaks the XSD 1.0 UPA rule
        extra = {"uri_mapper": skip_ims_xml}
    else:
        extensions = EXTENSIONS[format_name]
        schema_class = xmlschema.XMLSchema10
        extra = {}
    locations = {ns: str(_require(base / name)) for ns, name in extensions.items()}
    with warnings.catch_warnings():
        warnings.simplefilter("error", xmlschema.XMLSchemaImportWarning)
        try:
            schema = schema_class(str(root), allow="local", locations=locations, **extra)
        except (xmlschema.XMLSchemaException, OSError, Warning) as error:
            raise SchemaFolderError(f"cannot load the {format_name} schemas: {error}") from None
    # The CP schemas accept foreign elements laxly: a namespace that failed to load would let
    # its elements pass unchecked, so insist that every extension namespace is present.
    missing = set(extensions) - set(schema.maps.namespaces)
    if missing:
        raise SchemaFolderError(f"schemas not loaded for {sorted(missing)}")
    return schema
