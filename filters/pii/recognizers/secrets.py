"""Credentials pasted into a prompt: a password or PIN after its label, and the key shapes
of the services people most often paste keys of.

A password is not personal data in the narrow sense, but it opens the account that holds
it, and users paste them with the rest ("my username is X and my password is Y"). Two kinds:

* after a label ("password: hunter2", "my PIN is 4821", "pass: qwerty123", "api key = ..."): any run of
  non-space characters, unless it is an everyday word that says something about the
  password instead ("my password is wrong", "the PIN is incorrect"); right after the label
  with no "is" or colon, only a value holding a digit or a symbol ("password hunter2", not
  "secret Santa");
* a key whose shape names its issuer (OpenAI/Anthropic `sk-`, AWS `AKIA`, GitHub `ghp_`,
  Slack `xox?-`, Google `AIza`, Stripe `sk_live_`, a JSON Web Token, a PEM private key):
  these need no label, and their case matters, so this recognizer's patterns run without
  Presidio's default IGNORECASE (the labels carry their own).
"""

from __future__ import annotations

import re as stdlib_re

import regex as re
from presidio_analyzer import Pattern

from .common import common_words
from .windows import Anchor, AnchoredShapes, WordStarts

_LABEL = (r"(?i:pass\s?word|passwd|pwd|pass\s?code|pass\s?phrase|(?:pass|pw)(?=\s*[:=])|pin(?:\s?code)?|secret(?:\s+key)?"
          r"|api[\s_-]?key|(?:access|auth|bearer|api|refresh)[\s_-]?token|private[\s_-]?key)")
_LINK = r"(?i:\s+(?:is|was|=|:)|\s*[:=])\s*[\"'“‘`]?"
_VALUE = r"[^\s\"'“”‘’`,;]{4,128}?(?=[.!?)]*(?:[\s\"'“”‘’`,;]|$))"
_KEY_SHAPES = "|".join((
    r"sk-(?:proj-|ant-[a-z0-9]+-)?[A-Za-z0-9_-]{20,}",
    r"AKIA[0-9A-Z]{16}",
    r"gh[pousr]_[A-Za-z0-9]{36,}",
    r"xox[abprs]-[A-Za-z0-9-]{10,}",
    r"AIza[0-9A-Za-z_-]{35}",
    r"(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}",
    r"eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}",
))
_PRIVATE_KEY = r"-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----[\s\S]+?-----END (?:[A-Z]+ )*PRIVATE KEY-----"

# Each kind of pattern runs only around its own anchor: a label, a key's prefix, a key
# block's first line (which may run for kilobytes).
_ANCHORS = (
    # every label holds one of these stems at a word's start ("access token", "api_key"),
    # at most 16 characters after the label's own start
    Anchor(WordStarts(("pass", "pw", "pin", "secret", "api", "token", "key")), before=16, after=160),
    Anchor(stdlib_re.compile(r"sk-|AKIA|gh[pousr]_|xox[abprs]-|AIza|_live_|_test_|eyJ"), before=3, after=2048),
    Anchor(stdlib_re.compile(r"-----BEGIN"), before=0, after=16384),
)
# Labelled values start matching at their label (`\K` reports only what follows it): a
# look-behind would be tried at every position of the text.
_PATTERNS = (
    [Pattern("labelled secret", rf"\b{_LABEL}{_LINK}\K(?<![^\s\"'“‘`:=]){_VALUE}", 0.7),
     # "password hunter2": with no "is" or colon, only a value holding a digit or a symbol
     Pattern("label, then a secret",
             rf"\b{_LABEL}[ \t]+\K(?=[^\s\"'“”‘’`,;]*(?:[\d_]|[^\w\s\"'“”‘’`,;.!?)])){_VALUE}", 0.6)],
    [Pattern("key shape", rf"(?<![\w-])(?:{_KEY_SHAPES})(?![\w-])", 0.95)],
    [Pattern("private key block", _PRIVATE_KEY, 0.95)],
)


class CredentialRecognizer(AnchoredShapes):
    SHAPES = tuple(zip(_PATTERNS, _ANCHORS))

    def __init__(self) -> None:
        super().__init__(supported_entity="CREDENTIAL", name="CredentialRecognizer", global_regex_flags=re.MULTILINE)

    def invalidate_result(self, pattern_text: str) -> bool:
        """"my password is wrong", "the PIN is incorrect", "password: none": a word about the
        password, not the password (a password of everyday words has a digit or a capital)."""
        return pattern_text.isalpha() and pattern_text.islower() and pattern_text in common_words()
