"""Every Dutch sentence the editor can see, in one place.

Keeping the wording here makes it consistent across stages and testable.
"""

# --- how a fix is shown ------------------------------------------------------
# A fix in backticks is literal: copy it over the line the message names.
FIX_REPLACE = "Schrijf: `{text}`"
FIX_REPLACE_BLOCK = "Schrijf in plaats van regel {line}:"
FIX_REPLACE_LINES = "Schrijf in plaats van regel {line} tot en met {last}:"
FIX_INSERT = "Voeg na regel {line} deze regel toe: `{text}`"
FIX_INSERT_BLOCK = "Voeg na regel {line} deze regels toe:"
FIX_INSERT_TOP = "Zet bovenaan deze regel: `{text}`"
FIX_INSERT_TOP_BLOCK = "Zet bovenaan deze regels:"
FIX_SUBSTITUTE = "Vervang op deze regel `{old}` door `{new}`."
FIX_DELETE_LINE = "Haal regel {line} weg."
FIX_DELETE_LINES = "Haal regel {line} tot en met {last} weg."


def count(number: int, one: str, many: str) -> str:
    """'1 fout', '3 fouten': Dutch counts without '(en)'."""
    return f"{number} {one if number == 1 else many}"


def errors(number: int) -> str:
    return count(number, "fout", "fouten")


def warnings(number: int) -> str:
    return count(number, "waarschuwing", "waarschuwingen")


def preview_updated(seconds: float, errors_found: int, warnings_found: int) -> str:
    """The terminal's line after each preview update: counts in words, no '(en)'."""
    found = [text for number, text in ((errors_found, errors(errors_found)),
                                       (warnings_found, warnings(warnings_found))) if number]
    if not found:
        return PREVIEW_UPDATED.format(seconds=seconds)
    return PREVIEW_UPDATED_PROBLEMS.format(seconds=seconds, problems=" en ".join(found))


# --- files -----------------------------------------------------------------
FILE_NOT_UTF8 = "Dit bestand is geen UTF-8-tekst (vreemd teken rond byte {offset})."
FILE_NOT_UTF8_HINT = "Sla het bestand op als 'UTF-8' in je teksteditor."
FILE_MISSING = "Het bestand {name} ontbreekt."
FILE_UNREADABLE = "Het bestand kan niet gelezen worden ({reason})."
FILE_TOO_LARGE = "Het bestand is te groot ({size} MB; de grens is {limit} MB)."
FILE_TOO_LARGE_HINT = "Verdeel de tekst over meer hoofdstukken."
FILE_OUTSIDE = "'{path}' is een snelkoppeling naar {target}, buiten de bundelmap."
FILE_LINK_LOOP = "'{path}' is een snelkoppeling die in een kring naar zichzelf verwijst."
FILE_OUTSIDE_HINT = "Zet het bestand zelf in de bundelmap in plaats van een snelkoppeling."
FOLDER_WITHOUT_BUNDLE = "De map {name} heeft geen bundel.yaml."
FOLDER_WITHOUT_BUNDLE_HINT = (
    "Elke map direct onder content/ is een bundel. Voeg een bundel.yaml toe of haal de map weg."
)
FOLDER_BAD_SLUG = "De mapnaam '{name}' mag alleen kleine letters, cijfers en streepjes bevatten."
FOLDER_BAD_SLUG_HINT = "Hernoem de map, bijvoorbeeld naar 'wij-in-de-wijk-4'."
NO_BUNDLES = "Er staat nog geen enkele bundel in content/."
NO_BUNDLES_HINT = "Maak een map zoals content/wij-in-de-wijk-1/ met een bundel.yaml erin."
TOO_MANY_CHAPTERS = "Deze bundel heeft {count} hoofdstukken; de grens is {limit}."
TOO_MANY_CHAPTERS_HINT = "Verdeel de hoofdstukken over twee bundels."

GLYPH_MISSING = "Het teken '{char}' (U+{code}) staat niet in de letter van de reeks en kan niet gedrukt worden."
GLYPH_MISSING_HINT = "Laat het weg of vervang het door gewone tekst (ook in commentaar)."

# --- what Word and habits put in a file -------------------------------------
CHAR_TAB = "een tab"
CHAR_NBSP = "een vaste spatie"
CHAR_ZERO_WIDTH = "een onzichtbaar teken"
CHAR_SOFT_HYPHEN = "een zacht afbreekstreepje"
CHAR_ODD_SPACE = "een bijzondere spatie"
WHERE_INDENT = "in de inspringing"
WHERE_KEY = "in de sleutel '{key}'"
WHERE_COLON = "rond de dubbele punt na '{key}'"
WHERE_END = "aan het eind van de regel"
ODD_CHAR = "Hier staat {char} {where}; {effect}"
ODD_EFFECT_SPACE = "YAML ziet dat niet als een gewone spatie."
ODD_EFFECT_TAB = "YAML accepteert alleen spaties om in te springen."
ODD_EFFECT_KEY = "daardoor is het een andere sleutel dan hij lijkt."
ODD_EFFECT_TEXT = "YAML leest het als tekst."
ODD_CHAR_HINT = "Zulke tekens komen mee bij kopiëren uit Word of een webpagina. Typ de regel opnieuw, of:"
CURLY_QUOTES = "De waarde van '{key}' staat tussen gekrulde aanhalingstekens: `{value}`. YAML ziet die als gewone tekst en ze komen zo in het boek."
CURLY_QUOTES_HINT = "Laat de gekrulde aanhalingstekens weg (het boek zet zelf de juiste):"
LEADING_APOSTROPHE = "De waarde van '{key}' begint met een apostrof: `{value}`. YAML leest die als het begin van een aanhaling."
LEADING_APOSTROPHE_HINT = "Zet de hele waarde tussen dubbele aanhalingstekens; dan blijft de apostrof staan:"
APOSTROPHE_LOST = "In '{key}' valt de apostrof weg: YAML leest `{value}` als de tekst '{shown}' tussen aanhalingstekens."
STRAY_QUOTE = "De waarde van '{key}' eindigt met een los aanhalingsteken: `{value}`. Het zou zo in het boek komen."
STRAY_QUOTE_HINT = "Haal het losse aanhalingsteken weg:"
WORD_BULLET = "Deze regel begint met een opsommingsteken uit Word (`{bullet}`); in Markdown wordt dat geen lijst maar gewone tekst."
WORD_BULLET_HINT = "Begin elk punt van een lijst met een streepje en een spatie:"
HEADING_NO_SPACE = "Deze regel lijkt een kop, maar na `{marks}` staat geen spatie; zo komt `{text}` letterlijk in het boek."
HEADING_NO_SPACE_HINT = "Zet een spatie na de hekjes:"

