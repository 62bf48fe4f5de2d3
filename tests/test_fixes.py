"""Messages that teach: one test per message class, and every fix followed literally.

Each case makes one mistake an editor makes (many come from Word or from habits)
in the minimal project and says exactly what the editor must read: where
(file:line:column), the key or construct, the value as written, the caret under
the spot and the fix. Then the fix is made exactly as printed and the content
must check clean.
"""

from __future__ import annotations

import pytest
from badinput import run_cli_in_process
from conftest import minimal_files
from mistakes import MISTAKES, Mistake
from printed import follow, parse


def _project(project_factory, mistake: Mistake):
    files = minimal_files()
    assert mistake.old in files[mistake.file] or mistake.name == "missing-key", mistake.old
    files[mistake.file] = files[mistake.file].replace(mistake.old, mistake.new, 1)
    root = project_factory(files)
    (root / "content/testbundel-1/beeld").mkdir()
    (root / "content/testbundel-1/beeld/a.png").write_bytes(_png())
    (root / "content/testbundel-1/beeld/plein.png").write_bytes(_png())
    return root


def _png() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(out, "PNG")
    return out.getvalue()


@pytest.mark.parametrize("mistake", MISTAKES, ids=[m.name for m in MISTAKES])
def test_message_names_place_key_value_caret_and_fix(mistake: Mistake, project_factory):
    result = run_cli_in_process(_project(project_factory, mistake), "check")
    assert result.returncode == 1, result.stderr
    problems = [p for p in parse(result.stderr) if p.severity == "fout"]
    assert len(problems) == 1, result.stderr  # one mistake, one message
    problem = problems[0]
    assert problem.where == mistake.where, result.stderr
    for word in mistake.words:
        assert word in " ".join([problem.message, *problem.hints]), result.stderr
    assert problem.caret == mistake.caret, result.stderr
    assert mistake.fix in result.stderr, result.stderr
    assert "Er is niets gebouwd: los eerst de 1 fout hierboven op." in result.stderr


@pytest.mark.parametrize("mistake", MISTAKES, ids=[m.name for m in MISTAKES])
def test_following_the_fix_literally_makes_the_content_valid(mistake: Mistake, project_factory):
    root = _project(project_factory, mistake)
    result = run_cli_in_process(root, "check")
    assert follow(root, parse(result.stderr)) == 1, result.stderr
    again = run_cli_in_process(root, "check")
    assert again.returncode == 0, f"{result.stderr}\n--- after the fix:\n{again.stderr}"


def test_every_fix_in_the_bad_input_corpus_works_when_followed(tmp_path):
    """Across the whole corpus: where every error comes with a fix, making them clears the check
    (in at most two rounds: a fix may uncover the next mistake, as it would for an editor)."""
    from badinput import build_case, load_cases

    followed, failures = 0, []
    for case in load_cases():
        if case.exit == 0:
            continue
        root = build_case(tmp_path / case.name, case)
        result = run_cli_in_process(root, "check")
        errors = [p for p in parse(result.stderr) if p.severity == "fout"]
        if not errors or any(p.fix is None for p in errors):
            continue
        follow(root, errors)
        again = run_cli_in_process(root, "check")
        if again.returncode != 0 and all(p.fix for p in parse(again.stderr) if p.severity == "fout"):
            follow(root, parse(again.stderr))
            again = run_cli_in_process(root, "check")
        if again.returncode != 0:
            failures.append(f"{case.name}\n{result.stderr}\n--- after the fixes:\n{again.stderr}")
        followed += 1
    assert not failures, "\n\n".join(failures)
    assert followed >= 40, followed
