"""vCard 4.0 (RFC 6350) from plain values: a press contact to keep in an address book.

Written here rather than with a library: the well-kept Python vCard library (vobject) writes
vCard 3.0 rules, and a card of a dozen properties needs only RFC 6350's escaping (3.4) and line
folding (3.2), which this module does and the tests check by parsing the cards back.
"""

from dataclasses import dataclass, field

CONTENT_TYPE = "text/vcard; charset=utf-8"
PRODUCT_ID = "-//Newsroom//Press contacts//EN"
LINE_OCTETS = 75


@dataclass
class ContactCard:
    uid: str  # a URI, the same for the contact every time
    name: str
    role: str = ""
    organisation: str = ""
    tel_uri: str = ""  # tel:+3227074111
    email: str = ""
    languages: list = field(default_factory=list)  # BCP 47 codes, preferred first
    photo_url: str = ""  # absolute
    url: str = ""  # absolute: where the contact is shown


def escape(text):
    r"""A TEXT value (RFC 6350, 3.4): backslash, comma, semicolon and line breaks escaped."""
    text = str(text).replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return text.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line):
    """A content line cut into lines of at most 75 octets, each continuation starting with a
    space (RFC 6350, 3.2), never inside a UTF-8 character."""
    encoded = line.encode("utf-8")
    if len(encoded) <= LINE_OCTETS:
        return encoded
    parts, current, limit = [], b"", LINE_OCTETS
    for char in line:
        octets = char.encode("utf-8")
        if len(current) + len(octets) > limit:
            parts.append(current)
            current, limit = b" ", LINE_OCTETS
        current += octets
    parts.append(current)
    return b"\r\n".join(parts)


def _name_parts(name):
    """N (family; given; additional; prefixes; suffixes) from a display name: the last word as
    the family name. Address books sort by it; FN keeps the name as written."""
    words = name.split()
    if len(words) < 2:
        return f"{escape(name)};;;;"
    return f"{escape(words[-1])};{escape(' '.join(words[:-1]))};;;"


def card_lines(card):
    lines = ["BEGIN:VCARD", "VERSION:4.0", f"PRODID:{PRODUCT_ID}", "KIND:individual"]
    lines.append(f"UID:{card.uid}")
    lines.append(f"FN:{escape(card.name)}")
    lines.append(f"N:{_name_parts(card.name)}")
    if card.role:
        lines.append(f"TITLE:{escape(card.role)}")
    if card.organisation:
        lines.append(f"ORG:{escape(card.organisation)}")
    if card.tel_uri:
        lines.append(f'TEL;VALUE=uri;TYPE="work,voice":{card.tel_uri}')
    if card.email:
        lines.append(f"EMAIL;TYPE=work:{escape(card.email)}")
    for preference, code in enumerate(card.languages, start=1):
        lines.append(f"LANG;PREF={preference}:{code}")
    if card.photo_url:
        lines.append(f"PHOTO:{card.photo_url}")
    if card.url:
        lines.append(f"URL:{card.url}")
    lines.append("END:VCARD")
    return lines


def vcard_text(cards):
    """The cards as one vCard file (bytes, CRLF line ends)."""
    return b"".join(fold(line) + b"\r\n" for card in cards for line in card_lines(card))
