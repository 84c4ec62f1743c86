"""Text that looks the same is the same: one set of rules for identifiers and names.

Identifiers (MRN, bed, user name, regimen name) are what people type to find a record,
so two spellings that look alike must find the same one. They are normalised with NFKC
(full-width ``４Ａ`` is ``4A``, a no-break space is a space), every dash is the ASCII
hyphen-minus, runs of spaces are one space, and the ends are trimmed. Characters that
cannot be seen or that reorder what is shown (zero-width space and joiners, the byte
order mark, soft hyphen, the bidirectional embeddings, overrides, isolates and marks)
are refused with a message naming the field, never silently dropped.

Case rule: an MRN is stored upper-case, so ``mrn100231`` and ``MRN100231`` are one
patient; a user name is lower-case; a regimen and a bed keep the case typed but are
compared ignoring case. Names and free text keep what was typed (canonical NFC only) but
refuse control characters and bidirectional controls. See docs/identifiers.md.
"""

from __future__ import annotations

import re
import unicodedata

from wardchart.domain.problems import Problem

#: Bidirectional formatting characters (Unicode Standard Annex #9, section 2): they make
#: text display in an order other than the one it is stored in.
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
#: Invisible characters that are not format characters (category Cf) yet show nothing:
#: combining grapheme joiner, Hangul fillers, Khmer inherent vowels, Mongolian and
#: standard variation selectors (all Default_Ignorable_Code_Point in Unicode).
_OTHER_INVISIBLE = frozenset(
    "\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180e\u180f\u3164\uffa0"
    + "".join(chr(c) for c in range(0xFE00, 0xFE10))
)
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
        category = unicodedata.category(char)
        if category in ("Cf", "Cc", "Zl", "Zp", "Co", "Cs", "Cn"):
            return char
        if char in _OTHER_INVISIBLE:
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
                f"contains an invisible or direction-changing character ({_label(found)}); "
                "retype it without pasting",
            )
        ]
    folded = _fold(text)
    if len(folded) > limit:
        return [Problem(field, f"is {len(folded)} characters long; at most {limit}")]
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
            what = (
                "a control character (a stray key or a pasted tab)"
                if unicodedata.category(char) == "Cc"
                else f"an invisible or direction-changing character ({_label(char)})"
            )
            return [Problem(field, f"contains {what}")]
    if len(text) > limit:
        return [Problem(field, f"is {len(text)} characters long; at most {limit}")]
    return []


def normal_text(text: str) -> str:
    """A name or free text as stored: canonical composition (NFC, which changes no
    visible character) and trimmed."""
    return unicodedata.normalize("NFC", text).strip()
