"""The keys of every source file kind. `docs/authoring.md` documents the same keys."""

from __future__ import annotations

from scormbuild.check.schema import (ANSWER, BOOLEAN, DATE, INTEGER, NUMBER, TABLES, TEXT,
                                     TEXT_LIST, TEXT_TABLE, Key, Shape)

ALIAS = Shape((Key("number", TEXT, True), Key("title", TEXT, True), Key("source", TEXT, True)))
COMPETENCE = Shape((
    Key("id", TEXT, True), Key("number", TEXT, True), Key("title", TEXT, True),
    Key("description", TEXT),
))
CLUSTER = Shape((
    Key("id", TEXT, True), Key("number", TEXT, True), Key("title", TEXT, True),
    Key("description", TEXT), Key("aliases", ALIAS, many=True),
    Key("competences", COMPETENCE, many=True),
))
REFERENCE = Shape((Key("id", TEXT, True), Key("title", TEXT, True), Key("url", TEXT, True)))
FRAMEWORK = Shape((
    Key("id", TEXT, True), Key("title", TEXT, True), Key("publisher", TEXT, True),
    Key("version", TEXT, True), Key("source", TEXT, True), Key("language", TEXT, True),
    Key("description", TEXT, True), Key("url", TEXT),
    Key("clusters", CLUSTER, True, many=True), Key("references", REFERENCE, many=True),
))

#: Question types the author knows the Common Cartridge cannot carry (see SB301).
CARTRIDGE = Shape((Key("leave_out", TEXT_LIST, True),))
COURSE = Shape((
    Key("id", TEXT, True), Key("title", TEXT, True), Key("description", TEXT, True),
    Key("language", TEXT, True), Key("framework", TEXT, True), Key("version", TEXT, True),
    Key("date", DATE, True), Key("audience", TEXT_LIST), Key("levels", TEXT_LIST),
    Key("stages", TEXT_LIST), Key("authors", TEXT_LIST), Key("licence", TEXT),
    Key("keywords", TEXT_LIST), Key("cartridge", CARTRIDGE),
))

SCALE_POINT = Shape((
    Key("value", INTEGER, True), Key("label", TEXT, True), Key("description", TEXT, True),
))
MODULE = Shape((
    Key("id", TEXT), Key("title", TEXT, True), Key("description", TEXT, True),
    Key("competences", TEXT_LIST, True), Key("keywords", TEXT_LIST), Key("duration", INTEGER),
    Key("type", TEXT), Key("scale", SCALE_POINT, many=True), Key("proficient", INTEGER),
    Key("why", TEXT_TABLE),
))

PAGE = Shape((Key("title", TEXT, True), Key("id", TEXT)))

OPTION = Shape((Key("id", TEXT, True), Key("text", TEXT, True), Key("feedback", TEXT)))
PAIR = Shape((Key("id", TEXT, True), Key("left", TEXT, True), Key("right", TEXT, True)))
QUESTION = Shape((
    Key("id", TEXT, True), Key("type", TEXT, True), Key("competence", TEXT, True),
    Key("prompt", TEXT, True), Key("correct", ANSWER), Key("tolerance", NUMBER),
    Key("feedback_correct", TEXT, True), Key("feedback_incorrect", TEXT, True),
    Key("weight", NUMBER), Key("options", OPTION, many=True), Key("pairs", PAIR, many=True),
))
QUIZ = Shape((
    Key("title", TEXT), Key("intro", TEXT), Key("mastery_score", INTEGER, True),
    Key("attempts", INTEGER), Key("shuffle", BOOLEAN),
    Key("questions", TABLES, True),  # each checked against QUESTION on its own
))

RESOURCE = Shape((
    Key("id", TEXT, True), Key("title", TEXT), Key("kind", TEXT, True),
    Key("purpose", TEXT, True), Key("competences", TEXT_LIST, True), Key("url", TEXT),
    Key("file", TEXT), Key("reference", TEXT),
))
RESOURCES = Shape((Key("resources", TABLES, True),))  # each checked against RESOURCE
