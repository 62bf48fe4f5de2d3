"""`bundelpers importeer`: a case written in Word becomes a case file of the bundle.

mammoth turns the .docx into clean HTML (word.py); markdown.py maps that onto the
contract's Markdown; the front matter comes from the same skeleton as
`bundelpers nieuw casus`. What could not be converted is listed for the editor.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import messages as msg
from ..project import Project
from ..read.suggest import slug as slugify
from ..scaffold import ScaffoldError, new_case
from .markdown import to_markdown
from .word import convert


@dataclass
class ImportReport:
    case: Path
    bundle_file: Path
    line: int
    images: list[tuple[Path, str]] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)

    def text(self, project: Project) -> str:
        def shown(path: Path) -> str:
            return path.relative_to(project.root).as_posix()

        lines = [msg.IMPORT_DONE.format(file=shown(self.case)),
                 msg.NEW_CASE_LISTED.format(file=shown(self.bundle_file), line=self.line)]
        for image, alt in self.images:
            lines.append(msg.IMPORT_IMAGE.format(file=shown(image), alt=alt or msg.IMPORT_NO_ALT))
        if self.lost:
            lines.append(msg.IMPORT_LOST)
            lines += [f"  - {item}" for item in dict.fromkeys(self.lost)]
        lines.append(msg.IMPORT_NEXT)
        return "\n".join(lines)


def import_docx(project: Project, bundle: Path, docx: Path) -> ImportReport:
    if not docx.is_file() or docx.suffix.lower() != ".docx":
        raise ScaffoldError(msg.IMPORT_NOT_DOCX.format(file=docx))
    stem = slugify(docx.stem)
    converted = convert(docx, bundle / "beeld", stem)
    document = to_markdown(converted.html)
    title = document.title or docx.stem.replace("_", " ").replace("-", " ")
    made = new_case(project, bundle.name, title, body=document.body,
                    summary=" ".join(document.lead) or None, file_stem=stem)
    return ImportReport(made.opened, made.changed[0], made.line, converted.images,
                        converted.lost + document.lost)
