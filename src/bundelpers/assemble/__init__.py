"""Assembly stage: typeset units -> books, with pikepdf. Nothing is typeset here."""