# --- YAML ------------------------------------------------------------------
YAML_EMPTY = "Dit bestand is leeg."
YAML_NOT_MAPPING = "Dit bestand moet uit regels 'sleutel: waarde' bestaan."
YAML_TAB = "Hier staat een tab; YAML accepteert alleen spaties om in te springen."
YAML_TAB_HINT = "Vervang de tab door spaties (twee per niveau):"
YAML_UNCLOSED_QUOTE = "Hier opent een aanhalingsteken dat nergens wordt gesloten."
YAML_UNCLOSED_QUOTE_HINT = "Zet het sluitende aanhalingsteken aan het eind van de waarde:"
YAML_COLON_IN_VALUE = "Hier staat een dubbele punt met een spatie erna midden in een waarde; YAML leest dat als een nieuwe sleutel."
YAML_COLON_IN_VALUE_HINT = "Zet de hele waarde tussen aanhalingstekens:"
YAML_INDENT = "De inspringing klopt hier niet: deze regel past niet onder de regel erboven."
YAML_INDENT_HINT = "Laat regels op hetzelfde niveau even ver inspringen, met spaties."
YAML_BAD_START = "Een waarde mag niet met dit teken beginnen: `{value}`."
YAML_STAR_START = "Een waarde die met * of & begint, leest YAML als verwijzing: `{value}`."
YAML_BAD_START_HINT = "Zet de waarde tussen aanhalingstekens:"
YAML_CONTROL_CHAR = "Hier staat een onzichtbaar stuurteken dat niet in tekst hoort."
YAML_CONTROL_CHAR_HINT = "Zo'n teken komt vaak mee bij kopiëren uit een ander programma. Typ de regel opnieuw, of:"
YAML_TOO_DEEP = "Hier staan lijsten of sleutels meer dan {limit} lagen diep in elkaar."
YAML_TOO_DEEP_HINT = "Zo diep gaat geen enkele sleutel; vergelijk met het voorbeeld in de gebruikershandleiding."
YAML_ESCAPE = "Tussen dubbele aanhalingstekens staat hier een \\ die YAML niet begrijpt."
YAML_ESCAPE_HINT = "Gebruik enkele aanhalingstekens, dan telt een \\ als gewoon teken:"
YAML_MISSING_COLON = "Op deze regel ontbreekt de dubbele punt tussen sleutel en waarde: `{value}`."
YAML_MISSING_COLON_HINT = "Schrijf 'sleutel: waarde', met een spatie na de dubbele punt:"
YAML_KEY_MISPLACED = (
    "Deze regel past niet bij de regel erboven: de inspringing klopt niet, "
    "of de regel erboven mist een dubbele punt."
)
YAML_LIST_MISPLACED = "Hier begint een lijstregel ('- ') op een plek waar geen lijst kan staan."
YAML_LIST_MISPLACED_HINT = "Zet de lijst onder een sleutel zonder waarde ('auteurs:'), ingesprongen met spaties."
YAML_FLOW_UNCLOSED = "De lijst die hier met [ of { begint, wordt niet goed gesloten."
YAML_FLOW_UNCLOSED_HINT = "Sluit af met ] of }, en zet komma's tussen de items; of schrijf elk item op een eigen regel met '- '."
YAML_TEXT_AFTER_QUOTE = "Na het sluitende aanhalingsteken staat nog tekst."
YAML_TEXT_AFTER_QUOTE_HINT = "Zet de hele waarde tussen de aanhalingstekens, of haal ze weg."
YAML_TWO_DOCUMENTS = "Dit bestand bevat meer dan één YAML-document (een tweede '---')."
YAML_TWO_DOCUMENTS_HINT = "Haal de extra '---'-regel weg."
YAML_GENERIC = "Deze regel is geen geldige YAML ({detail})."
YAML_GENERIC_HINT = "Vergelijk de regel met het voorbeeld in de gebruikershandleiding."
YAML_ANCHOR = "Ankers en verwijzingen (& en *) zijn niet toegestaan."
YAML_ANCHOR_USED_HINT = "Schrijf de waarde op elke plek gewoon uit, zonder & of *."
YAML_ANCHOR_HINT = "Begint een tekst met & of *, zet hem dan tussen aanhalingstekens:"
YAML_TAG = "Het YAML-label {tag} is niet toegestaan."
YAML_TAG_HINT = "Haal het label (beginnend met !) weg en schrijf alleen de waarde:"
YAML_DUPLICATE_KEY = "De sleutel '{key}' staat hier voor de tweede keer (de eerste keer op regel {first})."
YAML_DUPLICATE_KEY_HINT = "Houd één van de twee over; wil je de waarde van hier, zet die dan op regel {first}."
YAML_COMPLEX_KEY = "Een sleutel moet een gewoon woord zijn."

