"""IMS Common Cartridge 1.1: one cartridge per course, restored by Moodle as a course.

Under a root item, each module is a learning module (Moodle makes it a section) holding its
lesson pages as web content, each "aan de slag" resource that has an address as a web link
(imswl), a page listing every resource (so one without an address is still there, never
given an invented one), and the quiz as a QTI assessment. Questions the CC profile cannot
express stay in the Moodle XML bank and are reported here.
"""

from __future__ import annotations

from collections import Counter

from lxml import etree

from scormbuild.diagnostics import Sink
from scormbuild.model import RESOURCES_PAGE_ID, Course, Module, QuestionType, Resource
from scormbuild.packagers.base import Package, Packager, RenderedCourse, serialise
from scormbuild.packagers.metadata import describe
from scormbuild.packagers.qti import assessment, expressible
from scormbuild.packagers.xml import XSI_NS, child, schema_location
from scormbuild.render.markdown import MarkdownRenderer
from scormbuild.render.pages import RenderedFile

CC = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
LOM_MANIFEST = "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest"
WEBLINK = "http://www.imsglobal.org/xsd/imsccv1p1/imswl_v1p1"
WEBLINK_TYPE = "imswl_xmlv1p1"
ASSESSMENT_TYPE = "imsqti_xmlv1p2/imscc_xmlv1p1/assessment"
SCHEMA_LOCATION = schema_location([
    (CC, "ccv1p1_imscp_v1p2_v1p0.xsd"), (LOM_MANIFEST, "ccv1p1_lommanifest_v1p0.xsd"),
])


def _cc(tag: str) -> str:
    return f"{{{CC}}}{tag}"


