"""Messages that teach: one test per message class, and every fix followed literally.

Each case makes one mistake an editor makes (many come from Word or from habits)
in the minimal project and says exactly what the editor must read: where
(file:line:column), the key or construct, the value as written, the caret under
the spot and the fix. Then the fix is made exactly as printed and the content
must check clean.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from badinput import run_cli_in_process
from conftest import BUNDLE_YAML, CASE_MD, INTRO_MD, minimal_files
from printed import follow, parse

BUNDLE = "content/testbundel-1/bundel.yaml"
CASE = "content/testbundel-1/casus.md"
INTRO = "content/testbundel-1/inleiding.md"
SOURCES = {BUNDLE: BUNDLE_YAML, CASE: CASE_MD, INTRO: INTRO_MD}


@dataclass(frozen=True)
class Mistake:
    name: str
    file: str
    old: str
    new: str
    where: str  # file:line:column
    words: tuple[str, ...]  # the key or construct and the value as written, in the message
    caret: str  # the caret line under the quoted source
    fix: str  # the printed fix, first line


MISTAKES = [
    # Word and habits
    Mistake("nbsp-after-colon", CASE, "plaats: Oss", "plaats:\u00a0Oss", f"{CASE}:5:8",
            ("vaste spatie", "'plaats'"), "       ^", "Schrijf: `plaats: Oss`"),
    Mistake("nbsp-indentation", BUNDLE, "  - Anna", "\u00a0\u00a0- Anna", f"{BUNDLE}:8:1",
            ("vaste spatie", "inspringing"), "^", "Schrijf: `  - Anna Auteur`"),
    Mistake("zero-width-in-key", CASE, "plaats: Oss", "pla\u200bats: Oss", f"{CASE}:5:4",
            ("onzichtbaar teken", "'plaats'"), "   ^", "Schrijf: `plaats: Oss`"),
    Mistake("soft-hyphen-in-key", CASE, "initiatief:", "initia\u00adtief:", f"{CASE}:6:7",
            ("zacht afbreekstreepje", "'initiatief'"), "      ^", "Schrijf: `initiatief: Het Initiatief`"),
    Mistake("tab-indentation", BUNDLE, "  - Anna", "\t- Anna", f"{BUNDLE}:8:1",
            ("tab",), "^", "Schrijf: `  - Anna Auteur`"),
    Mistake("curly-quotes-colour", BUNDLE, 'kleur: "#2E6F8E"', "kleur: “#8A3B12”", f"{BUNDLE}:10:8",
            ("'kleur'", "`“#8A3B12”`", "gekrulde"), "       ^^^^^^^^^", 'Schrijf: `kleur: "#8A3B12"`'),
    Mistake("curly-quotes-with-colon", CASE, "titel: Een casus", "titel: “Koken: voor…”", f"{CASE}:3:8",
            ("'titel'", "`“Koken: voor…”`", "gekrulde"), "       ^^^^^^^^^^^^^^", 'Schrijf: `titel: "Koken: voor…"`'),
    Mistake("curly-quotes-plain", CASE, "titel: Een casus", "titel: „Koken”", f"{CASE}:3:8",
            ("'titel'", "`„Koken”`"), "       ^^^^^^^", "Schrijf: `titel: Koken`"),
    Mistake("stray-closing-quote", CASE, "titel: Een casus", 'titel: Een casus"', f"{CASE}:3:17",
            ("'titel'", '`Een casus"`', "los aanhalingsteken"), "                ^", "Schrijf: `titel: Een casus`"),
    Mistake("leading-apostrophe", CASE, "plaats: Oss", "plaats: 's-Hertogenbosch", f"{CASE}:5:9",
            ("'plaats'", "`'s-Hertogenbosch`", "apostrof"), "        ^",
            "Schrijf: `plaats: \"'s-Hertogenbosch\"`"),
    Mistake("apostrophe-quoted-away", CASE, "plaats: Oss", "plaats: 's-Gravenhage'", f"{CASE}:5:9",
            ("'plaats'", "`'s-Gravenhage'`", "apostrof"), "        ^^^^^^^^^^^^^^",
            "Schrijf: `plaats: \"'s-Gravenhage\"`"),
    Mistake("word-bullets", CASE, "## Aanpak\n\nTekst.", "## Aanpak\n\nWe deden:\n•\tkoken", f"{CASE}:16:1",
            ("opsommingsteken", "`•`"), "^", "Schrijf: `- koken`"),
    Mistake("heading-without-space", CASE, "## Aanpak", "##Aanpak", f"{CASE}:13:1",
            ("kop", "`##Aanpak`"), "^^^", "Schrijf: `## Aanpak`"),
    # values: key and value named, the fix rewrites the line
    Mistake("number-word", BUNDLE, "nummer: 1", "nummer: drie", f"{BUNDLE}:1:9",
            ("'nummer'", "`drie`"), "        ^^^^", "Schrijf: `nummer: 3`"),
    Mistake("number-quoted", BUNDLE, "nummer: 1", 'nummer: "2"', f"{BUNDLE}:1:9",
            ("'nummer'", '`"2"`', "aanhalingstekens"), "        ^^^", "Schrijf: `nummer: 2`"),
    Mistake("number-too-small", BUNDLE, "nummer: 1", "nummer: 0", f"{BUNDLE}:1:9",
            ("'nummer'", "`0`", "1 of hoger"), "        ^", "Schrijf: `nummer: 1`"),
    Mistake("year-out-of-range", BUNDLE, "jaar: 2021", "jaar: 21", f"{BUNDLE}:5:7",
            ("'jaar'", "`21`"), "      ^^", "Schrijf: `jaar: 2021`"),
    Mistake("dutch-date-order", BUNDLE, "verschenen: 2021-11-18", "verschenen: 20-05-2021", f"{BUNDLE}:6:13",
            ("'verschenen'", "`20-05-2021`"), "            ^^^^^^^^^^", "Schrijf: `verschenen: 2021-05-20`"),
    Mistake("date-with-month-name", BUNDLE, "verschenen: 2021-11-18", "verschenen: 18 november 2021",
            f"{BUNDLE}:6:13", ("'verschenen'", "`18 november 2021`"), "            ^^^^^^^^^^^^^^^^",
            "Schrijf: `verschenen: 2021-11-18`"),
    Mistake("impossible-date", BUNDLE, "verschenen: 2021-11-18", "verschenen: 2021-02-30", f"{BUNDLE}:6:13",
            ("'verschenen'", "`2021-02-30`", "30 februari 2021"), "            ^^^^^^^^^^",
            "Schrijf: `verschenen: 2021-02-28`"),
    Mistake("year-and-date-disagree", BUNDLE, "verschenen: 2021-11-18", "verschenen: 2020-11-18",
            f"{BUNDLE}:6:13", ("'verschenen'", "2020", "'jaar'"), "            ^^^^^^^^^^",
            "Schrijf: `verschenen: 2021-11-18`"),
    Mistake("empty-list", BUNDLE, "auteurs:\n  - Anna Auteur", "auteurs: []", f"{BUNDLE}:7:10",
            ("'auteurs'", "leeg"), "         ^^", "Schrijf in plaats van regel 7:"),
    Mistake("text-instead-of-list", BUNDLE, "auteurs:\n  - Anna Auteur", "auteurs: Anna Auteur, Bob Bakker",
            f"{BUNDLE}:7:10", ("'auteurs'", "`Anna Auteur, Bob Bakker`"), "         " + "^" * 23,
            "Schrijf in plaats van regel 7:"),
    Mistake("empty-text", CASE, "titel: Een casus", "titel:", f"{CASE}:3:7",
            ("'titel'", "leeg"), "      ^", "Schrijf: `titel: Titel van het hoofdstuk`"),
    Mistake("number-instead-of-text", CASE, "titel: Een casus", "titel: 2020", f"{CASE}:3:8",
            ("'titel'", "`2020`", "getal"), "       ^^^^", 'Schrijf: `titel: "2020"`'),
    Mistake("url-without-scheme", CASE, "plaats: Oss", "plaats: Oss\nwebsite: www.example.org/buurt",
            f"{CASE}:6:10", ("'website'", "`www.example.org/buurt`"), "         " + "^" * 21,
            "Schrijf: `website: https://www.example.org/buurt`"),
    Mistake("bad-email", CASE, "plaats: Oss", "plaats: Oss\ncontact:\n  naam: Sanne\n  email: sanne(at)example.org",
            f"{CASE}:8:10", ("'email'", "`sanne(at)example.org`"), "         " + "^" * 20,
            "Schrijf: `  email: sanne@example.org`"),
    Mistake("colour-name", BUNDLE, 'kleur: "#2E6F8E"', "kleur: paars", f"{BUNDLE}:10:8",
            ("'kleur'", "`paars`"), "       ^^^^^", 'Schrijf: `kleur: "#5B3A8C"`'),
    Mistake("colour-unquoted", BUNDLE, 'kleur: "#2E6F8E"', "kleur: #2E6F8E", f"{BUNDLE}:10:7",
            ("'kleur'", "commentaar"), "      ^", 'Schrijf: `kleur: "#5B3A8C"`'),
    Mistake("bad-isbn", BUNDLE, "kleur:", "isbn: 978-90-1234-567-0\nkleur:", f"{BUNDLE}:10:7",
            ("'isbn'", "`978-90-1234-567-0`"), "      " + "^" * 17, "Haal regel 10 weg."),
    Mistake("soort-misspelled", CASE, "soort: casus", "soort: cassus", f"{CASE}:2:8",
            ("'soort'", "`cassus`"), "       ^^^^^^", "Schrijf: `soort: casus`"),
    Mistake("invisible-in-value", BUNDLE, "jaar: 2021", "jaar: 20\u200b21", f"{BUNDLE}:5:7",
            ("'jaar'", "onzichtbaar teken"), "      ^^^^^", "Schrijf: `jaar: 2021`"),
    # keys
    Mistake("misspelled-key", CASE, "titel: Een casus", "titell: Een casus", f"{CASE}:3:1",
            ("'titell'", "'titel'"), "^^^^^^", "Schrijf: `titel: Een casus`"),
    Mistake("unknown-key", CASE, "plaats: Oss", "plaats: Oss\nkleurtje: rood", f"{CASE}:6:1",
            ("'kleurtje'",), "^^^^^^^^", "Haal regel 6 weg."),
    Mistake("missing-key", CASE, "plaats: Oss\n", "", f"{CASE}:2:0", ("'plaats'",), "",
            "Voeg na regel 5 deze regel toe: `plaats: Oss`"),
    # YAML syntax
    Mistake("colon-in-value", CASE, "titel: Een casus", "titel: Koken: voor iedereen", f"{CASE}:3:13",
            ("dubbele punt",), "            ^", 'Schrijf: `titel: "Koken: voor iedereen"`'),
    Mistake("missing-colon", CASE, "plaats: Oss", "plaats Oss", f"{CASE}:5:7",
            ("dubbele punt", "`plaats Oss`"), "      ^", "Schrijf: `plaats: Oss`"),
    Mistake("unclosed-quote", CASE, "titel: Een casus", 'titel: "Een casus', f"{CASE}:3:8",
            ("aanhalingsteken",), "       ^", 'Schrijf: `titel: "Een casus"`'),
    Mistake("duplicate-key", CASE, "plaats: Oss", "plaats: Oss\nplaats: Ede", f"{CASE}:6:1",
            ("'plaats'", "regel 5"), "^^^^^^", "Haal regel 6 weg."),
    Mistake("star-at-value-start", CASE, "titel: Een casus", "titel: *Nieuw* in de wijk", f"{CASE}:3:8",
            ("verwijzingen",), "       ^", 'Schrijf: `titel: "*Nieuw* in de wijk"`'),
    # Markdown
    Mistake("hash-heading", INTRO, "## Waarom", "# Waarom", f"{INTRO}:5:1",
            ("kop", "'titel'"), "^", "Schrijf: `## Waarom`"),
    Mistake("image-without-alt", INTRO, "Dit is de inleiding", "![](beeld/a.png)\n\nDit is de inleiding",
            f"{INTRO}:7:1", ("alt-tekst", "`beeld/a.png`"), "^^^",
            "Schrijf: `![Wat er op de afbeelding te zien is.](beeld/a.png)`"),
    Mistake("image-misspelled", INTRO, "Dit is de inleiding", "![Een plein](beeld/plien.png)\n\nDit is de inleiding",
            f"{INTRO}:7:14", ("beeld/plien.png", "'beeld/plein.png'"), "             " + "^" * 15,
            "Schrijf: `![Een plein](beeld/plein.png)`"),
    Mistake("chapter-misspelled", BUNDLE, "  - casus.md", "  - casussen.md", f"{BUNDLE}:13:5",
            ("casussen.md", "'casus.md'"), "    ^^^^^^^^^^^", "Schrijf: `  - casus.md`"),
    Mistake("link-without-scheme", INTRO, "Dit is de inleiding", "Zie [de site](www.example.org).\n\nDit is de inleiding",
            f"{INTRO}:7:15", ("`www.example.org`",), "              " + "^" * 15,
            "Schrijf: `Zie [de site](https://www.example.org).`"),
    Mistake("html", INTRO, "Dit is de inleiding", "Een <b>vette</b> zin.\n\nDit is de inleiding", f"{INTRO}:7:5",
            ("HTML", "`<b>`"), "    ^^^", "Schrijf: `Een vette zin.`"),
    Mistake("kader-unclosed", INTRO, "Dit is de inleiding", "::: kader Let op\nTekst.\n\nDit is de inleiding",
            f"{INTRO}:7:1", ("':::'",), "^^^", "Voeg na regel 10 deze regel toe: `:::`"),
    Mistake("footnote-without-text", INTRO, "Dit is de inleiding", "Dit is[^1] de inleiding", f"{INTRO}:7:7",
            ("[^1]",), "      ^^^^", "Voeg na regel 8 deze regels toe:"),
    Mistake("glyph-missing", INTRO, "Dit is de inleiding", "Feest 🎉 in de inleiding", f"{INTRO}:7:7",
            ("🎉",), "      ^", "Schrijf: `Feest in de inleiding van de testbundel.`"),
]


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
