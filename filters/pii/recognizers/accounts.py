"""Usernames and social handles.

* an @handle not preceded by a word character (so e-mail addresses are not split);
* a value after a naming word and "is" or a colon ("username: kid_gamer07", "my ig is
  ...", "my Cash App is $samlee21"), ordinary words vetoed ("my username is not working");
* a value right after the naming word (`UnlinkedHandleRecognizer`: "my insta lilyrose"),
  which must look like a handle or be no dictionary word ("Instagram captions");
* a profile's link on a social or payment platform (`ProfileLinkRecognizer`);
* the account in a home directory's path ("C:\\Users\\mgonzalez\\", "/home/dkim/"), which
  pasted tracebacks and logs carry, and before "@" and a machine ("ssh dkim@10.0.0.5").
"""

from __future__ import annotations

import re as stdlib_re

import regex as re
from presidio_analyzer import Pattern

from .common import STOPWORDS, common_words, english_words
from .windows import Anchor, AnchoredShapes, WindowedPatternRecognizer, WordStarts

_PLATFORM = (
    r"(?:user\s*name|username|user\s*id|login|handle|nickname|nick|gamertag|screen\s*name|ig|insta"
    r"|instagram|twitter|tiktok|telegram|tg|discord|snapchat|snap|roblox|steam|minecraft|github"
    r"|reddit|twitch|youtube|xbox|psn|fortnite|wechat|weixin|skype|kik|line\s*id|kakao(?:talk)?|vk|facebook|fb"
    r"|linkedin|pinterest|threads|bluesky|spotify|soundcloud|duolingo|riot\s*id|valorant|genshin|battle\.?net"
    r"|cash\s*app|cashtag|venmo|zelle)"
)
_VALUE = r"[A-Za-z0-9_][A-Za-z0-9_.\-]{1,30}[A-Za-z0-9_](?:#\d{4})?"  # a sentence's full stop is no part of it
# where the name is used, between the naming word and its value: "my username on the course is"
_WHERE = r"(?:\s+(?:on|for|in|at)\s+(?:the\s+|my\s+|this\s+)?[\w-]{2,20}(?=\s+is\b))"


_PRONOUNS = frozenset("mine yours his hers ours theirs".split())  # "whats ur snapchat mine is ..."
_PLATFORM_WORDS = frozenset(
    "username user userid login handle nickname nick gamertag screen screenname ig insta instagram twitter "
    "tiktok telegram tg discord snapchat snap roblox steam minecraft github reddit twitch youtube xbox psn "
    "fortnite wechat weixin skype kik line lineid kakao kakaotalk vk facebook fb linkedin pinterest threads bluesky "
    "spotify soundcloud duolingo riot riotid valorant genshin battle battlenet battle.net cash cashapp cashtag venmo "
    "zelle".split())
# A handle starts at its "@" and runs at most 32 characters; a named value follows its naming
# word within a few words. Each shape runs only around its own anchor: an e-mail address's
# "@" gives the handle shape a few characters to read, not the naming shape's look-behinds.
_AT = Anchor(re.compile("@"), before=0, after=33, inside="@")
# A home directory's parent in Windows, macOS and Linux paths; a JSON-escaped path doubles
# its backslashes ("C:\\\\Users\\\\..."). The account is the next part of the path.
# Opening with the separator, a rare character, keeps the scan of a text with no path cheap.
_HOME_PARENT = Anchor(stdlib_re.compile(r"[\\/](?:[Uu]sers|USERS|[Hh]ome|HOME|[Dd]ocuments and [Ss]ettings)[\\/]"),
                      before=4, after=40)
_SEP = r"(?:\\{1,2}|/)"
_NAMING_WORD = Anchor(re.compile(rf"\b{_PLATFORM}\b", re.IGNORECASE), before=0, after=60, lowercase=True,
                      words=_PLATFORM_WORDS)


class UsernameRecognizer(AnchoredShapes):
    SHAPES = (
        ([Pattern("@handle", r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,30}[A-Za-z0-9_])?(?![\w@])", 0.7),
          # an account at a machine, not an e-mail address: an IPv4 address or a one-word host
          Pattern("account@machine", r"(?<![\w.@%+-])[A-Za-z_][\w.-]{0,30}[\w](?=@(?:(?:\d{1,3}\.){3}\d{1,3}"
                                     r"(?![\d.]|\.\d)|[A-Za-z][\w-]*(?![\w.@-]|\.\w)))", 0.6)], _AT),
        ([Pattern("home directory", rf"(?<=(?<![^\s\"'`(=:,\[])(?:[A-Za-z]:)?{_SEP}(?i:users|home|documents and settings)"
                                    rf"{_SEP})[^\\/\s\"'`:;<>|*?%$]{{2,64}}(?={_SEP})", 0.8)], _HOME_PARENT),
        ([Pattern("naming word + value",
                  rf"(?<=[\s:=@$\-])(?<=\b{_PLATFORM}(?:\s+(?:name|account|id|handle|user|username|tag))?{_WHERE}?(?:\s+mine)?\s*(?:is|:|=|-)\s*(?:@|\$)?)(?<![\w.]){_VALUE}(?![\w@])",
                  0.6)], _NAMING_WORD),
    )
    CONTEXT = ["username", "user", "handle", "account", "login", "profile", "follow"]

    def __init__(self) -> None:
        super().__init__(supported_entity="USERNAME", name="UsernameRecognizer", context=self.CONTEXT)

    def invalidate_result(self, pattern_text: str) -> bool:
        value = pattern_text.lstrip("@").lower()
        return value in common_words() or value in STOPWORDS or value in _PRONOUNS or value.isdigit() and len(value) < 3


