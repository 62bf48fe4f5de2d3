"""The catalogue of mistakes editors make, with what bundelpers must answer.

Used by tests/test_fixes.py (every message class, every fix followed) and by
scripts/foutentabel.py, which writes the table of common mistakes in
docs/handleiding.md from real runs of these cases. `guide` names the mistake in
the words of the guide; cases with a `guide` text appear in that table.
"""

from __future__ import annotations

from dataclasses import dataclass

from conftest import BUNDLE_YAML, CASE_MD, INTRO_MD

LONG = ("In de wijk komen elke week veel buren samen om te koken, te eten en te praten over wat er speelt; "
        "meer staat op [de site](www.example.org) van de buurt.")

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
    guide: str = ""  # the mistake in the guide's words; listed in docs/handleiding.md when set


MISTAKES = [
    # Word and habits
    Mistake("nbsp-after-colon", CASE, "plaats: Oss", "plaats:\u00a0Oss", f"{CASE}:5:8",
            ("vaste spatie", "'plaats'"), "       ^", "Schrijf: `plaats: Oss`",
            guide="Een vaste spatie (uit Word) na de dubbele punt"),
    Mistake("nbsp-indentation", BUNDLE, "  - Anna", "\u00a0\u00a0- Anna", f"{BUNDLE}:8:1",
            ("vaste spatie", "inspringing"), "^", "Schrijf: `  - Anna Auteur`"),
    Mistake("zero-width-in-key", CASE, "plaats: Oss", "pla\u200bats: Oss", f"{CASE}:5:4",
            ("onzichtbaar teken", "'plaats'"), "   ^", "Schrijf: `plaats: Oss`"),
    Mistake("soft-hyphen-in-key", CASE, "initiatief:", "initia\u00adtief:", f"{CASE}:6:7",
            ("zacht afbreekstreepje", "'initiatief'"), "      ^", "Schrijf: `initiatief: Het Initiatief`"),
    Mistake("tab-indentation", BUNDLE, "  - Anna", "\t- Anna", f"{BUNDLE}:8:1",
            ("tab",), "^", "Schrijf: `  - Anna Auteur`",
            guide="Een tab om in te springen"),
    Mistake("curly-quotes-colour", BUNDLE, 'kleur: "#2E6F8E"', "kleur: “#8A3B12”", f"{BUNDLE}:10:8",
            ("'kleur'", "`“#8A3B12”`", "gekrulde"), "       ^^^^^^^^^", 'Schrijf: `kleur: "#8A3B12"`',
            guide="Gekrulde aanhalingstekens uit Word om een waarde"),
    Mistake("curly-quotes-with-colon", CASE, "titel: Een casus", "titel: “Koken: voor…”", f"{CASE}:3:8",
            ("'titel'", "`“Koken: voor…”`", "gekrulde"), "       ^^^^^^^^^^^^^^", 'Schrijf: `titel: "Koken: voor…"`'),
    Mistake("curly-quotes-plain", CASE, "titel: Een casus", "titel: „Koken”", f"{CASE}:3:8",
            ("'titel'", "`„Koken”`"), "       ^^^^^^^", "Schrijf: `titel: Koken`"),
    Mistake("stray-closing-quote", CASE, "titel: Een casus", 'titel: Een casus"', f"{CASE}:3:17",
            ("'titel'", '`Een casus"`', "los aanhalingsteken"), "                ^", "Schrijf: `titel: Een casus`",
            guide="Een los aanhalingsteken aan het eind"),
    Mistake("leading-apostrophe", CASE, "plaats: Oss", "plaats: 's-Hertogenbosch", f"{CASE}:5:9",
            ("'plaats'", "`'s-Hertogenbosch`", "apostrof"), "        ^",
            "Schrijf: `plaats: \"'s-Hertogenbosch\"`",
            guide="Een waarde die met een apostrof begint"),
    Mistake("apostrophe-quoted-away", CASE, "plaats: Oss", "plaats: 's-Gravenhage'", f"{CASE}:5:9",
            ("'plaats'", "`'s-Gravenhage'`", "apostrof"), "        ^^^^^^^^^^^^^^",
            "Schrijf: `plaats: \"'s-Gravenhage\"`"),
    Mistake("word-bullets", CASE, "## Aanpak\n\nTekst.", "## Aanpak\n\nWe deden:\n•\tkoken", f"{CASE}:16:1",
            ("opsommingsteken", "`•`"), "^", "Schrijf: `- koken`",
            guide="Opsommingstekens uit Word geplakt"),
    Mistake("heading-without-space", CASE, "## Aanpak", "##Aanpak", f"{CASE}:13:1",
            ("kop", "`##Aanpak`"), "^^^", "Schrijf: `## Aanpak`",
            guide="Een kop zonder spatie na de hekjes"),
    # values: key and value named, the fix rewrites the line
    Mistake("number-word", BUNDLE, "nummer: 1", "nummer: drie", f"{BUNDLE}:1:9",
            ("'nummer'", "`drie`"), "        ^^^^", "Schrijf: `nummer: 3`",
            guide="Een getal in letters"),
    Mistake("number-quoted", BUNDLE, "nummer: 1", 'nummer: "2"', f"{BUNDLE}:1:9",
            ("'nummer'", '`"2"`', "aanhalingstekens"), "        ^^^", "Schrijf: `nummer: 2`"),
    Mistake("number-too-small", BUNDLE, "nummer: 1", "nummer: 0", f"{BUNDLE}:1:9",
            ("'nummer'", "`0`", "1 of hoger"), "        ^", "Schrijf: `nummer: 1`"),
    Mistake("year-out-of-range", BUNDLE, "jaar: 2021", "jaar: 21", f"{BUNDLE}:5:7",
            ("'jaar'", "`21`"), "      ^^", "Schrijf: `jaar: 2021`"),
    Mistake("dutch-date-order", BUNDLE, "verschenen: 2021-11-18", "verschenen: 20-05-2021", f"{BUNDLE}:6:13",
            ("'verschenen'", "`20-05-2021`"), "            ^^^^^^^^^^", "Schrijf: `verschenen: 2021-05-20`",
            guide="Een datum als dag-maand-jaar"),
    Mistake("date-with-month-name", BUNDLE, "verschenen: 2021-11-18", "verschenen: 18 november 2021",
            f"{BUNDLE}:6:13", ("'verschenen'", "`18 november 2021`"), "            ^^^^^^^^^^^^^^^^",
            "Schrijf: `verschenen: 2021-11-18`"),
    Mistake("impossible-date", BUNDLE, "verschenen: 2021-11-18", "verschenen: 2021-02-30", f"{BUNDLE}:6:13",
            ("'verschenen'", "`2021-02-30`", "30 februari 2021"), "            ^^^^^^^^^^",
            "Schrijf: `verschenen: 2021-02-28`",
            guide="Een datum die niet bestaat"),
    Mistake("year-and-date-disagree", BUNDLE, "verschenen: 2021-11-18", "verschenen: 2020-11-18",
            f"{BUNDLE}:6:13", ("'verschenen'", "2020", "'jaar'"), "            ^^^^^^^^^^",
            "Schrijf: `verschenen: 2021-11-18`"),
    Mistake("empty-list", BUNDLE, "auteurs:\n  - Anna Auteur", "auteurs: []", f"{BUNDLE}:7:10",
            ("'auteurs'", "leeg"), "         ^^", "Schrijf in plaats van regel 7:",
            guide="Een lege lijst waar iets in moet"),
    Mistake("text-instead-of-list", BUNDLE, "auteurs:\n  - Anna Auteur", "auteurs: Anna Auteur, Bob Bakker",
            f"{BUNDLE}:7:10", ("'auteurs'", "`Anna Auteur, Bob Bakker`"), "         " + "^" * 23,
            "Schrijf in plaats van regel 7:"),
    Mistake("empty-text", CASE, "titel: Een casus", "titel:", f"{CASE}:3:7",
            ("'titel'", "leeg"), "      ^", "Schrijf: `titel: Titel van het hoofdstuk`"),
    Mistake("number-instead-of-text", CASE, "titel: Een casus", "titel: 2020", f"{CASE}:3:8",
            ("'titel'", "`2020`", "getal"), "       ^^^^", 'Schrijf: `titel: "2020"`'),
    Mistake("url-without-scheme", CASE, "plaats: Oss", "plaats: Oss\nwebsite: www.example.org/buurt",
            f"{CASE}:6:10", ("'website'", "`www.example.org/buurt`"), "         " + "^" * 21,
            "Schrijf: `website: https://www.example.org/buurt`",
            guide="Een webadres zonder https://"),
    Mistake("bad-email", CASE, "plaats: Oss", "plaats: Oss\ncontact:\n  naam: Sanne\n  email: sanne(at)example.org",
            f"{CASE}:8:10", ("'email'", "`sanne(at)example.org`"), "         " + "^" * 20,
            "Schrijf: `  email: sanne@example.org`"),
    Mistake("colour-name", BUNDLE, 'kleur: "#2E6F8E"', "kleur: paars", f"{BUNDLE}:10:8",
            ("'kleur'", "`paars`"), "       ^^^^^", 'Schrijf: `kleur: "#5B3A8C"`'),
    Mistake("colour-unquoted", BUNDLE, 'kleur: "#2E6F8E"', "kleur: #2E6F8E", f"{BUNDLE}:10:7",
            ("'kleur'", "commentaar"), "      ^", 'Schrijf: `kleur: "#5B3A8C"`',
            guide="Een kleur zonder aanhalingstekens"),
    Mistake("bad-isbn", BUNDLE, "kleur:", "isbn: 978-90-1234-567-0\nkleur:", f"{BUNDLE}:10:7",
            ("'isbn'", "`978-90-1234-567-0`"), "      " + "^" * 17, "Haal regel 10 weg."),
    Mistake("soort-misspelled", CASE, "soort: casus", "soort: cassus", f"{CASE}:2:8",
            ("'soort'", "`cassus`"), "       ^^^^^^", "Schrijf: `soort: casus`"),
    Mistake("invisible-in-value", BUNDLE, "jaar: 2021", "jaar: 20\u200b21", f"{BUNDLE}:5:7",
            ("'jaar'", "onzichtbaar teken"), "      ^^^^^", "Schrijf: `jaar: 2021`"),
    # keys
    Mistake("misspelled-key", CASE, "titel: Een casus", "titell: Een casus", f"{CASE}:3:1",
            ("'titell'", "'titel'"), "^^^^^^", "Schrijf: `titel: Een casus`",
            guide="Een tikfout in een sleutel"),
    Mistake("unknown-key", CASE, "plaats: Oss", "plaats: Oss\nkleurtje: rood", f"{CASE}:6:1",
            ("'kleurtje'",), "^^^^^^^^", "Haal regel 6 weg."),
    Mistake("missing-key", CASE, "plaats: Oss\n", "", f"{CASE}:2:0", ("'plaats'",), "",
            "Voeg na regel 5 deze regel toe: `plaats: Oss`"),
    # YAML syntax
    Mistake("colon-in-value", CASE, "titel: Een casus", "titel: Koken: voor iedereen", f"{CASE}:3:13",
            ("dubbele punt",), "            ^", 'Schrijf: `titel: "Koken: voor iedereen"`',
            guide="Een dubbele punt midden in een waarde"),
    Mistake("missing-colon", CASE, "plaats: Oss", "plaats Oss", f"{CASE}:5:7",
            ("dubbele punt", "`plaats Oss`"), "      ^", "Schrijf: `plaats: Oss`"),
    Mistake("unclosed-quote", CASE, "titel: Een casus", 'titel: "Een casus', f"{CASE}:3:8",
            ("aanhalingsteken",), "       ^", 'Schrijf: `titel: "Een casus"`'),
    Mistake("duplicate-key", CASE, "plaats: Oss", "plaats: Oss\nplaats: Ede", f"{CASE}:6:1",
            ("'plaats'", "regel 5"), "^^^^^^", "Haal regel 6 weg."),
    Mistake("star-at-value-start", CASE, "titel: Een casus", "titel: *Nieuw* in de wijk", f"{CASE}:3:8",
            ("verwijzing", "`*Nieuw* in de wijk`"), "       ^", 'Schrijf: `titel: "*Nieuw* in de wijk"`'),
    # Markdown
    Mistake("hash-heading", INTRO, "## Waarom", "# Waarom", f"{INTRO}:5:1",
            ("kop", "'titel'"), "^", "Schrijf: `## Waarom`",
            guide="Een kop met één hekje"),
    Mistake("image-without-alt", INTRO, "Dit is de inleiding", "![](beeld/a.png)\n\nDit is de inleiding",
            f"{INTRO}:7:1", ("alt-tekst", "`beeld/a.png`"), "^^^",
            "Schrijf: `![Wat er op de afbeelding te zien is.](beeld/a.png)`",
            guide="Een afbeelding zonder beschrijving (alt-tekst)"),
    Mistake("image-misspelled", INTRO, "Dit is de inleiding", "![Een plein](beeld/plien.png)\n\nDit is de inleiding",
            f"{INTRO}:7:14", ("beeld/plien.png", "'beeld/plein.png'"), "             " + "^" * 15,
            "Schrijf: `![Een plein](beeld/plein.png)`",
            guide="Een tikfout in de naam van een afbeelding"),
    Mistake("chapter-misspelled", BUNDLE, "  - casus.md", "  - casussen.md", f"{BUNDLE}:13:5",
            ("casussen.md", "'casus.md'"), "    ^^^^^^^^^^^", "Schrijf: `  - casus.md`",
            guide="Een tikfout in een bestandsnaam in 'inhoud'"),
    Mistake("link-without-scheme", INTRO, "Dit is de inleiding", "Zie [de site](www.example.org).\n\nDit is de inleiding",
            f"{INTRO}:7:15", ("`www.example.org`",), "              " + "^" * 15,
            "Schrijf: `Zie [de site](https://www.example.org).`"),
    Mistake("link-in-a-long-paragraph", INTRO, "Dit is de inleiding", LONG + "\n\nDit is de inleiding",
            f"{INTRO}:7:123", ("`www.example.org`",), "                               " + "^" * 15,
            "Vervang op deze regel `site](www.example.org)` door `site](https://www.example.org)`."),
    Mistake("html", INTRO, "Dit is de inleiding", "Een <b>vette</b> zin.\n\nDit is de inleiding", f"{INTRO}:7:5",
            ("HTML", "`<b>`"), "    ^^^", "Schrijf: `Een vette zin.`"),
    Mistake("kader-unclosed", INTRO, "Dit is de inleiding", "::: kader Let op\nTekst.\n\nDit is de inleiding",
            f"{INTRO}:7:1", ("':::'",), "^^^", "Voeg na regel 8 deze regel toe: `:::`"),
    Mistake("footnote-without-text", INTRO, "Dit is de inleiding", "Dit is[^1] de inleiding", f"{INTRO}:7:7",
            ("[^1]",), "      ^^^^", "Voeg na regel 8 deze regels toe:"),
    Mistake("glyph-missing", INTRO, "Dit is de inleiding", "Feest 🎉 in de inleiding", f"{INTRO}:7:7",
            ("🎉",), "      ^", "Schrijf: `Feest in de inleiding van de testbundel.`",
            guide="Een emoji of ander teken dat de letter niet heeft"),
]


