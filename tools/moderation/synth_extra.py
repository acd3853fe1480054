"""More seeded synthetic rows, built from parts, for what the dev set teaches worst.

Nested CV shows hate, harassment and violence are the categories the model misses (recall
0.1-0.35): their dev positives are rarely slurs or explicit threats but stereotypes,
conspiracy talk, roasts aimed at "you", and plain descriptions of injuries. Each generator
below composes a subject, a claim and a tail, so the embedding model sees the *meaning*
("a group is inferior", "you are worthless") in many wordings rather than one sentence.

Every positive family has a counter-speech twin built from the same parts: the claim quoted
to condemn it, reported as news, or asked about by someone who wants to answer it. Held-out
evaluation counts over-blocking of counter-speech, and only such near-miss negatives teach
that the claim's frame matters, not its words. No sexual content involving minors is ever
generated, not even as a training positive.
"""

from __future__ import annotations

import random

from synth import GROUPS, KEYS, PEOPLE

CLAIMS_HATE = [
    "are all lazy and live off our taxes", "are less intelligent, it's just genetics",
    "control the banks and the media", "bring nothing but crime and disease",
    "can't be trusted with any responsibility", "don't belong in this country",
    "are ruining every neighbourhood they move into", "are born criminals",
    "are a plague on decent society", "only care about money and scamming others",
    "are too stupid to vote and should lose the right", "breed like animals",
]
HATE_OPENERS = ["Honestly,", "Let's be real,", "Everyone knows", "Face it,", "It's a fact that",
                "Wake up people,", "", "Not being racist but"]
HATE_TAILS = ["", " Look at the statistics.", " Send them all back.", " Nobody wants to say it.",
              " Prove me wrong.", " Never hire one."]
COUNTER_FRAMES = [
    'Saying that {group} {claim} is a racist lie and I won\'t stay quiet about it.',
    'My uncle keeps saying {group} {claim}. How do I push back on that at dinner?',
    'The man was convicted of a hate crime after posting that {group} {claim}.',
    'Propaganda claiming that {group} {claim} was used to justify persecution.',
    'People who claim that {group} {claim} are spreading a myth; the research shows otherwise.',
    'I reported a post saying {group} {claim}. Hate like that has no place here.',
]

INSULTS = ["worthless", "pathetic", "a fat disgusting pig", "a braindead moron", "an ugly loser",
           "a waste of oxygen", "a useless idiot", "so stupid it hurts", "a creepy little freak"]
HARASS_FRAMES = [
    "You are {insult} and everyone knows it.", "Look at you, {insult}. No wonder nobody loves you.",
    "Shut up, you're {insult}.", "Honestly you're {insult}, do the world a favour and disappear.",
    "{person} is {insult} and I'm going to make sure the whole school knows.",
    "lmao you're {insult}, even your mom is embarrassed of you",
    "With a face like that you must be {insult}.",
    "Nobody would miss you if you vanished, you're {insult}.",
]
HARASS_COUNTER = [
    "Someone called me {insult} online and it really hurt. How do I deal with bullying?",
    "If a classmate tells you you're {insult}, that's bullying and you can report it.",
    "Stop calling people {insult}; it's cruel and it doesn't win the argument.",
    "I used to believe I was {insult} because of what bullies said. Therapy helped me see it.",
]

THREATS = [
    "I'm going to beat {person} until he can't walk.", "Someone needs to put a bullet in {person}.",
    "I'll stab you the next time I see you.", "Let's burn their mosque down tonight.",
    "If {person} shows up again I will break every bone in his face.",
    "They should all be lined up and shot.", "I hope {person} gets run over and dies slowly.",
    "We'll find where you live and make you pay.",
]
INJURIES = [
    "The bone snapped and came out through the skin, blood everywhere.",
    "His face was smashed in, teeth knocked out and one eye swollen shut.",
    "I landed on my hand and two fingers bent all the way back until they broke.",
    "The knife went deep into his stomach and his guts started coming out.",
    "After the crash her leg was twisted backwards and the skin was torn open to the bone.",
    "They beat him with a pipe until his skull cracked and he stopped moving.",
]
VIOLENCE_COUNTER = [
    "Police are investigating a stabbing downtown; the victim is in stable condition.",
    "The history class covered the causes of the First World War and its casualties.",
    "I finally killed the final boss after twenty tries, what a fight!",
    "The boxer won by knockout in the third round.",
    "If someone threatens to hurt you, tell a trusted adult or call the police.",
    "Threatening to kill someone is a crime, even as a joke online.",
    "He was arrested for threatening his neighbour and now has a restraining order.",
    "The film is violent, so it's rated 18; not one for the kids.",
]