# --- front matter ----------------------------------------------------------
FRONT_MATTER_MISSING = "Dit hoofdstuk begint niet met een kopblok tussen twee regels '---'."
FRONT_MATTER_MISSING_HINT = "Zet bovenaan een regel '---', dan 'titel: ...', en sluit af met '---'; vul je eigen titel in:"
FRONT_MATTER_UNCLOSED = "Het kopblok dat hier begint wordt nergens afgesloten met '---'."
FRONT_MATTER_UNCLOSED_HINT = "Zet een regel met alleen '---' tussen het kopblok en de tekst:"
FRONT_MATTER_EMPTY = "Het kopblok tussen de twee regels '---' is leeg."
FRONT_MATTER_EMPTY_HINT = "Zet er minstens 'titel: ...' in."
FRONT_MATTER_NOT_MAPPING = "Het kopblok moet uit regels 'sleutel: waarde' bestaan."
CHAPTER_EMPTY = "Dit hoofdstuk heeft geen tekst onder het kopblok."

# --- schema ----------------------------------------------------------------
# {key} is the key by name, {value} the value as written in the file.
KEY_MISSING = "De verplichte sleutel '{key}' ontbreekt."
KEY_MISSING_HINT = "Voeg de regel toe en vul je eigen tekst in:"
KEY_UNKNOWN = "De sleutel '{key}' is onbekend."
KEY_UNKNOWN_SUGGEST = "Bedoelde je '{suggestion}'?"
KEY_UNKNOWN_HINT = "Toegestane sleutels hier: {allowed}."
EXPECT_TEXT = "'{key}' moet tekst zijn, maar YAML leest `{value}` als {kind}."
EXPECT_TEXT_HINT = "Zet de waarde tussen aanhalingstekens:"
KIND_NUMBER = "een getal"
KIND_BOOL = "ja/nee-waarde"
KIND_DATE = "een datum"
KIND_LIST = "een lijst"
KIND_MAPPING = "een blok sleutels"
TEXT_BLANK = "'{key}' is leeg; hier hoort tekst."
TEXT_BLANK_HINT = "Vul je eigen tekst in, bijvoorbeeld:"
EXPECT_INT = "'{key}' moet een heel getal zijn; er staat `{value}`."
EXPECT_INT_QUOTED_HINT = "Tussen aanhalingstekens is het tekst; schrijf het getal zonder aanhalingstekens:"
EXPECT_INT_WORD_HINT = "Schrijf het getal in cijfers:"
EXPECT_INT_HINT = "Schrijf een heel getal in cijfers, bijvoorbeeld:"
INT_TOO_SMALL = "'{key}' moet {minimum} of hoger zijn; er staat `{value}`."
INT_TOO_SMALL_HINT = "Het kleinste dat mag is {minimum}:"
YEAR_RANGE = "'{key}' moet een jaartal tussen {low} en {high} zijn; er staat `{value}`."
YEAR_RANGE_HINT = "Schrijf het jaartal in vier cijfers, bijvoorbeeld:"
EXPECT_LIST = "'{key}' moet een lijst zijn, met elk item op een eigen regel die begint met '- '; er staat `{value}`."
EXPECT_LIST_HINT = "Zet elk item op een eigen regel onder '{key}:':"
LIST_EMPTY = "De lijst '{key}' is leeg; er hoort minstens één item in."
LIST_EMPTY_HINT = "Zet elk item op een eigen regel, ingesprongen, met '- ' ervoor; vul je eigen tekst in:"
LIST_ITEM_BLANK = "Een item van de lijst '{key}' is leeg."
LIST_ITEM_BLANK_HINT = "Haal het lege item weg:"
EXPECT_MAPPING = "Onder '{key}' horen ingesprongen regels 'sleutel: waarde'; er staat `{value}`."
EXPECT_MAPPING_HINT = "Schrijf het zo, en vul je eigen tekst in:"
EXPECT_DATE = "'{key}' moet een datum zijn als JJJJ-MM-DD (jaar-maand-dag); er staat `{value}`."
EXPECT_DATE_ORDER_HINT = "Eerst het jaar, dan de maand, dan de dag:"
EXPECT_DATE_HINT = "Schrijf de datum als jaar-maand-dag, bijvoorbeeld:"
DATE_IMPOSSIBLE = "'{key}': de datum `{value}` bestaat niet ({shown})."
DATE_IMPOSSIBLE_HINT = "Kies een dag die bestaat, bijvoorbeeld:"
DATE_UPDATED_TOO_EARLY = "'bijgewerkt' ({bijgewerkt}) ligt vóór 'verschenen' ({verschenen})."
DATE_UPDATED_TOO_EARLY_HINT = "Een nieuwe druk wordt bijgewerkt na het verschijnen; kies een latere datum, bijvoorbeeld:"
DATE_YEAR_MISMATCH = "Het jaar van 'verschenen' ({year}) is niet gelijk aan 'jaar' ({jaar})."
DATE_YEAR_MISMATCH_HINT = "Maak de twee gelijk: pas 'jaar' aan, of de datum, bijvoorbeeld:"
EXPECT_COLOUR = "'{key}' moet een kleur zijn als \"#RRGGBB\"; er staat `{value}`."
EXPECT_COLOUR_HINT = "Een # en dan zes tekens 0-9 of A-F, tussen aanhalingstekens (kleurnamen kent bundelpers niet), bijvoorbeeld:"
EXPECT_COLOUR_NAME_HINT = "Kleurnamen kent bundelpers niet; zo schrijf je {name} als kleurcode:"
EXPECT_COLOUR_CLOSE_HINT = "Zo schrijf je die kleur:"
EXPECT_COLOUR_EMPTY = "'{key}' is leeg: zonder aanhalingstekens leest YAML alles na # als commentaar."
COLOUR_EMPTY_HINT = "Zet de kleur tussen aanhalingstekens, bijvoorbeeld:"
EXPECT_URL = "'{key}' moet een webadres zijn dat begint met https:// of http://; er staat `{value}`."
EXPECT_URL_HINT = "Schrijf het volledige adres:"
EXPECT_URL_EXAMPLE_HINT = "Schrijf het volledige adres, bijvoorbeeld:"
EXPECT_EMAIL = "'{key}' moet een e-mailadres zijn als naam@voorbeeld.nl; er staat `{value}`."
EXPECT_EMAIL_HINT = "Schrijf het adres zo:"
EXPECT_EMAIL_EXAMPLE_HINT = "Schrijf een volledig adres, bijvoorbeeld:"
EXPECT_ISBN = "'{key}' is geen geldig ISBN-13 (13 cijfers met een kloppend controlecijfer); er staat `{value}`."
EXPECT_ISBN_HINT = "Neem het ISBN over van de uitgever (streepjes en spaties mogen). 'isbn' is niet verplicht: zolang je het niet hebt,"
EXPECT_SLUG = "'{key}' mag alleen kleine letters, cijfers en streepjes bevatten; er staat `{value}`."
EXPECT_SLUG_HINT = "Bijvoorbeeld:"
EXPECT_LANG = "'{key}' moet een taalcode zijn, zoals nl of en-GB; er staat `{value}`."
EXPECT_LANG_HINT = "Voor Nederlands:"
EXPECT_SOORT = "'soort' moet 'hoofdstuk' of 'casus' zijn; er staat `{value}`."
EXPECT_SOORT_HINT = "Voor een casus:"
INVISIBLE_IN_VALUE = "In de waarde van '{key}' staat {char}: `{value}`."
INVISIBLE_IN_VALUE_HINT = "Zo'n teken komt mee bij kopiëren uit Word of een webpagina. Haal het weg:"
VALUE_INVALID = "De waarde van '{key}' is ongeldig: {detail}."
OPTIONAL_REMOVE_HINT = "'{key}' is niet verplicht; weet je de waarde niet,"

