"""What an assembled PDF says about itself: the catalog entries PDF/UA asks for and the
metadata (XMP and the Info dictionary), all taken from the content, never the clock."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pikepdf
from pikepdf import Dictionary, Name, String


@dataclass(frozen=True)
class DocumentInfo:
    title: str
    lang: str
    authors: tuple[str, ...]
    subject: str = ""
    keywords: tuple[str, ...] = ()
    created: dt.date | None = None  # when it first appeared
    modified: dt.date | None = None  # when this edition was last changed
    edition: str = ""  # e.g. "Tweede druk", in XMP as the version


def _moment(date: dt.date) -> dt.datetime:
    return dt.datetime(date.year, date.month, date.day, tzinfo=dt.UTC)


def set_catalog_and_metadata(pdf: pikepdf.Pdf, info: DocumentInfo) -> None:
    pdf.Root.Lang = String(info.lang)
    pdf.Root.MarkInfo = Dictionary(Marked=True)
    # PDF/UA: viewers show the title, not the file name.
    pdf.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
    # No editor stamp: pikepdf would write the clock time into xmp:MetadataDate.
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=True) as meta:
        meta["dc:title"] = info.title
        meta["dc:language"] = [info.lang]
        meta["pdfuaid:part"] = "1"
        meta["pdf:Producer"] = "bundelpers"
        meta["xmp:CreatorTool"] = "bundelpers (WeasyPrint, pikepdf)"
        if info.authors:
            meta["dc:creator"] = list(info.authors)
        if info.subject:
            meta["dc:description"] = info.subject
        if info.keywords:
            meta["pdf:Keywords"] = ", ".join(info.keywords)
        if info.created is not None:
            meta["xmp:CreateDate"] = _moment(info.created).isoformat()
            meta["xmp:ModifyDate"] = _moment(info.modified or info.created).isoformat()
            meta["xmp:MetadataDate"] = _moment(info.modified or info.created).isoformat()
        if info.edition:
            meta["xmpMM:VersionID"] = info.edition
    if info.created is not None:
        pdf.docinfo[Name.CreationDate] = _pdf_date(info.created)
        pdf.docinfo[Name.ModDate] = _pdf_date(info.modified or info.created)


def _pdf_date(date: dt.date) -> String:
    return String(f"D:{date.year:04d}{date.month:02d}{date.day:02d}000000Z")
