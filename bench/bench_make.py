"""Time `scormbuild make` on courses/ and on a large synthetic course.

Prints wall seconds, packages per second and peak memory (max RSS) per run. Each run is a
separate process, so peak memory is that build's alone. Usage:

    python bench/bench_make.py [--modules 200 --pages 5 --questions 10] [--schemas DIR]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

_QUESTION = '''
[[questions]]
id = "v{n}"
type = "{type}"
competence = "bk-{competence}"
prompt = "Vraag {n}: wat doe je in deze situatie?"
feedback_correct = "Goed, omdat dit aansluit bij de vraag."
feedback_incorrect = "Kijk nog eens naar wat de cliënt zelf wil."
{answer}
'''
_ANSWERS = {
    "single": 'correct = "b"\n' + "".join(
        f'[[questions.options]]\nid = "{o}"\ntext = "Optie {o}"\nfeedback = "Uitleg {o}."\n'
        for o in "abcd"),
    "multiple": 'correct = ["a", "c"]\n' + "".join(
        f'[[questions.options]]\nid = "{o}"\ntext = "Optie {o}"\nfeedback = "Uitleg {o}."\n'
        for o in "abcd"),
    "truefalse": "correct = true",
    "matching": "".join(f'[[questions.pairs]]\nid = "p{i}"\nleft = "Links {i}"\nright = "Rechts {i}"\n'
                        for i in range(4)),
    "ordering": 'correct = ["c", "a", "b"]\n' + "".join(
        f'[[questions.options]]\nid = "{o}"\ntext = "Stap {o}"\n' for o in "abc"),
    "text": 'correct = ["budgetplan", "budget plan"]',
    "numeric": "correct = 42\ntolerance = 0.5",
}


def synthetic_course(root: Path, modules: int, pages: int, questions: int) -> Path:
    """Write a course of `modules` modules with `pages` pages and `questions` questions each."""
    course = root / "groot"
    (course / "frameworks").mkdir(parents=True)
    competences = "".join(f'[[clusters.competences]]\nid = "bk-{i}"\nnumber = "1.{i}"\n'
                          f'title = "Competentie {i}."\n' for i in range(1, 6))
    (course / "frameworks" / "bench.toml").write_text(
        'id = "bench"\ntitle = "Benchkader"\npublisher = "bench"\nversion = "1"\n'
        'source = "bench"\nlanguage = "nl"\ndescription = "Kader voor de benchmark."\n'
        f'[[clusters]]\nid = "bk-c1"\nnumber = "1"\ntitle = "Cluster"\n{competences}',
        encoding="utf-8")
    (course / "course.toml").write_text(
        'id = "groot"\ntitle = "Grote cursus"\ndescription = "Benchmark."\nlanguage = "nl"\n'
        'framework = "bench"\nversion = "1.0.0"\ndate = 2026-01-01\n', encoding="utf-8")
    types = list(_ANSWERS)
    paragraph = ("Dit is een alinea lestekst met **nadruk**, een [link](https://example.org) en "
                 "genoeg woorden om op een echte pagina te lijken. ") * 6
    for m in range(1, modules + 1):
        folder = course / f"{m:03d}-module-{m}"
        folder.mkdir()
        (folder / "module.toml").write_text(
            f'title = "Module {m}"\ndescription = "Module {m} van de benchmark."\n'
            'competences = ["bk-1", "bk-2", "bk-3", "bk-4", "bk-5"]\nduration = 30\n',
            encoding="utf-8")
        for p in range(1, pages + 1):
            (folder / f"{p:02d}-pagina-{p}.md").write_text(
                f'+++\ntitle = "Pagina {p}"\n+++\n## Kop\n\n{paragraph}\n\n- punt een\n- punt twee\n',
                encoding="utf-8")
        quiz = "mastery_score = 70\n" + "".join(
            _QUESTION.format(n=q, type=types[q % len(types)], competence=q % 5 + 1,
                             answer=_ANSWERS[types[q % len(types)]])
            for q in range(questions))
        (folder / "quiz.toml").write_text(quiz, encoding="utf-8")
    return course


def timed_make(args: list[str], cwd: Path) -> tuple[float, int, int]:
    """Run `scormbuild make` in a child process: (wall seconds, packages, peak RSS in MiB)."""
    out = cwd / "bench-dist"
    shutil.rmtree(out, ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "scormbuild.cli", "make", *args, "--out", str(out)],
                   cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    packages = len(list(out.rglob("*.zip")))
    # ru_maxrss of children is the maximum over all children so far; runs go smallest first.
    return wall, packages, max(peak, before) // 1024


def report(name: str, wall: float, packages: int, peak_mib: int) -> None:
    print(f"{name:<34} {wall:8.2f} s {packages:6d} packages {packages / wall:8.1f} pkg/s "
          f"{peak_mib:6d} MiB peak")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modules", type=int, default=200)
    parser.add_argument("--pages", type=int, default=5)
    parser.add_argument("--questions", type=int, default=10)
    parser.add_argument("--schemas", type=Path, default=REPO.parent / "shared" / "schemas")
    options = parser.parse_args()
    # Absolute, because each make runs in a scratch folder.
    schema_args = ["--schemas", str(options.schemas.resolve())] if options.schemas.is_dir() else []
    print(f"schemas: {options.schemas if schema_args else 'none (XSD check skipped)'}")
    courses = sorted(str(p) for p in (REPO / "courses").iterdir() if (p / "course.toml").exists())
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        report("courses/", *timed_make([*courses, *schema_args], root))
        course = synthetic_course(root, options.modules, options.pages, options.questions)
        name = f"synthetic {options.modules}x{options.pages}p x{options.questions}q"
        report(name, *timed_make([str(course), *schema_args], root))
    return 0


if __name__ == "__main__":
    sys.exit(main())