# Example values for fixes that cannot know the editor's text: each is valid.
EXAMPLES = {
    "titel": "Titel van het hoofdstuk", "ondertitel": "Ondertitel van de bundel", "focus": "bonding",
    "samenvatting": "Een korte samenvatting.", "plaats": "Oss", "initiatief": "Naam van het initiatief",
    "uitgever": "Movisie", "slug": "wij-in-de-wijk", "auteurs": "Voornaam Achternaam",
    "redactie": "Voornaam Achternaam", "betrokkenen": "Naam van een organisatie",
    "in_het_kort": "Een korte zin.", "trefwoorden": "bonding", "inhoud": "inleiding.md",
    "naam": "Voornaam Achternaam", "rol": "coördinator", "tekst": "Een zin uit het interview.",
    "wie": "Deelnemer", "bestand": "beeld/foto.jpg", "alt": "Wat er op de afbeelding te zien is.",
    "bron": "Naam van de maker", "bijschrift": "Bijschrift bij de afbeelding.",
    "provincie": "Noord-Brabant", "wijk": "Centrum", "doelgroep": "Bewoners",
    "rechten": "Movisie", "licentie": "Creative Commons Naamsvermelding 4.0",
    "toelichting": "Een toelichting.", "jaar": "2021", "gestart": "2019", "nummer": "1", "druk": "1",
    "verschenen": "2021-11-18", "bijgewerkt": "2021-11-18", "website": "https://www.example.org",
    "email": "naam@example.org", "kleur": '"#5B3A8C"', "taal": "nl",
}
EXPECT_PAPER_THICKNESS = (
    "'{key}' moet een papierdikte zijn: de dikte van één vel in millimeter, een getal "
    "tussen {low} en {high}; er staat `{value}`."
)
EXPECT_PAPER_THICKNESS_HINT = "Met een punt, zonder 'mm'; de drukker weet de dikte van zijn papier, bijvoorbeeld:"