class ImsCcPackager(Packager):
    name = "imscc"
    label = "IMS Common Cartridge 1.1"

    def packages(self, course: Course, rendered: RenderedCourse, sink: Sink) -> list[Package]:
        name = f"{course.id}/{self.name}/{course.id}.imscc"
        files = list(rendered.theme)
        root = self._manifest_root(course)
        organization = root.find(f"{_cc('organizations')}/{_cc('organization')}")
        top = child(organization, _cc("item"), identifier="cc-root")
        resources = child(root, _cc("resources"))
        for module in course.modules:
            files.extend(self._module(name, course, module, rendered, top, resources, sink))
        files.append(RenderedFile("imsmanifest.xml", serialise(root)))
        self._note_acknowledged(name, course, sink)
        return [Package(name, self.name, tuple(sorted(files, key=lambda f: f.path)))]

    @staticmethod
    def _note_acknowledged(package: str, course: Course, sink: Sink) -> None:
        """One line on what the author accepted to leave out, so the omission stays visible
        to whoever imports the cartridge even though it no longer warns."""
        left_out = Counter(q.type.value for m in course.modules if m.quiz
                           for q in m.quiz.questions
                           if not expressible(q) and q.type in course.cartridge_leave_out)
        if left_out:
            counts = ", ".join(f"{n} {kind}" for kind, n in sorted(left_out.items()))
            total = sum(left_out.values())
            sink.note(package, "SB302",
                      f"{total} question{'s' * (total != 1)} of the types listed under "
                      f"[cartridge] leave_out {'are' if total != 1 else 'is'} not in the "
                      f"cartridge ({counts})", hint="they stay in the Moodle XML question bank")

    def _manifest_root(self, course: Course) -> etree._Element:
        metadata = describe(course, course.modules)
        root = etree.Element(_cc("manifest"), nsmap={None: CC, "lomimscc": LOM_MANIFEST,
                                                      "xsi": XSI_NS})
        root.set("identifier", f"sb-{course.id}-cc")
        root.set(f"{{{XSI_NS}}}schemaLocation", SCHEMA_LOCATION)
        meta = child(root, _cc("metadata"))
        child(meta, _cc("schema"), "IMS Common Cartridge")
        child(meta, _cc("schemaversion"), "1.1.0")
        lom = child(meta, f"{{{LOM_MANIFEST}}}lom")
        general = child(lom, f"{{{LOM_MANIFEST}}}general")
        title = child(general, f"{{{LOM_MANIFEST}}}title")
        child(title, f"{{{LOM_MANIFEST}}}string", metadata.title, language=metadata.language)
        child(general, f"{{{LOM_MANIFEST}}}language", metadata.language)
        description = child(general, f"{{{LOM_MANIFEST}}}description")
        child(description, f"{{{LOM_MANIFEST}}}string", metadata.description,
              language=metadata.language)
        for keyword in metadata.keywords:
            holder = child(general, f"{{{LOM_MANIFEST}}}keyword")
            child(holder, f"{{{LOM_MANIFEST}}}string", keyword, language=metadata.language)
        organizations = child(root, _cc("organizations"))
        child(organizations, _cc("organization"), identifier=f"org-{course.id}",
              structure="rooted-hierarchy")
        return root

    def _module(self, package: str, course: Course, module: Module, rendered: RenderedCourse,
                top: etree._Element, resources: etree._Element, sink: Sink
                ) -> list[RenderedFile]:
        branch = child(top, _cc("item"), identifier=f"item-{module.id}")
        child(branch, _cc("title"), module.title)
        files: list[RenderedFile] = []
        media = [f for f in rendered.modules[module.id] if not f.path.endswith(".html")]
        page_titles = {p.id: p.title for p in module.pages}
        for page in rendered.pages[module.id]:
            page_id = page.path.removesuffix(".html")
            path = f"{module.id}/{page.path}"
            title = page_titles.get(page_id, "Aan de slag" if page_id == RESOURCES_PAGE_ID
                                    else page_id)
            self._webcontent(branch, resources, f"{module.id}-{page_id}", title, path,
                             [f"{module.id}/{m.path}" for m in media])
            files.append(RenderedFile(path, page.data))
        files.extend(RenderedFile(f"{module.id}/{m.path}", m.data) for m in media)
        for resource in module.resources:
            if resource.url:
                files.append(self._weblink(branch, resources, module, resource))
        if module.quiz is not None:
            files.append(self._assessment(package, module, branch, resources, sink,
                                          course.cartridge_leave_out))
        return files

    def _webcontent(self, branch: etree._Element, resources: etree._Element, key: str,
                    title: str, path: str, media: list[str]) -> None:
        item = child(branch, _cc("item"), identifier=f"item-{key}", identifierref=f"res-{key}")
        child(item, _cc("title"), title)
        resource = child(resources, _cc("resource"), identifier=f"res-{key}", type="webcontent",
                         href=path)
        child(resource, _cc("file"), href=path)
        for medium in media:
            child(resource, _cc("file"), href=medium)

    def _weblink(self, branch: etree._Element, resources: etree._Element, module: Module,
                 resource: Resource) -> RenderedFile:
        key = f"{module.id}-link-{resource.id}"
        path = f"{module.id}/links/{resource.id}.xml"
        item = child(branch, _cc("item"), identifier=f"item-{key}", identifierref=f"res-{key}")
        child(item, _cc("title"), resource.title)
        entry = child(resources, _cc("resource"), identifier=f"res-{key}", type=WEBLINK_TYPE)
        child(entry, _cc("file"), href=path)
        link = etree.Element(f"{{{WEBLINK}}}webLink", nsmap={None: WEBLINK})
        child(link, f"{{{WEBLINK}}}title", resource.title)
        child(link, f"{{{WEBLINK}}}url", href=resource.url, target="_blank")
        return RenderedFile(path, serialise(link))

    def _assessment(self, package: str, module: Module, branch: etree._Element,
                    resources: etree._Element, sink: Sink,
                    acknowledged: frozenset[QuestionType]) -> RenderedFile:
        """The quiz as QTI; a type the profile lacks is left out, silently only when the
        author has acknowledged that type in course.toml."""
        assert module.quiz is not None
        for question in module.quiz.questions:
            if not expressible(question) and question.type not in acknowledged:
                sink.warning(package, "SB301",
                             f"module '{module.id}', question '{question.id}' ({question.type}) "
                             "is left out of the cartridge: the Common Cartridge quiz profile "
                             "cannot express it", hint="it stays in the Moodle XML question bank; "
                             f"list '{question.type}' under [cartridge] leave_out in course.toml "
                             "to acknowledge this")
        key = f"{module.id}-toets"
        path = f"{module.id}/toets/assessment.xml"
        item = child(branch, _cc("item"), identifier=f"item-{key}", identifierref=f"res-{key}")
        title = module.quiz.title or f"Toets: {module.title}"
        child(item, _cc("title"), title)
        entry = child(resources, _cc("resource"), identifier=f"res-{key}", type=ASSESSMENT_TYPE)
        child(entry, _cc("file"), href=path)
        renderer = MarkdownRenderer({p.source_name: p.id for p in module.pages}, standalone=True)
        return RenderedFile(path, serialise(assessment(key, title, module.quiz, renderer)))