SELFHARM = [
    "been cutting again, deeper this time, nobody knows", "relapsed tonight, 3 months clean gone",
    "I keep thinking about swallowing all my pills at once",
    "i purge after every meal, i deserve it",
    "I hit my head against the wall until it bleeds when I'm {feel}",
    "writing goodbye letters tonight, I'm done", "the only thing that calms me down is the blade",
]
SELFHARM_COUNTER = [
    "I haven't self-harmed in two years and wanted to share what helped: DBT and a good friend.",
    "If you're struggling with urges to hurt yourself, the crisis line is free, 24/7.",
    "As a nurse I see self-harm patients every week; please treat them with kindness.",
    "My daughter said she feels {feel}. We booked a therapist and I'm staying close.",
]
FEELINGS = ["numb", "empty", "worthless", "like a burden"]

# Everyday hyperbole with death and injury words: the lexicons and the static embedding put
# "die", "dead", "cut" and "kill" near self-harm, so the model needs to see them used lightly.
IDIOMS = [
    "I'm dead tired after that shift", "I would kill for a nap right now",
    "my phone battery is dead again", "we're cutting the budget for the party",
    "I nearly died laughing at that video", "this spicy curry is killing me",
    "my feet are killing me after the hike", "she cut her hair short for summer",
    "that exam was murder", "I'm dying to know how the series ends",
    "the team got slaughtered 5-0 last night", "he's drop dead gorgeous",
    "just shoot me a text when you land", "we need to cut the intro, it's too long",
    "the plants died because I forgot to water them", "that joke killed, everyone lost it",
    "I'd jump off a cliff for a week at the beach, kidding, but I need a holiday",
    "my arms are dead after leg day, wait, arm day", "we bled money on that project",
]
SURVIVAL = [
    "My aunt survived an overdose and now volunteers at a harm reduction centre.",
    "Two years since my suicide attempt. Life is not perfect but I'm glad I'm here.",
    "In the film, the main character's father dies by suicide and the family learns to grieve.",
    "Suicide rates among farmers are high; the charity runs free counselling for rural families.",
    "The old scars on my wrists remind me how far I've come since high school.",
    "Our support group meets on Thursdays for anyone recovering from self-harm.",
]


def _rows(texts: list[str], positive: tuple[str, ...]) -> list[dict]:
    return [{"prompt": t, **{k: int(k in positive) for k in KEYS}} for t in texts]


def generate_extra(rng: random.Random, n_per_family: int = 36) -> list[dict]:
    """Deterministic for the state of `rng`: positives and counter-speech twins."""
    def pick(options: list[str]) -> str:
        return rng.choice(options)

    def vary(text: str) -> str:
        return text.lower() if rng.random() < 0.3 else text

    rows: list[dict] = []
    for _ in range(n_per_family):
        group, claim = pick(GROUPS), pick(CLAIMS_HATE)
        text = f"{pick(HATE_OPENERS)} {group} {claim}.{pick(HATE_TAILS)}".strip()
        rows += _rows([vary(text)], ("H",))
        rows += _rows([vary(pick(COUNTER_FRAMES).format(group=group, claim=claim))], ())
        insult, person = pick(INSULTS), pick(PEOPLE)
        rows += _rows([vary(pick(HARASS_FRAMES).format(insult=insult, person=person))], ("HR",))
        rows += _rows([vary(pick(HARASS_COUNTER).format(insult=insult))], ())
        rows += _rows([vary(pick(THREATS).format(person=person))], ("V",))
        rows += _rows([vary(pick(VIOLENCE_COUNTER))], ())
        feel = pick(FEELINGS)
        rows += _rows([vary(pick(SELFHARM).format(feel=feel))], ("SH",))
        rows += _rows([vary(pick(SELFHARM_COUNTER).format(feel=feel))], ())
    for text in INJURIES:
        rows += _rows([text, text.lower()], ("V", "V2"))
    for text in IDIOMS:
        rows += _rows([text.capitalize() + pick([".", "!", " lol", " haha"])], ())
    rows += _rows(SURVIVAL, ())
    return rows
