"""Values under a field's name in text a user pasted: JSON, code, logs, query strings, forms.

`{"firstName": "Priya", "lastName": "Raman"}`, `login failed for user=mwilliams`, a
line `Date of birth: 14/07/2009`: the field's name says what its value is (fields.py, the
names an app's function arguments use), where the value alone says little ("Raman" is a
surname nobody capitalised into a sentence, "mwilliams" no word at all). A value counts
when it is quoted, follows `=`, or fills the rest of a line that opens with its field's
name; a `key: value` inside a sentence is left to the other recognizers, which read the
sentence ("Name: Emily Zhang. Phone: ...").

Only the separators are searched for (`str.find`), then the name before each and the
value after it are matched there: most prompts hold none.
"""

from __future__ import annotations

import regex as re
from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult

from ..fields import field_kind, field_type

_SCORE = 0.85
# a field's name right before the separator: in code or JSON, after a brace, comma, space or `&`
_KEY_BEFORE = re.compile(r"""(?:^|(?<=[\s{,;&?(\[]))["'`]?([A-Za-z][\w.-]{0,39})["'`]?[ \t]*$""")
# a form's label opening its line, words allowed ("Date of birth:")
_LINE_KEY_BEFORE = re.compile(r"(?:^|(?<=\n))[ \t>*-]*([A-Za-z][A-Za-z0-9_ .-]{0,39}?)[ \t]*$")
_QUOTED = re.compile(r"""[ \t]*(?:"([^"\n\\]{1,200})"|'([^'\n\\]{1,200})')""")
_TOKEN = re.compile(r"""[ \t]*([^\s,;&"'`{}\[\]()<>|]{1,200})""")
_REST_OF_LINE = re.compile(r"[ \t]*([^\n]{1,200}?)[ \t,;]*(?=\n|$)")
_ANY = re.compile(r".+")


# What each type's value looks like, so that a field's name in prose ('summarise this
# email: "Hi Kevin, ..."') types nothing: one token for handles, secrets and addresses of
# mail; digits where the type is a number. Card numbers, IBANs and SSNs are left to their
# own recognizers, whose check digits a field's name must not overrule.
_TOKEN_KINDS = frozenset({"EMAIL_ADDRESS", "USERNAME", "CREDENTIAL", "IP_ADDRESS"})
_SHAPES = {
    "EMAIL_ADDRESS": re.compile(r"[^\s@]+@[^\s@]+"),
    "PHONE_NUMBER": re.compile(r"[+(]?\d(?:[\d \t().\-/]*\d){6,}"),
    "IP_ADDRESS": re.compile(r"[\d.]{7,15}|[0-9A-Fa-f:]{3,39}"),
    "DATE_OF_BIRTH": re.compile(r"(?=.*\d)[\w ,./-]{4,40}"),
    "PASSPORT": re.compile(r"(?=.*\d)[\w -]{5,30}"),
    "ID_NUMBER": re.compile(r"(?=.*\d)[\w -]{3,30}"),
    "USERNAME": re.compile(r"\S{2,64}"),
    "CREDENTIAL": re.compile(r"\S{3,128}"),
    "LOCATION": re.compile(r"[^.!?\n]{2,60}"),
    "SCHOOL": re.compile(r"[^.!?\n]{2,80}"),
    "STREET_ADDRESS": re.compile(r"(?=.*(?:\d|\w\s+\w))[^\n]{4,200}"),
}


class FieldValueRecognizer(EntityRecognizer):
    """Values that their field's name types, in pasted JSON, code, logs and forms."""

    def __init__(self, entities: set[str]) -> None:
        """`entities`: the types the engine's other recognizers find. A field's name adds to
        what they find; it does not make a type the engine cannot read in prose
        (names, in a language without a pipeline) look supported."""
        super().__init__(supported_entities=sorted(entities & set(_SHAPES) | entities & {"PERSON"}),
                         name="FieldValueRecognizer")

    def load(self) -> None:  # noqa: D102 - nothing to load
        pass

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102, ANN001 - Presidio's signature
        wanted = set(entities)
        results = []
        for sep in ":=":
            at = text.find(sep)
            while at > 0:
                found = self._value_at(text, at, sep)
                if found is not None and found[0] in wanted:
                    results.append(self._result(*found))
                at = text.find(sep, at + 1)
        return results

    @staticmethod
    def _value_at(text: str, at: int, sep: str) -> tuple[str, int, int] | None:
        if text.startswith(("//", "=", ":"), at + 1) or text[at - 1] in "=:!<>":
            return None  # "https://", "==", ":=", "!="
        head = text[max(0, at - 42):at]
        key = _KEY_BEFORE.search(head)
        line_key = _LINE_KEY_BEFORE.search(head) if sep == ":" and (at <= 42 or "\n" in head) else None
        name = key.group(1) if key is not None and field_kind(key.group(1)) else None
        if name is None and line_key is not None and field_kind(line_key.group(1)):
            name = line_key.group(1)
        if name is None:
            return None
        value = _QUOTED.match(text, at + 1)
        group = 1 if value is not None and value.group(1) is not None else 2
        if value is None:
            at_line_start = line_key is not None and line_key.group(1).endswith(name)
            value, group = (_REST_OF_LINE.match(text, at + 1) if at_line_start and sep == ":"
                            else _TOKEN.match(text, at + 1) if sep == "=" else None), 1
        if value is None:
            return None
        start, end = value.span(group)
        kind = field_type(name, text[start:end])
        if kind in _TOKEN_KINDS and group == 1 and value.re is _REST_OF_LINE:
            end = start + len(text[start:end].split()[0])  # "user: anna_k pass: ...": its first word
        shape = _ANY if kind == "PERSON" else _SHAPES.get(kind or "")  # a name's shape: field_type's
        if shape is None or not shape.fullmatch(text, start, end):
            return None
        return kind, start, end

    def _result(self, kind: str, start: int, end: int) -> RecognizerResult:
        explanation = AnalysisExplanation(recognizer=self.name, original_score=_SCORE, pattern_name="field name")
        return RecognizerResult(kind, start, end, _SCORE, analysis_explanation=explanation,
                                recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                                      RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id})
