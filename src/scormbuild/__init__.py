"""scormbuild: compile course sources into SCORM and IMS packages with competence metadata."""