# --- bundles and chapters --------------------------------------------------
NUMBER_TAKEN = "Bundelnummer {nummer} wordt ook gebruikt door {other}."
NUMBER_TAKEN_HINT = "Geef elke bundel een eigen nummer; {free} is nog vrij:"
CHAPTER_TWICE = "Het hoofdstuk '{path}' staat twee keer in 'inhoud'."
CHAPTER_TWICE_HINT = "Een hoofdstuk komt één keer in de bundel."
CHAPTER_MISSING = "Het hoofdstuk '{path}' uit 'inhoud' bestaat niet."
CHAPTER_MISSING_HINT = "Controleer de spelling van de bestandsnaam en de map; de naam staat tussen de bundelmap en '.md'."
CHAPTER_MISSING_SUGGEST = "Bedoelde je '{path}'?"
CHAPTER_NOT_MARKDOWN = "'{path}' is geen Markdown-bestand (.md)."
CHAPTER_NOT_MARKDOWN_HINT = "Alleen .md-bestanden kunnen een hoofdstuk zijn; sla de tekst op als .md en zet die naam hier."
CHAPTER_OUTSIDE = "'{path}' ligt buiten de bundelmap."
CHAPTER_OUTSIDE_HINT = "Gebruik een pad binnen de bundelmap, zonder '..' en niet beginnend met '/'."
CHAPTER_UNLISTED = "Dit Markdown-bestand staat niet in 'inhoud' van bundel.yaml en komt dus niet in de PDF."
CHAPTER_UNLISTED_HINT = "Voeg het toe aan 'inhoud', of verplaats het als het een kladje is."
SECTION_MISSING = "De gebruikelijke sectie {name} ontbreekt in deze casus."
SECTIONS_MISSING = "De gebruikelijke secties {name} ontbreken in deze casus."
SECTION_MISSING_HINT = "Casussen hebben meestal de secties Aanleiding, Aanpak, Successen, Tegenvallers en Lessen."

# --- Markdown --------------------------------------------------------------
MD_H1 = "Een kop met één # is niet toegestaan in de tekst: de titel komt uit 'titel' in het kopblok."
MD_H1_HINT = "Maak er een sectiekop van:"
MD_DEEP_HEADING = "Koppen dieper dan ### zijn niet toegestaan: `{value}`."
MD_DEEP_HEADING_HINT = "Gebruik '## ' voor secties en '### ' daaronder:"
MD_HTML = "HTML-code is geen inhoud en wordt niet overgenomen: `{snippet}`."
MD_HTML_HINT = "Schrijf het in Markdown. Een notitie voor collega's mag als <!-- ... -->."
MD_LINK_SCHEME = "De link `{url}` is niet toegestaan: links beginnen met https://, http:// of mailto:."
MD_LINK_SCHEME_HINT = "Schrijf het volledige webadres:"
MD_LINK_SCHEME_PLAIN = "Een link naar een plek in het boek of een bestand kan niet; laat de tekst zonder link staan:"
MD_LINK_SCHEME_NO_FIX = "Schrijf het volledige webadres, bijvoorbeeld [tekst](https://www.example.org/pagina)."
MD_IMAGE_NO_ALT = "De afbeelding `{value}` heeft geen alt-tekst."
MD_IMAGE_NO_ALT_HINT = "Beschrijf tussen de [ ] wat er op de afbeelding staat, voor wie hem niet kan zien; vul je eigen beschrijving in:"
MD_KADER_UNCLOSED = "Het kader dat hier begint wordt niet afgesloten met ':::'."
MD_KADER_UNCLOSED_HINT = "Zet een regel met alleen ':::' onder de tekst van het kader."
MD_KADER_NO_TITLE = "Dit kader heeft geen titel."
MD_KADER_NO_TITLE_HINT = "Schrijf de titel achter het woord kader; vul je eigen titel in:"
MD_UNKNOWN_BLOCK = "Onbekend blok '{name}': alleen '::: kader Titel' bestaat."
MD_UNKNOWN_BLOCK_HINT = "Maak er een kader van:"
MD_TOO_DEEP = "Hier staan citaten, lijsten of nadruk meer dan {limit} lagen diep in elkaar."
MD_TOO_DEEP_HINT = "Maak de tekst vlakker: zo diep genest is hij in een boek niet te volgen."
MD_FOOTNOTE_MISSING = "De voetnoot [^{label}] heeft geen tekst."
MD_FOOTNOTE_MISSING_HINT = "Voeg onderaan de tekst van de voetnoot toe, en vul je eigen tekst in:"

# --- images ----------------------------------------------------------------
IMAGE_MISSING = "De afbeelding '{path}' bestaat niet."
IMAGE_MISSING_HINT = "Zet het bestand in de map beeld/ van deze bundel en controleer de naam."
IMAGE_MISSING_SUGGEST = "Bedoelde je '{path}'?"
IMAGE_OUTSIDE = "De afbeelding '{path}' ligt buiten de bundelmap."
IMAGE_OUTSIDE_HINT = "Zet de afbeelding in de map beeld/ van deze bundel en verwijs ernaar als beeld/naam.png."
IMAGE_REMOTE = "De afbeelding '{path}' staat op internet of elders op de computer; dat mag niet."
IMAGE_KIND = "'{path}' is geen PNG-, JPEG- of SVG-afbeelding."
IMAGE_KIND_HINT = "Sla de afbeelding op als PNG, JPEG of SVG."
IMAGE_BROKEN = "De afbeelding '{path}' is beschadigd of onvolledig ({reason})."
IMAGE_BROKEN_HINT = "Exporteer de afbeelding opnieuw."
IMAGE_TOO_BIG = "De afbeelding '{path}' is te groot ({pixels} megapixel; de grens is {limit} megapixel)."
IMAGE_FILE_TOO_LARGE = "De afbeelding '{path}' is te groot ({size} MB; de grens is {limit} MB)."
IMAGE_FILE_TOO_LARGE_HINT = "Sla de afbeelding kleiner op, bijvoorbeeld als JPEG van 3000 pixels breed."
IMAGE_TOO_BIG_HINT = "Verklein de afbeelding, bijvoorbeeld tot 3000 pixels breed."
SVG_EXTERNAL = "De SVG '{path}' verwijst naar iets buiten het bestand: {ref}"
SVG_ACTIVE = "De SVG '{path}' bevat '{ref}'; dat hoort niet in een afbeelding."
SVG_ACTIVE_HINT = "Exporteer de tekening opnieuw als gewone SVG, zonder scripts, ingesloten HTML of DOCTYPE."
SVG_EXTERNAL_HINT = "Neem alles in de SVG zelf op; verwijzingen naar andere bestanden of internet mogen niet."

