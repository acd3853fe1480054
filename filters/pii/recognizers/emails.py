"""E-mail addresses written so that scrapers miss them: "john dot smith at gmail dot com",
"jane(at)example(dot)org", "ana [at] mail [dot] kz". People write them so in chat and forms
exactly when they care who reads them; Presidio's e-mail pattern needs the "@".

The spelled-out form needs " dot " before a known top-level domain at its end, so that
"meet at noon" or "look at the dot" are no address; a bracketed "(at)" is distinctive
enough with real dots after it.
"""

from __future__ import annotations

from presidio_analyzer import Pattern

from .windows import Anchor, AnchoredShapes, Substrings, WordStarts

_AT = r"(?:\s*[(\[{<]\s*at\s*[)\]}>]\s*|\s+at\s+|\s*@\s*)"
_DOT = r"(?:\s*[(\[{<]\s*dot\s*[)\]}>]\s*|\s+dot\s+)"
_TLD = r"(?:com|org|net|edu|gov|mil|int|info|biz|io|co|me|us|uk|ca|au|de|fr|es|it|nl|ru|kz|ua|pl|in|jp|cn|br)"
_LOCAL = r"(?<![\w.+-])[A-Za-z0-9][\w+-]*(?:(?:\.|" + _DOT + r")[\w+-]+)*"
_DOMAIN_PART = r"[A-Za-z0-9][\w-]*"
_PROVIDERS = ("gmail", "googlemail", "yahoo", "hotmail", "outlook", "live", "icloud", "aol", "proton", "protonmail",
              "gmx", "yandex", "mail", "inbox", "bk", "list", "rambler", "web", "ukr", "i")
_MAIL_PROVIDER = "(?:" + "|".join(_PROVIDERS) + ")"


class ObfuscatedEmailRecognizer(AnchoredShapes):
    SHAPES = (
        ([Pattern("spelled-out e-mail",
                  rf"{_LOCAL}{_AT}{_DOMAIN_PART}(?:(?:\.|{_DOT}){_DOMAIN_PART})*{_DOT}{_TLD}(?![\w-])", 0.75),
          Pattern("bracketed at, real dots",
                  rf"{_LOCAL}\s*[(\[{{<]\s*at\s*[)\]}}>]\s*{_DOMAIN_PART}(?:\.{_DOMAIN_PART})*\.{_TLD}(?![\w-])", 0.75)],
         # a "dot" word or a bracketed "at"; a local part and a domain of forty characters or so before it
         Anchor(WordStarts(("dot", "(at", "[at", "{at", "<at", "( at", "[ at")), before=80, after=80)),
        # "john at gmail.com", "john @ gmail.com": a word "at" or a spaced "@" before a mail
        # provider's domain (not "I work at google.com"). Anchored on the provider after a
        # space: a plain "x@gmail.com" (most prompts' addresses) opens no window.
        ([Pattern("at or spaced @, a mail provider",
                  rf"{_LOCAL}(?:\s+at\s+|\s+@\s*|\s*@\s+){_MAIL_PROVIDER}\.{_TLD}(?:\.{_TLD})?(?![\w-])", 0.75)],
         Anchor(Substrings(tuple(f" {p}." for p in _PROVIDERS) + (" @", "@ ")),
                before=80, after=40)),
    )

    def __init__(self) -> None:
        super().__init__(supported_entity="EMAIL_ADDRESS", name="ObfuscatedEmailRecognizer")
