"""A small sentence grammar that puts entities in every position, not just after cue words.

Templates teach "after 'my name is' comes a name"; a model trained only on them misses names
in subject position or mid-sentence. Here a sentence is subject + verb phrase + optional
adverbials, and any slot may hold an entity or an ordinary noun phrase, so the model must
rely on the shape of the words themselves as much as on their neighbours.
"""

from __future__ import annotations

SUBJECTS_PLAIN = ["I", "We", "My sister", "The manager", "Our teacher", "Someone", "Everyone",
                  "My neighbour", "The new guy", "Nobody", "The kids", "My boss", "They", "He", "She"]
SUBJECTS_ENTITY = ["{PER}", "{PER}", "{FIRST}", "{FIRST}", "{TITLE} {LAST}", "{LAST}", "{ORG}",
                   "{SCHOOL}", "My {REL} {FIRST}", "{FIRST} {LAST}"]

# verb phrases; {O} is an object slot filled by an entity or a plain noun phrase
VERBS = [
    "met {OP} {ADV}", "called {OP} {ADV}", "emailed {OP} about {THING}", "is waiting for {OP}",
    "visited {OG} {ADV}", "moved to {OG}", "lives in {OG}", "flew back from {OG}", "works for {OO}",
    "left {OO} last year", "sued {OO}", "is studying at {OS}", "teaches at {OS}", "hired {OP}",
    "sent {THING} to {OA}", "lives at {OA}", "married {OP}", "broke up with {OP}", "thanked {OP}",
    "was born in {OG}", "grew up near {OG}", "is friends with {OP}", "texted {OP} twice",
    "is meeting {OP} at {OO}", "wrote a letter to {OP}", "bought a house in {OG}", "is {NRP}",
    "speaks {NRP} at home", "invited {OP} and {OP}", "recommended {OO}", "complained about {OO}",
    "drove {OP} to {OG}", "is renting a room at {OA}", "transferred to {OS}", "reported {OP} to the police",
]
OBJ_PLAIN = {
    "OP": ["my friend", "the doctor", "a lawyer", "her cousin", "the new teacher", "someone", "them",
           "him", "her", "the landlord", "a colleague", "the team"],
    "OG": ["the city", "a small town", "the countryside", "the capital", "abroad", "the north",
           "the suburbs", "there", "the coast"],
    "OO": ["a startup", "the bank", "the company", "a bakery", "the council", "a big firm", "the store"],
    "OS": ["the local school", "college", "a university", "night school", "the academy"],
    "OA": ["the old house", "our place", "the office", "the new flat", "home"],
}
OBJ_ENTITY = {"OP": ["{PER}", "{FIRST}", "{TITLE} {LAST}", "{PER}"], "OG": ["{GPE}", "{CITY}", "{COUNTRY}", "{CITY}, {COUNTRY}"],
              "OO": ["{ORG}"], "OS": ["{SCHOOL}"], "OA": ["{ADDR}", "{STREET}"]}
ADVERBIALS = ["", "", "", "yesterday", "last week", "on {DAY}", "in {CITY}", "in {COUNTRY}",
              "at {ORG}", "with {FIRST}", "with {PER}", "near {STREET}", "after work", "again",
              "in the morning", "at the weekend", "before {DAY}", "for {FIRST}"]
WRAPPERS = ["{S}.", "{S}.", "{S}!", "{S}", "Did you know {s}?", "{PER} said {s}.", "Apparently {s}.",
            "I heard {s}.", "According to {PER}, {s}.", "Is it true that {s}?", "So {s}, right?",
            "lol {s}", "Not sure if {s}.", "{S}, and {s}.", "{S} but {s}.", "Breaking: {s}.",
            "FYI {s}", "Can you confirm {s}?", "{S}. {S}.", "Yesterday {s}."]


def compose(rng, plain_share: float = 0.45) -> str:
    """Return a template string (with {SLOTS}) for Generator.fill()."""

    def clause() -> str:
        subject = rng.choice(SUBJECTS_PLAIN if rng.random() < plain_share else SUBJECTS_ENTITY)
        verb = rng.choice(VERBS)
        for key in OBJ_PLAIN:
            while "{" + key + "}" in verb:
                pool = OBJ_PLAIN[key] if rng.random() < plain_share else OBJ_ENTITY[key]
                verb = verb.replace("{" + key + "}", rng.choice(pool), 1)
        verb = verb.replace("{ADV}", rng.choice(ADVERBIALS)).replace("  ", " ").strip()
        return f"{subject} {verb}"

    wrapper = rng.choice(WRAPPERS)
    while "{S}" in wrapper or "{s}" in wrapper:
        c = clause()
        if "{S}" in wrapper and (wrapper.index("{S}") < wrapper.index("{s}") if "{s}" in wrapper else True):
            wrapper = wrapper.replace("{S}", c, 1)
        else:
            lowered = c if c.startswith(("I ", "{")) else c[0].lower() + c[1:]
            wrapper = wrapper.replace("{s}", lowered, 1)
    return wrapper