# --- render and build ------------------------------------------------------
RENDER_REFUSED = "De opmaak probeerde iets buiten het project te lezen: {url}"
RENDER_FAILED = "Het maken van de PDF van {slug} is mislukt: {reason}"
RENDER_A11Y = "De PDF van {slug} is niet toegankelijk: {detail}"
RENDER_A11Y_DETAIL = "WeasyPrint meldt een toegankelijkheidsfout: {detail}"
RENDER_UNIT_FAILED = "{unit}: het zetten is mislukt: {reason}"
RENDER_REFUSED_AT = "{where}: fout: De opmaak probeerde iets buiten het project te lezen: {url}"
MERGE_FAILED = "Het samenvoegen van {name} is mislukt: {reason}"
MERGE_DANGLING = "Links verwijzen naar plekken die niet in de PDF staan: {names}"
MERGE_UNREADABLE = "Het gezette deel {name} kan niet gelezen worden ({reason}); draai 'make' opnieuw."
MERGE_LINK = "Een link in de inhoudsopgave wijst naar iets onbekends: {link}"
BUILD_OK = "{count} PDF's gemaakt in {seconds:.1f} s."
BUILD_STOPPED = "Er is niets gebouwd: los eerst de {errors} hierboven op. De bestaande PDF's zijn niet veranderd."
CHECK_OK = "De inhoud is in orde: {bundles}, {chapters}."
INTERNAL_ERROR = (
    "Er ging iets mis in bundelpers zelf ({kind}: {detail}). De bestaande PDF's zijn niet "
    "veranderd. Meld dit aan de beheerder; met BUNDELPERS_DEBUG=1 voor het commando ziet die de details."
)
# --- the print edition (make drukwerk) --------------------------------------
PRINT_OK = "Drukwerk gemaakt in {folder}: {count} PDF's in {seconds:.1f} s."
PRINT_UNCHANGED = "Het drukwerk is bij: er is niets veranderd sinds de vorige keer."
PRINT_SPINE = "  {name}: {pages} pagina's, rug {spine} mm bij papier van {paper} mm dik"
IMAGE_LOW_RESOLUTION = (
    "De afbeelding '{image}' is {pixels} pixels breed en wordt {width:.0f} mm breed gedrukt: "
    "dat is {ppi:.0f} ppi, voor drukwerk is minstens {minimum} ppi nodig."
)
IMAGE_LOW_RESOLUTION_HINT = (
    "Lever een grotere versie aan, minstens {needed} pixels breed, of gebruik voor een "
    "tekening of grafiek SVG. Op het scherm ziet de afbeelding er wel goed uit."
)
WATCHING = "Ik kijk mee: bewaar een bestand in content/ en de PDF's worden bijgewerkt (stoppen: Ctrl-C)."
WATCH_CHANGED = "Gewijzigd: {files}. Opnieuw bouwen..."

# --- bundelpers nieuw ----------------------------------------------------------
NEW_CASE_MADE = "Nieuwe casus gemaakt: {file}\nOpen dit bestand en vul het in; de uitleg staat erin, na een #."
NEW_CASE_LISTED = "Toegevoegd aan 'inhoud' in {file} (regel {line}); verplaats die regel om de volgorde te veranderen."
NEW_BUNDLE_MADE = "Nieuwe bundel gemaakt: {file}\nOpen dit bestand en vul het in; de uitleg staat erin, na een #."
NEW_BUNDLE_ALSO = 'Ook gemaakt: {files}. Een casus voeg je toe met: make nieuw BUNDEL={slug} NAAM="Naam van de casus"'
NEW_NO_BUNDLE = "Er is geen bundel '{bundle}' in content/. Bundels: {names}."
NEW_BUNDLE_BROKEN = "{file} kan niet gelezen worden; los eerst de fouten op die 'make check' noemt."
NEW_EXISTS = "{file} bestaat al; kies een andere naam."
NEW_SLUG_EXAMPLE = "Bijvoorbeeld: {slug}"

