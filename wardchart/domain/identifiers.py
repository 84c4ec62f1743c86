"""Text that looks the same is the same: one set of rules for identifiers and names.

Identifiers (MRN, bed, user name, regimen name) are what people type to find a record,
so two spellings that look alike must find the same one. They are normalised with NFKC
(full-width ``４Ａ`` is ``4A``, a no-break space is a space), every dash is the ASCII
hyphen-minus, runs of spaces are one space, and the ends are trimmed. Characters that
cannot be seen or that reorder what is shown (every default-ignorable code point: the
zero-width space and joiners, the byte order mark, soft hyphen, variation selectors, tags,
Hangul fillers; the bidirectional embeddings, overrides, isolates and marks; look-alike
blanks such as the Braille blank; controls, private-use and unassigned code points) are
refused with a message naming the field, never silently dropped.

Case rule: an MRN is stored upper-case, so ``mrn100231`` and ``MRN100231`` are one
patient; a user name is lower-case; a regimen and a bed keep the case typed but are
compared ignoring case. Names and free text keep what was typed (canonical NFC only) but
refuse control characters and bidirectional controls. See docs/identifiers.md.
"""

from __future__ import annotations

import re
import unicodedata

from wardchart.domain.problems import Problem
from wardchart.domain.texts import QT_TRANSLATE_NOOP

#: Bidirectional formatting characters (Unicode Standard Annex #9, section 2): they make
#: text display in an order other than the one it is stored in.
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
#: Default_Ignorable_Code_Point: characters a renderer shows as nothing at all. Python's
#: unicodedata does not carry this property, so the ranges are written out here, as
#: listed in DerivedCoreProperties.txt of the Unicode Character Database (the list is
#: the same in Unicode 14.0, 15.0, 15.1 and 16.0). See docs/identifiers.md.
DEFAULT_IGNORABLE: tuple[tuple[int, int], ...] = (
    (0x00AD, 0x00AD),  # soft hyphen
    (0x034F, 0x034F),  # combining grapheme joiner
    (0x061C, 0x061C),  # Arabic letter mark
    (0x115F, 0x1160),  # Hangul choseong and jungseong fillers
    (0x17B4, 0x17B5),  # Khmer inherent vowels
    (0x180B, 0x180F),  # Mongolian free variation selectors and vowel separator
    (0x200B, 0x200F),  # zero-width space, joiners, left-to-right and right-to-left marks
    (0x202A, 0x202E),  # bidirectional embeddings and overrides
    (0x2060, 0x206F),  # word joiner, invisible operators, isolates, deprecated formats
    (0x3164, 0x3164),  # Hangul filler
    (0xFE00, 0xFE0F),  # variation selectors 1-16
    (0xFEFF, 0xFEFF),  # zero-width no-break space (byte order mark)
    (0xFFA0, 0xFFA0),  # halfwidth Hangul filler
    (0xFFF0, 0xFFF8),  # reserved
    (0x1BCA0, 0x1BCA3),  # shorthand format controls
    (0x1D173, 0x1D17A),  # musical symbol beam, tie, slur and phrase controls
    (0xE0000, 0xE0FFF),  # tags, variation selectors 17-256, reserved
)
#: Characters that are not default-ignorable yet show as an empty space, so they pass for
#: a blank: the Braille pattern blank and the Khitan small script filler.
LOOK_ALIKE_BLANKS = frozenset("\u2800\U00016fe4")
#: General categories never allowed: controls, formats, private use, surrogates,
#: unassigned, line and paragraph separators.
_REFUSED_CATEGORIES = frozenset(("Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp"))


def is_default_ignorable(char: str) -> bool:
    """Whether ``char`` is a Default_Ignorable_Code_Point (see ``DEFAULT_IGNORABLE``)."""
    code = ord(char)
    return any(low <= code <= high for low, high in DEFAULT_IGNORABLE)


#: Joiners needed to spell some names correctly (Persian, Indic scripts): allowed in
#: names and free text, never in identifiers.
_NAME_JOINERS = frozenset("\u200c\u200d")
_SPACES = re.compile(r"\s+")


def _label(char: str) -> str:
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" {name}" if name else "")


def hidden_character(text: str) -> str | None:
    """The first character of ``text`` that cannot be seen or that reorders the text
    (format, control, line/paragraph separator or default-ignorable), if any."""
    for char in text:
        if unicodedata.category(char) in _REFUSED_CATEGORIES:
            return char
        if char in LOOK_ALIKE_BLANKS or is_default_ignorable(char):
            return char
    return None


def _fold(text: str) -> str:
    """NFKC, every dash as '-', spaces collapsed and trimmed (no checks)."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join("-" if unicodedata.category(c) == "Pd" else c for c in text)
    return _SPACES.sub(" ", text).strip()


def identifier_problems(field: str, text: str, limit: int = 40) -> list[Problem]:
    """Problems with a typed identifier (empty when it may be used)."""
    found = hidden_character(text)
    if found is not None:
        return [
            Problem(
                field,
                QT_TRANSLATE_NOOP(
                    "Identifiers",
                    "contains an invisible or direction-changing character ({character}); "
                    "retype it without pasting",
                ).format(character=_label(found)),
            )
        ]
    folded = _fold(text)
    if len(folded) > limit:
        message = QT_TRANSLATE_NOOP("Identifiers", "is {length} characters long; at most {limit}")
        return [Problem(field, message.format(length=len(folded), limit=limit))]
    return []


def normal_identifier(text: str) -> str:
    """An identifier as stored and compared: NFKC, dashes as '-', spaces collapsed,
    trimmed. Invisible characters are removed here (for comparing values stored before
    they were refused); new input is checked first with ``identifier_problems``."""
    visible = "".join(c for c in text if hidden_character(c) is None)
    return _fold(visible)


def normal_mrn(text: str) -> str:
    """An MRN as stored and compared: a normal identifier, upper-case."""
    return unicodedata.normalize("NFKC", normal_identifier(text).upper())


def identifier_key(text: str) -> str:
    """What two identifiers that keep their case (bed, regimen) are compared by."""
    return unicodedata.normalize("NFKC", normal_identifier(text).casefold())


def normal_username(text: str) -> str:
    """A user name as stored and compared: a normal identifier, lower-case."""
    return unicodedata.normalize("NFKC", normal_identifier(text).lower())


def text_problems(field: str, text: str, limit: int) -> list[Problem]:
    """Names and free text: no control characters, no invisible or direction-changing
    characters (the joiners some scripts need are allowed), at most ``limit`` long."""
    for char in text:
        if char in _NAME_JOINERS:
            continue
        if hidden_character(char) is not None:
            if unicodedata.category(char) == "Cc":
                message = QT_TRANSLATE_NOOP(
                    "Identifiers", "contains a control character (a stray key or a pasted tab)"
                )
            else:
                message = QT_TRANSLATE_NOOP(
                    "Identifiers",
                    "contains an invisible or direction-changing character ({character})",
                ).format(character=_label(char))
            return [Problem(field, message)]
    if len(text) > limit:
        message = QT_TRANSLATE_NOOP("Identifiers", "is {length} characters long; at most {limit}")
        return [Problem(field, message.format(length=len(text), limit=limit))]
    return []


def normal_text(text: str) -> str:
    """A name or free text as stored: canonical composition (NFC, which changes no
    visible character) and trimmed."""
    return unicodedata.normalize("NFC", text).strip()
