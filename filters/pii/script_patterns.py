"""Patterns for names written in another script than the sentence around them (type
resolution's `retype_names.caseless_runs`, `cased_foreign_runs` and `caseless_types`): runs of
words in scripts without capitals, runs of capitalised Cyrillic, Greek or Armenian words among
English ones, and the English cues around them that say what such a run is."""

from __future__ import annotations

import regex as re

# Names in scripts without capitals (Han, kana, Hangul, Thai, Hebrew, Arabic, Devanagari...):
# the tagger never saw these scripts, and no case marks a name. Each run of such words is
# found once (`retype_names.caseless_runs`); the sentence around it says what it is.
_CASELESS_WORD = r"(?:(?![\p{Latin}\p{Cyrillic}\p{Greek}\p{Armenian}])\p{L}|\p{M})+"
_CASELESS_RUN = rf"{_CASELESS_WORD}(?:[ \t-]{_CASELESS_WORD}){{0,3}}"
CASELESS_SPAN = re.compile(rf"{_CASELESS_RUN}")
# A name in Cyrillic, Greek or Armenian inside an English sentence ("Remind Модест Соловьев to
# ...", "Invite Φραντζέσκα and her kids"): its capitals mark it, but the tagger never saw these
# scripts among English words, so the sentence says what it is, as for a caseless script.
_CASED_UPPER = r"[[\p{Cyrillic}\p{Greek}\p{Armenian}]&&\p{Lu}]"
_CASED_LOWER = r"[[\p{Cyrillic}\p{Greek}\p{Armenian}]&&[\p{Ll}\p{M}]]"
_CASED_WORD = rf"{_CASED_UPPER}{_CASED_LOWER}+(?:-{_CASED_UPPER}?{_CASED_LOWER}+)?"
CASED_FOREIGN_SPAN = re.compile(rf"(?<![\p{{L}}\p{{M}}]){_CASED_WORD}(?:[ \t]+{_CASED_WORD}){{0,2}}(?![\p{{L}}\p{{M}}])",
                                re.V1)
# The nearest words around such a run: English ones put it in an English sentence.
LATIN_WORD_BEFORE = re.compile(r"(?:^|[^\p{L}\p{M}])([A-Za-z]+)[^\p{L}\p{M}\n]*$")
LATIN_WORD_AFTER = re.compile(r"[^\p{L}\p{M}\n]*([A-Za-z]+)(?:[^\p{L}\p{M}]|$)")
NO_WORD_BEFORE = re.compile(r"(?:^|\n)[^\p{L}\p{M}\n]*$")
NO_WORD_AFTER = re.compile(r"[^\p{L}\p{M}\n]*(?:\n|$)")
# A letter such a run holds: without one (most non-ASCII text is Latin with accents) there is none.
CASELESS_LETTER = re.compile(r"[\p{Lo}\p{M}[\p{L}--[\p{Latin}\p{Cyrillic}\p{Greek}\p{Armenian}]]]", re.V1)
# Only a person is named so: "my name is", "call me".
NAMED_CASELESS_BEFORE = re.compile(r"(?i)\b(?:my\s+name\s+is|name's|call\s+me|this\s+is)\s+$")
# A person after a verb of talking, writing or helping, a greeting, or under a sign-off
# ("I talked to 中村 亮介", "Regards,\n中村 香織"), or a line's first words before "will", "said"
# ("山下 太一 will join the call").
PERSON_CASELESS_BEFORE = re.compile(
    r"(?i:\b(?:(?:talk(?:ed)?|spoke|speak(?:ing)?|forward\s+(?:this|it)|send\s+(?:this|it)|write|wrote|reply|replied"
    r"|say\s+hi|apologi[sz]e|note|letter|message)\s+to|with|without|dear|hi|hello|thanks|met|help|helped|remind"
    r"|invite|invited|congratulat(?:e|ing)|tell|told|ask|asked|thank|call|called|text|texted|miss|hug|by|tutor,"
    r"|friend,|neighbou?r\s+is|party\s+for|thank\s+you(?:\s+(?:so|very)\s+much)?,|thanks(?:\s+(?:so|very)\s+much)?,"
    r"|(?:award|prize|medal|trophy|credit)\s+(?:goes|go|went)\s+to|happy\s+(?:birthday|anniversary)\s+to"
    r"|congrat(?:s|ulations)\s+to|sorry|hey|yo|(?:friend|teacher|tutor|neighbou?r|classmate|crush|partner)\s+is"
    r"|(?:girl|boy|kid|student|classmate|teacher|coach|cousin|sister|brother|friend|neighbou?r),"
    r"|grandpa|grandma|granny|grandad|grandfather|grandmother|aunt|auntie|uncle|cousin|sister|brother|mom|mum|dad"
    r"|mr\.?|mrs\.?|ms\.?|miss|coach)[ \t]+"
    r"|\b(?:regards|best|cheers|sincerely|thanks),?[ \t]*\n[ \t]*)$")
LINE_START_BEFORE = re.compile(r"(?:^|\n)[ \t]*$")
SPEAKER_AFTER = re.compile(r"[ \t]+(?i:will|said|says|asked|wrote|joined|is\s+coming)\b")
# A place after "in", "to", "from" ("Is it raining in 南京市?", "We met in ნინოწმინდა").
PLACE_CASELESS_BEFORE = re.compile(r"(?i:\b(?:in|to|from|near|at|visit(?:ed|ing)?)[ \t]+)$")
# A person's verb after such a run ("李明 keeps interrupting me", "Last night शीला called me").
PERSON_VERB_AFTER_CASELESS = re.compile(
    r"[ \t]+(?i:keeps|kept|has|had|said|says|told|called|calls|wants|wanted|loves|loved|likes|coming|borrow|still"
    r"|scored|won|lent|gave|sent|texted|helped|asked|sleep[ \t]+over|come[ \t]+over|comes?|came|join(?:s|ed)?"
    r"|play(?:s|ed)?|visit(?:s|ed)?|lives|lived|moved|hates|hated|cried|laughed|and[ \t]+(?:i|her|his|me))\b"
    r"|['’]s[ \t]+(?i:mom|mum|dad|mother|father|sister|brother|wife|husband|birthday|presentation|essay|homework"
    r"|phone|number|house|address|email|party|project)\b")
# A word of another script asked about, not a name: "What does नमस्ते mean?", "say 谢谢".
ASKED_WORD_BEFORE = re.compile(r"(?i)\b(does|do|say|says|said|write|spell|pronounce|translate|word|mean|means)"
                               r"[ \t]+[\"'“«]?$")
ASKED_WORD_AFTER = re.compile(r"[\"'”»]?[ \t]+(?i:mean|means|meant|stand[ \t]+for)\b")
# A capitalised English word a tagger ran into a name of another script ("Sorry พันเทพ").
ONE_LATIN_WORD = re.compile(r"[A-Z][a-z]+[ \t]+")