# --- proofreading (warnings in `bundelpers check`) -------------------------------
SPELLING_UNKNOWN = "Onbekend woord: `{word}`."
SPELLING_SUGGEST = "Bedoelde je: {words}?"
SPELLING_NO_SUGGESTION = "Het woordenboek kent geen woord dat erop lijkt."
SPELLING_WORD_LIST = "Is het goed (een naam, een plaats), zet het dan op een eigen regel in content/woordenlijst.txt."
SPELLING_UNAVAILABLE = "De spellingcontrole is overgeslagen: het programma hunspell of het Nederlandse woordenboek ontbreekt. Draai 'make' om ze te installeren."
PLACEHOLDER_LEFT = "Hier staat nog voorbeeldtekst uit het sjabloon: `{text}`{more}."
PLACEHOLDER_MORE = " (en ook op regel {lines})"
PLACEHOLDER_LEFT_HINT = "Vervang hem door je eigen tekst, of haal de regel weg als de sleutel niet verplicht is."
COUNT_STALE = "Hier staat `{text}`, maar deze bundel heeft {cases}."
COUNT_STALE_HINT = "Pas het getal aan:"
TABLE_NO_TITLE = "Deze tabel heeft geen titel. In de boeken staat boven elke tabel een nummer en een titel, zoals 'Tabel 3.1 Bezoekers per jaar'."
TABLE_NO_TITLE_HINT = ("Zet direct boven de tabel een regel die met 'Tabel:' begint, en daaronder een lege regel. "
                       "Van de kolomkoppen is al een titel gemaakt; maak hem gerust beter:")

# --- bundelpers importeer ----------------------------------------------------------
IMPORT_DONE = "Casus overgenomen uit Word: {file}"
IMPORT_IMAGE = "Afbeelding: {file} (alt-tekst: {alt})"
IMPORT_NO_ALT = "ontbreekt; vul die in tussen de [ ] in de tekst"
IMPORT_LOST = "Niet (helemaal) overgenomen; kijk deze punten na in de tekst:"
IMPORT_NEXT = "Vul het kopblok bovenaan aan (samenvatting, plaats, initiatief) en draai 'make check'."
IMPORT_NOT_DOCX = "{file} is geen Word-bestand (.docx) of bestaat niet. Sla het document in Word op als .docx."
IMPORT_UNREADABLE = "De tekst kon niet gelezen worden ({detail})."
IMPORT_IMAGE_KIND = "Afbeelding {number} is een {kind}; alleen PNG, JPEG en SVG kunnen. Sla hem op als PNG en zet hem in beeld/."
IMPORT_IMAGE_NO_ALT = "De afbeelding {file} heeft in Word geen alternatieve tekst; beschrijf wat erop staat."
IMPORT_MAMMOTH = "Word: {detail}"
IMPORT_DEEP_HEADING = "De kop '{text}' was een kop van niveau 3 of dieper; hij is nu een ### kop."
IMPORT_UNKNOWN_BLOCK = "Een onderdeel ({tag}) is als gewone tekst overgenomen."
IMPORT_MERGED_CELLS = "Een tabel had samengevoegde cellen; die kent Markdown niet. Controleer de tabel."
IMPORT_LINK = "De link naar '{href}' kan niet (alleen https://, http:// en mailto:); alleen de tekst staat er."
IMPORT_FORMAT = "{kind} kan niet in de tekst ('{text}'); het staat er als gewone tekst."

# --- progress, summary, single bundles, preview, books -------------------------
BUILD_NOTHING_NEW = "Alle PDF's waren al bij ({seconds:.1f} s)."
BUNDLE_UNKNOWN = "Er is geen bundel '{name}'. Bestaande bundels: {known}."
BUNDLE_UNKNOWN_HINT = 'Geef de mapnaam (bijvoorbeeld wij-in-de-wijk-3) of het nummer (3) van een bundel.'
CASE_BUNDLE_LINK = 'De hele bundel: {title} (PDF)'
CASE_DOCUMENT_TITLE = '{title} ({place}). Uit: {bundle}: {subtitle}'
CASE_SOURCE_TITLE = 'Over deze overdruk'
COLLECTION_FOCUS = 'Verzamelbundel'
NO_CONTENT = ("fout: in {root} staat geen map content/ (de teksten van de bundels).\n"
              "    Start make in de map van het project, waar content/ en layouts/ naast elkaar staan.")
NO_LAYOUTS = ("fout: in {root} staat geen map layouts/ (de sjablonen en de opmaak van de boeken).\n"
              "    Start make in de map van het project, waar content/ en layouts/ naast elkaar staan; "
              "is de map weg, haal hem dan terug met: git checkout -- layouts")
INTERRUPTED = "Afgebroken; de bestaande PDF's zijn niet veranderd."
PART_TITLE = 'Deel {number}: {title}'
PREVIEW_ADDRESS = "Voorbeeld: open {address} in je browser. Bewaar een bestand en de pagina's worden bijgewerkt (stoppen: Ctrl-C)."
PREVIEW_NO_BUNDLE = 'Er is nog geen bundel om te bekijken: maak eerst een map met een bundel.yaml in content/.'
PREVIEW_PROBLEMS = 'Dit moet eerst opgelost worden; het voorbeeld toont de laatste versie die wel lukte:'
PREVIEW_STOPPED = 'Voorbeeld gestopt.'
PREVIEW_UPDATED = 'Voorbeeld bijgewerkt in {seconds:.1f} s.'
PREVIEW_UPDATED_PROBLEMS = 'Voorbeeld bijgewerkt in {seconds:.1f} s: {problems} (zie de balk bovenaan de pagina).'
PROGRESS_BOOK = '{book} {done}/{total}'
PROGRESS_LIVE = 'Zetten: {books}  ({seconds:.0f} s)'
PROGRESS_START = '{book}: {parts} te zetten'
PROGRESS_TYPESET = '{book}: {done} van {total} delen gezet ({seconds:.1f} s)'
SUMMARY_CASES = '{folder}/ (losse casussen)'
SUMMARY_KB = 'KB'
SUMMARY_PAGES = "pagina's"
SUMMARY_PDF = 'PDF'
SUMMARY_REBUILT = 'opnieuw gemaakt'
SUMMARY_REBUILT_SOME = '{count} van {total} opnieuw gemaakt'
SUMMARY_STATUS = 'status'
SUMMARY_TIME = 'tijd'
SUMMARY_UNCHANGED = 'ongewijzigd'
UP_TO_DATE = 'Alles is bij: er is niets veranderd sinds de vorige keer.'
WATCH_CHANGED_MORE = '{files} en {more} andere'
WATCH_STOPPED = 'Gestopt met meekijken.'
HOLE_LEFT = ("Pagina {folio} van {book} houdt onderaan {lines} regels wit: na de sectie "
             "'{section}' past de volgende kop niet meer met zijn eerste regels.")
