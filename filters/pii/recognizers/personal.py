"""Ages and dates of birth: the identifiers that matter most for minors' safety.

Spans cover only the value ("12" in "I'm 12"), so redaction keeps the sentence readable.
The lookaheads refuse numbers followed by a unit ("I'm 12 minutes late", "5 feet").
"""

from __future__ import annotations

import re as stdlib_re

import regex as re
from presidio_analyzer import Pattern, PatternRecognizer

from .windows import Anchor, AnchoredShapes, WindowedPatternRecognizer, WordStarts

_UNITS = (
    r"(?!\s*(?:%|\$|€|£|[.,:/]\d|percent|minutes?|mins?|hours?|hrs?|h\b|seconds?|secs?|days?"
    r"|weeks?|months?|km|kms|miles?|mi\b|kg|kgs|lbs?|pounds?|dollars?|euros?|bucks|points?|pts"
    r"|cm|mm|m\b|ft|feet|foot|inch|inches|in\b|times?|th\b|st\b|nd\b|rd\b|am\b|pm\b|o'?clock"
    r"|people|items?|pages?|degrees?|euro|usd|kzt|tenge|rubles?|years? (?:ago|late|behind)|%))"
)
_SUBJECT = (r"(?:i'?m|i\s+am|im|he'?s|she'?s|he\s+is|she\s+is|they'?re|you'?re|turning|turned|turns|aged|age"
            r"|age\s+of|age\s*:|is\s+now|am\s+now|i\s+was|he\s+was|she\s+was|just\s+turned"
            r"|(?:'ll|will|to|gonna|i|we|you|he|she|they)\s+turn"  # "I'll turn 10", "when she turns 7"
            r"|(?:i|he|she|we|you|they)(?:'ll|\s+will|\s+am\s+gonna)\s+be)")  # "and I'll be 9", not "it will be 1"
# "Explain it like I'm five": an age the asker pretends to, not theirs.
_NOT_AS_IF = r"(?<!\b(?:like|as\s+if|as\s+though)\s+(?:i'?m|i\s+am|im|i\s+was)\s*)"
# Ages in words, as children write them: "I'm eleven", "twelve years old", "twenty-one".
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_AGE_WORD = (rf"(?:{_TENS}(?:[\s-]?(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven"
             r"|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)")


_NUMBER_WORDS = frozenset(
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen "
    "nineteen twenty thirty forty fifty sixty seventy eighty ninety".split())


class AgeRecognizer(AnchoredShapes):
    """Ages in digits (whole text, when it holds a digit) and in words (around a number
    word only, read off the doc's tokens: a case-blind alternation of number words tried at
    every position cost 250 µs per KB)."""

    SHAPES = (
        ([Pattern("N years old", r"(?<!\d)\d{1,3}(?=[\s-]*(?:years?|yrs?|y/o)[\s-]*(?:old|of\s+age)\b)", 0.85),
          Pattern("N yo", r"(?<!\d)\d{1,2}(?=\s*(?:y\.o\.?|yo|y/o)(?!\w))", 0.75),
          Pattern("I'm N", rf"(?=\d)(?<!\d)(?<=\b{_SUBJECT}\s*){_NOT_AS_IF}\d{{1,3}}\b{_UNITS}(?![\w-])", 0.6),
          Pattern("N-year-old", r"(?<!\d)\d{1,3}(?=-year-old)", 0.85)],
         Anchor(stdlib_re.compile(r"\d"), max_windows=0)),  # any digit: the whole text, once
        ([Pattern("N in words, years old", rf"(?<![\w-]){_AGE_WORD}(?=[\s-]*(?:years?|yrs?)[\s-]*(?:old|of\s+age)\b)", 0.85),
          # not "one" ("I'm one of them", "she's one tough kid")
          Pattern("I'm N in words",
                  rf"(?<=\b{_SUBJECT}\s*){_NOT_AS_IF}(?!one\b){_AGE_WORD}(?![\w-]){_UNITS}(?!\s+(?:of|more|times|hours|days))", 0.6)],
         Anchor(re.compile(rf"(?i)\b(?:{'|'.join(sorted(_NUMBER_WORDS))})", re.IGNORECASE), before=40, after=40,
                lowercase=True, words=_NUMBER_WORDS)),
    )
    CONTEXT = ["age", "old", "years", "birthday", "turning", "grade"]

    def __init__(self) -> None:
        super().__init__(supported_entity="AGE", name="AgeRecognizer", context=self.CONTEXT)

    def validate_result(self, pattern_text: str) -> bool | None:
        if not pattern_text.isdigit():
            return None  # an age in words: its pattern holds only plausible ones
        return None if 1 <= int(pattern_text) <= 120 else False


_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DATE = (
    r"(?:\d{1,2}[./-]\d{1,2}[./-](?:19|20)?\d{2}"
    r"|(?:19|20)\d{2}[./-]\d{1,2}[./-]\d{1,2}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(?:19|20)\d{{2}}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}"
    rf"|{_MONTH}\s+(?:19|20)\d{{2}}"  # "born in March 2014"
    r"|\d{1,2}[./-]\d{1,2}(?![./-]?\d)"  # "my b-day is 5/17": after a birth word, a day and month
    r"|(?:19|20)\d{2})"
)
_BIRTH = (r"(?:born(?:\s+on|\s+in)?|date\s+of\s+birth|birth\s*date|birthdate|d\.?o\.?b\.?|birthday(?:\s+is)?|bday|b-day"
          r"|turn(?:s|ing)?\s+\d{1,2}\s+on"  # "I'm turning 16 on 03/09": the birthday
          # "born in Hanoi on 12/05/1998": the place of birth between
          r"|born\s+(?:in|at)\s+(?-i:\p{Lu}[\p{L}'’.-]*(?:[ \t]*,?[ \t]+\p{Lu}[\p{L}'’.-]*){0,3}),?\s+on)")


class DateOfBirthRecognizer(WindowedPatternRecognizer):
    PATTERNS = [Pattern("birth word + date",
                        rf"(?=[\dJFMASONDjfmasond])(?<![\w])(?<=\b{_BIRTH}\s*(?:is\s+|was\s+|[:\-=]\s*)?(?:on\s+)?(?:the\s+)?)"
                        rf"{_DATE}(?![\w])", 0.85)]
    CONTEXT = ["born", "birth", "dob", "birthday"]
    # The date follows the birth word: within 60 characters of the word's end, and a place
    # of birth may stand between ("born in Hanoi, Vietnam on"), so a stem's window reaches
    # 160. Stems found by `str.find` at a word's start, not a case-blind alternation tried at
    # every position (25 µs per KB).
    ANCHOR = Anchor(WordStarts(("born", "date", "birth", "dob", "d.ob", "do.b", "d.o.b", "bday", "b-day", "turn")),
                    before=0, after=160)

    def __init__(self) -> None:
        super().__init__(
            supported_entity="DATE_OF_BIRTH", name="DateOfBirthRecognizer",
            patterns=self.PATTERNS, context=self.CONTEXT,
        )
