"""The key-path → line index that puts line numbers on TOML diagnostics."""

from __future__ import annotations

from scormbuild.load.toml_index import format_key_path, index_toml

DOCUMENT = '''\
title = "x = [not a table]" # comment [x]
text = """
[[not]]
a = "table"
"""

[[questions]]
id = "a"
list = [
  "b", # ]
  "c",
]
[[questions.options]]
id = "o1"
[[questions]]
'id' = "b"
[[questions.options]]
id = "p1"
[[questions.options]]
id = "p2"
[course.meta]
x.y = 1
'''


def test_lines_of_keys_tables_and_array_entries() -> None:
    lines = {format_key_path(k): v for k, v in index_toml(DOCUMENT).lines.items()}
    assert lines == {
        "title": 1, "text": 2,
        "questions": 7, "questions[1]": 7, "questions[1].id": 8, "questions[1].list": 9,
        "questions[1].options": 13, "questions[1].options[1]": 13,
        "questions[1].options[1].id": 14,
        "questions[2]": 15, "questions[2].id": 16,
        "questions[2].options": 17, "questions[2].options[1]": 17,
        "questions[2].options[1].id": 18,
        "questions[2].options[2]": 19, "questions[2].options[2].id": 20,
        "course.meta": 21, "course.meta.x.y": 22,
    }


def test_a_missing_key_falls_back_to_its_nearest_ancestor() -> None:
    index = index_toml(DOCUMENT)
    assert index.line_of(("questions", 1, "prompt")) == 15
    assert index.line_of(("nothing",)) == 0