HOLE_LEFT_HINT = ("Maak de sectie '{section}' een zin of twee langer of korter; dan sluit de pagina. "
                  "Met 'make preview' zie je meteen hoe het uitvalt.")
HEADING_STRANDED = ("Pagina {folio} van {book}: de kop '{section}' staat onderaan de pagina met maar één "
                    "regel eronder; de rest van de sectie staat op de volgende pagina.")
HEADING_STRANDED_HINT = ("Maak de eerste alinea onder '{section}' een paar woorden langer (twee regels), of de "
                         "tekst vóór de kop een zin korter. Met 'make preview' zie je meteen hoe het uitvalt.")

# --- command line (what `bundelpers --help` and a mistyped command show) -------
CLI_DESCRIPTION = "Maakt de PDF-bundels uit content/."
CLI_EDITOR_DESCRIPTION = "Nieuwe inhoud maken of overnemen."
CLI_PROJECT = "projectmap (standaard: de huidige map)"
CLI_COMMAND = "opdracht"
CLI_CHECK = "alleen de inhoud controleren (snel, geen PDF's)"
CLI_CHECK_BUNDLES = "alleen deze bundel(s): mapnaam of nummer"
CLI_BUILD = "de PDF's maken"
CLI_BUILD_BUNDLES = "alleen deze bundel(s), zonder verzamelbundel: mapnaam of nummer"
CLI_WATCH = "opnieuw bouwen zodra je een bestand in content/ bewaart"
CLI_PRESS = "drukklare PDF's in bundel_pdf/drukwerk/ (met afloop)"
CLI_PRESS_MARKS = "met snijtekens rond elke pagina"
CLI_PREVIEW = "de pagina's van een bundel in je browser, bijgewerkt bij elke keer bewaren"
CLI_PREVIEW_BUNDLE = "mapnaam of nummer (standaard de eerste bundel)"
CLI_PREVIEW_PORT = "poort op 127.0.0.1 (standaard 8321)"
CLI_PREVIEW_NO_BROWSER = "de browser niet zelf openen"
CLI_NEW = "een nieuwe casus of bundel uit een sjabloon"
CLI_NEW_CASE = "nieuwe casus in een bundel, en in 'inhoud' gezet"
CLI_NEW_CASE_BUNDLE = "de bundel: mapnaam (wij-in-de-wijk-3) of nummer (3)"
CLI_NEW_CASE_NAME = "de naam van de casus of het initiatief"
CLI_NEW_BUNDLE = "nieuwe bundel met het volgende nummer"
CLI_NEW_BUNDLE_FOLDER = "mapnaam, bijvoorbeeld wij-in-de-wijk-4 (standaard: het volgende nummer)"
CLI_IMPORT = "een casus uit een Word-bestand (.docx) overnemen"
CLI_IMPORT_FILE = "het Word-bestand"
CLI_IMPORT_BUNDLE = "de bundel: mapnaam of nummer"
CLI_MISTAKE = "fout: deze opdracht begrijp ik niet ({detail})."
CLI_MISTAKE_HINT = "    Zo gaat het: {usage}\n    Alle opdrachten: make help"
CLI_HELP = "deze uitleg tonen"
CLI_GROUP_GIVEN = "wat je opgeeft"
CLI_GROUP_OPTIONS = "keuzes"
CLI_GROUP_COMMANDS = "opdrachten"
CLI_USAGE = "gebruik:"
# What `make` says when a target misses its values (the Makefile asks `bundelpers uitleg`).
MAKE_USAGE = {
    "bundel": "Zeg welke bundel: make bundel NR=3 (het nummer of de mapnaam)",
    "nieuw": 'Zeg in welke bundel en hoe de casus heet: make nieuw BUNDEL=3 NAAM="Naam van de casus"  (BUNDEL: nummer of mapnaam)',
    "importeer": "Zeg welk Word-bestand en welke bundel: make importeer BESTAND=casus.docx BUNDEL=3",
}
# argparse words its complaints in English; these patterns say the usual ones in Dutch.
CLI_MISTAKES = (
    (r"the following arguments are required: (.*)", r"dit ontbreekt nog: \1"),
    (r"argument .*?: invalid choice: '(.*?)' \(choose from (.*)\)", r"'\1' ken ik niet; kies uit \2"),
    (r"argument .*?: invalid int value: '(.*?)'", r"'\1' is geen getal"),
    (r"unrecognized arguments: (.*)", r"dit ken ik niet: \1"),
    (r"argument .*?: expected one argument", r"na deze optie hoort een waarde"),
)
