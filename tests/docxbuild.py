"""Word documents for the import tests, made with python-docx as an editor's Word would.

The built-in styles are renamed to their Dutch names ("Kop 1", "Titel"), as a
Dutch Word installation stores them in many documents.
"""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from docx.shared import Cm
from lxml import etree
from PIL import Image

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def add_footnote(document, paragraph, text: str) -> None:  # type: ignore[no-untyped-def]
    """python-docx has no footnote API: add the footnotes part and a reference by hand."""
    xml = (f'<w:footnotes xmlns:w="{W}">'
           '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
           '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
           '</w:p></w:footnote>'
           f'<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t>'
           '</w:r></w:p></w:footnote></w:footnotes>').encode()
    part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES, xml, document.part.package)
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    reference = etree.SubElement(paragraph.add_run()._r, qn("w:footnoteReference"))
    reference.set(qn("w:id"), "1")


def case_document(path: Path, alt: str = "Een pan soep op een lange tafel in het buurthuis") -> Path:
    document = Document()
    for english, dutch in (("Title", "Titel"), ("Heading 1", "Kop 1"), ("Heading 2", "Kop 2"), ("Caption", "Bijschrift")):
        document.styles[english].name = dutch
    document.add_paragraph("Soep voor de hele straat", style="Titel")
    document.add_paragraph("Elke donderdag kookt een groep buren soep voor wie maar wil aanschuiven.")
    document.add_paragraph("Aanleiding", style="Kop 1")
    paragraph = document.add_paragraph("Het begon met ")
    paragraph.add_run("één").bold = True
    paragraph.add_run(" grote pan en ")
    paragraph.add_run("veel").italic = True
    paragraph.add_run(" buren die elkaar nog niet kenden.")
    document.add_paragraph("Aanpak", style="Kop 1")
    document.add_paragraph("De groep doet drie dingen:")
    for item in ("boodschappen halen op woensdag", "koken op donderdag", "samen afwassen"):
        document.add_paragraph(item, style="List Bullet")
    document.add_paragraph("Wie doet wat", style="Kop 2")
    document.add_paragraph("Tabel 1: Taken in de groep", style="Bijschrift")  # Word puts it above
    table = document.add_table(rows=3, cols=2)
    for row, (who, what) in enumerate((("Wie", "Taak"), ("Fatma", "recepten"), ("Henk", "sleutel van de zaal"))):
        table.cell(row, 0).text, table.cell(row, 1).text = who, what
    picture = io.BytesIO()
    Image.new("RGB", (120, 80), (46, 111, 142)).save(picture, "PNG")
    picture.seek(0)
    document.add_picture(picture, width=Cm(6))
    document.inline_shapes[0]._inline.docPr.set("descr", alt)
    document.add_paragraph("Successen", style="Kop 1")
    paragraph = document.add_paragraph("Na een jaar schuiven er elke week veertig buren aan.")
    add_footnote(document, paragraph, "Telling van de vrijwilligers, voorjaar 2021.")
    table = document.add_table(rows=3, cols=2)
    for row, (year, guests) in enumerate((("Jaar", "Eters"), ("2020", "12"), ("2021", "40"))):
        table.cell(row, 0).text, table.cell(row, 1).text = year, guests
    document.add_paragraph("Tabel 2. Eters per week", style="Bijschrift")  # or below the table
    document.add_paragraph("Tegenvallers", style="Kop 1")
    document.add_paragraph("De zaal was niet altijd vrij.")
    document.add_paragraph("Lessen", style="Kop 1")
    document.add_paragraph("Begin klein en houd een vaste dag aan.")
    document.save(path)
    return path