class UnlinkedHandleRecognizer(WindowedPatternRecognizer):
    """A handle right after its platform with no "is" or colon between ("my insta
    lily.rose_12", "youtube andrzej"): the same shape as a value after "is", but "Instagram
    captions", "handle coins", "fortnite sucks" read so too, so a plain word must be no
    dictionary word; a digit, "_", "." or an inner capital make it a handle whatever it spells."""

    PATTERNS = [Pattern("naming word, then a handle",
                        rf"(?<=[\s$])(?<=\b{_PLATFORM}(?:\s+(?:name|account|id|handle|user|username|tag))?\s+(?:@|\$)?)"
                        rf"(?<![\w.]){_VALUE}(?![\w@])", 0.6)]
    ANCHOR = _NAMING_WORD

    def __init__(self) -> None:
        super().__init__(supported_entity="USERNAME", name="UnlinkedHandleRecognizer", patterns=self.PATTERNS,
                         context=UsernameRecognizer.CONTEXT)

    def invalidate_result(self, pattern_text: str) -> bool:
        value = pattern_text.lstrip("@")
        if re.search(r"[\d_.]", value) or re.search(r"\B[A-Z]", value):
            return UsernameRecognizer.invalidate_result(self, pattern_text)  # the same vetoes
        return value.lower() in english_words() or UsernameRecognizer.invalidate_result(self, pattern_text)


# A profile's address on a social platform names its owner as its handle does
# ("instagram.com/lily.rose_2012", "linkedin.com/in/jane-doe-12345"): a tenant that redacts
# usernames and not links had let the handle through inside the link.
_PROFILE_DOMAINS = (r"(?:instagram\.com|facebook\.com|fb\.com|twitter\.com|x\.com|tiktok\.com|linkedin\.com"
                    r"|github\.com|gitlab\.com|youtube\.com|t\.me|vk\.com|snapchat\.com|reddit\.com|twitch\.tv"
                    r"|pinterest\.com|threads\.net|medium\.com|soundcloud\.com|roblox\.com|steamcommunity\.com"
                    r"|paypal\.me|venmo\.com|cash\.app)")
_NOT_A_PROFILE = ("watch|results|embed|shorts|feed|explore|p|reel|reels|hashtag|search|login|signup|about|help|"
                  "settings|home|i|intent|share|sharer|events|playlist|jobs|company|school|groups|pages|games|"
                  "topics|trending|legal|privacy|terms|docs|r|s|tag|tags|discover|marketplace")


class ProfileLinkRecognizer(WindowedPatternRecognizer):
    PATTERNS = [Pattern(
        "profile link",
        rf"(?<![\w.-])(?:https?://)?(?:www\.|m\.|mobile\.)?{_PROFILE_DOMAINS}/"
        rf"(?:(?:in|user|u|add|users|profile|id|channel|c)/|@)?(?!(?:{_NOT_A_PROFILE})(?![\w.-]))"
        r"[@$]?[A-Za-z0-9_][A-Za-z0-9_.\-]{1,59}(?<![.-])/?(?![\w/-]|\.\w)", 0.85)]
    ANCHOR = Anchor(WordStarts(("instagram.com", "facebook.com", "fb.com", "twitter.com", "x.com", "tiktok.com",
                                "linkedin.com", "github.com", "gitlab.com", "youtube.com", "t.me", "vk.com",
                                "snapchat.com", "reddit.com", "twitch.tv", "pinterest.com", "threads.net",
                                "medium.com", "soundcloud.com", "roblox.com", "steamcommunity.com", "paypal.me",
                                "venmo.com", "cash.app")),
                    before=0, after=120)  # the scheme and "www." before the domain: its whitespace-free run

    def __init__(self) -> None:
        super().__init__(supported_entity="USERNAME", name="ProfileLinkRecognizer", patterns=self.PATTERNS,
                         global_regex_flags=re.IGNORECASE)

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):  # noqa: D102, ANN001
        lower = text.lower()  # every profile domain ends so, with its path after it: five finds, not 24
        if not any(end in lower for end in (".com/", ".tv/", ".me/", ".net/", ".app/")):
            return []
        return super().analyze(text, entities, nlp_artifacts, regex_flags)

    def validate_result(self, pattern_text: str) -> bool:
        """The platform's domain says what the path is: the link is its owner's handle, and
        outranks the same span read as a mere link."""
        return True
