"""Seeded synthetic training texts written for this project.

Two jobs: (1) negatives the dev set has too few of, so the model does not learn "mentions
suicide / a slur / killing => unsafe": counter-speech, support and crisis-line talk, news and
history, medicine, cooking and computing idioms ("kill the process"); (2) plain positives in
words the dev set never used, so recall does not hinge on its exact vocabulary. Texts are
short, templated and varied by slot filling; every one carries all eight dev-set keys.
"""

from __future__ import annotations

import random

KEYS = ("S", "H", "V", "HR", "SH", "S3", "H2", "V2")

GROUPS = ["Muslims", "Jews", "Black people", "immigrants", "Mexicans", "gay people", "trans people",
          "women", "Asians", "refugees", "Christians", "Hindus", "Roma", "Arabs", "disabled people"]
PEOPLE = ["my neighbour", "my coworker", "my brother", "that guy", "my classmate", "my ex",
          "the new teacher", "a stranger", "my friend", "our manager"]
FEELINGS = ["empty", "numb", "hopeless", "exhausted", "worthless", "alone", "like a burden", "trapped"]

POSITIVE_TEMPLATES: dict[str, list[str]] = {
    "SH": [
        "I want to kill myself. I {feel} and nothing will ever get better.",
        "I've been cutting myself again, the urges are back and I {feel}.",
        "Tonight I'm going to end it all, everyone would be better off without me.",
        "How many pills would it take to overdose? I just want to stop feeling {feel}.",
        "I keep hurting myself with a razor so I can feel something other than {feel}.",
        "I relapsed and cut my thighs last night, I hide the scars under long sleeves.",
        "I don't want to live anymore. I've been thinking about ways to do it.",
        "what's the most painless way to die, asking for myself",
        "I burned myself with a lighter again, it's the only thing that helps when I feel {feel}.",
        "I wrote a suicide note today. I {feel} and I'm tired of fighting.",
        "Every night I think about jumping off the bridge near my house.",
        "I starve myself and purge because I deserve to be punished.",
        "i just wanna die honestly, no point in living like this",
        "She decided she would take her own life that night, the pills lined up on the table.",
        "how do I cut deeper without anyone noticing",
        "I hit myself until I bruise when I feel {feel}.",
    ],
    "V": [
        "I'm going to find {person} and beat him until he can't stand up.",
        "Someone should shoot those protesters, every last one of them.",
        "I will kill you if you ever come near my house again.",
        "Let's burn their houses down and watch them run.",
        "He deserves to be stabbed for what he did.",
        "Bring a gun tomorrow and we'll make them pay.",
        "I hope somebody puts a bullet in that politician's head.",
        "We should hang every traitor from the nearest tree.",
    ],
    "V2": [
        "His skull was cracked open and his brains were splattered across the pavement.",
        "The body was dismembered and the guts were spilling out onto the floor.",
        "They skinned him alive and left the flesh rotting in the sun.",
        "Blood poured from the severed arm and the bone stuck out of the torn flesh.",
    ],
    "HR": [
        "You are a worthless idiot and nobody likes you.",
        "Shut up you stupid bitch, you're so pathetic.",
        "Go kill yourself, loser, the world would be better without you.",
        "You're an ugly fat pig and everyone laughs at you behind your back.",
        "Nobody asked for your opinion, moron. Crawl back into your hole.",
        "lol you're so dumb, did your mom drop you on your head",
        "{person} is a disgusting creep and I'm going to make his life hell.",
        "You absolute dipshit, how can anyone be this brainless.",
    ],
    "H": [
        "{group} are vermin and they are ruining this country.",
        "{group} are filthy animals who breed like rats.",
        "I can't stand {group}, they are all subhuman trash.",
        "{group} are parasites who should go back where they came from.",
        "Never trust {group}, they are all liars and criminals by nature.",
        "{group} are a disease on society.",
    ],
    "H2": [
        "{group} should be exterminated like the cockroaches they are.",
        "Kill all {group}, wipe them out before they outbreed us.",
        "{group} deserve to die, round them up and shoot them.",
        "We need to gas the {group} and be done with them.",
    ],
    "S": [
        "I want to fuck you so hard tonight, send me nudes.",
        "Hot naked milf sucking cock, free porn videos xxx.",
        "She spread her legs and he licked her wet pussy until she came.",
        "Watch free hardcore sex videos, horny sluts waiting for you.",
        "Come to my room baby, I will show you my tits and make you cum.",
    ],
}
EXTRA_KEYS = {"H2": ("H", "V"), "V2": ("V",)}

NEGATIVE_TEMPLATES = [
    # counter-speech against hate
    "Calling {group} vermin or animals is hateful and wrong, and we should say so every time.",
    "Racism against {group} is unacceptable. Judge people by what they do, not where they come from.",
    "I reported the comment that called {group} subhuman. Hate speech has no place here.",
    "Stop spreading the lie that {group} are criminals; the statistics say otherwise.",
    "My grandmother survived the Holocaust, and she taught me to stand up against hate toward anyone.",
    "If you hear someone use a slur against {group}, speak up and support the person targeted.",
    "Our school ran a workshop on discrimination against {group} and how to be an ally.",
    "The article explains how propaganda dehumanized Jews before the genocide.",
    # support, prevention, education about self-harm and suicide
    "If you are thinking about suicide, please reach out. You are not alone, call or text 988.",
    "I'm worried about my friend who has been self-harming. How can I support her?",
    "Suicide prevention training teaches teachers to notice warning signs and ask directly.",
    "The study found that suicide rates among teenagers fell when schools offered counseling.",
    "I've been in recovery from self harm for three years and therapy really helped me.",
    "What should I say to someone who tells me they feel {feel} and want to give up?",
    "Samaritans and crisis lines are free and confidential, you can talk to someone tonight.",
    "The novel deals with grief and depression, and the author handles the theme of suicide with care.",
    # news, history, sport and medicine that mention violence
    "Police said two people were injured in the shooting and a suspect was arrested.",
    "The documentary covers the history of the war and the massacre of civilians in 1944.",
    "Historians estimate the battle killed more than ten thousand soldiers.",
    "The surgeon had to cut through the tendon to repair the torn ligament.",
    "He broke his wrist playing football and needs a cast for six weeks.",
    "Self-defence classes teach women how to escape a choke hold.",
    "The court sentenced him to life in prison for the murder of his business partner.",
    "Trigger warning: this podcast episode discusses domestic violence and where to find help.",
    # idioms and everyday use of violent words
    "Kill the process with Ctrl+C and then restart the server.",
    "This song absolutely kills, I've had it on repeat all day.",
    "Cut the onions into thin slices and fry them until golden.",
    "I'm dying to see the new movie, the trailer looked amazing.",
    "Shoot me an email when you get the report done.",
    "We were just killing time at the airport before our flight.",
    "That comedian murdered the crowd last night, I was crying laughing.",
    "The git command will cut a new release branch and tag it.",
    "I could kill for a coffee right now.",
    "My knife skills got so much better after the cooking class.",
    "The hunters field dressed the deer and brought the meat home.",
    # sex education, health, dating (not explicit)
    "Sex education at school should cover consent and contraception.",
    "How do I talk to my teenager about online safety and predators?",
    "My doctor said the breast exam results were normal.",
    "We've been dating for a year and are thinking about moving in together.",
    "Parents should report child sexual abuse material to the authorities immediately.",
    # plain arguments, rude but not harassment
    "I completely disagree with your argument, the data doesn't support it.",
    "That referee made some terrible calls, what a frustrating game.",
    "Politicians on both sides are failing the people who elected them.",
    "Damn, this traffic is awful today. I'm going to be late again.",
    "The movie was a bit boring, but the soundtrack was great.",
]

# Support-seeking and educational talk about self-harm, built from parts so the model sees
# the helper's voice in many forms (it must not answer a worried friend with a crisis script).
RELATIONS = ["my friend", "my sister", "my brother", "my son", "my daughter", "one of my students",
             "my partner", "my coworker", "my best friend", "a kid in my class"]
BEHAVIOURS = ["has been self-harming", "told me she cuts herself", "said he is thinking about suicide",
              "has fresh scars on her arms", "attempted suicide last year", "talks about not wanting to live",
              "has been struggling with an eating disorder", "admitted to burning himself"]
ASKS = ["How can I support them?", "What should I say without judging?", "Where can we find help?",
        "How do I bring it up gently?", "Should I tell a teacher or a doctor?",
        "I want to help but I don't know how."]
EDUCATION = [
    "Warning signs of suicide include talking about being a burden, withdrawing and giving away belongings.",
    "Self-harm is often a way of coping with overwhelming emotions; therapy such as DBT can help.",
    "If someone tells you they are suicidal, stay with them, listen, and call a crisis line together.",
    "The school counselor gave a talk about self-harm awareness and where students can get help.",
    "Research shows that asking someone directly about suicide does not put the idea in their head.",
    "Our hospital trains nurses to care for patients who were admitted after self-harm.",
]


def _support_rows(rng: random.Random, n: int) -> list[dict]:
    rows = []
    for _ in range(n):
        text = f"{rng.choice(RELATIONS).capitalize()} {rng.choice(BEHAVIOURS)}. {rng.choice(ASKS)}"
        rows.append({"prompt": text, **{k: 0 for k in KEYS}})
    for text in EDUCATION:
        rows.append({"prompt": text, **{k: 0 for k in KEYS}})
    return rows


FILLERS = ["", " Honestly.", " Thoughts?", " Just saying.", " Anyway.", " Please help.", " idk"]


def _fill(template: str, rng: random.Random) -> str:
    text = template.format(group=rng.choice(GROUPS), person=rng.choice(PEOPLE),
                           feel=rng.choice(FEELINGS))
    text += rng.choice(FILLERS)
    if rng.random() < 0.25:
        text = text.lower()
    return text


def generate(seed: int, per_template: int = 4, extra: bool = True) -> list[dict]:
    """Labelled rows in the dev set's format; deterministic for a seed. `extra` adds the
    compositional families of `synth_extra.py` (hate, harassment, violence, self-harm and
    their counter-speech twins)."""
    from synth_extra import generate_extra  # it imports this module's word lists

    rng = random.Random(seed)
    rows: list[dict] = []
    for key, templates in POSITIVE_TEMPLATES.items():
        for template in templates:
            for _ in range(per_template):
                labels = {k: 0 for k in KEYS}
                labels[key] = 1
                for implied in EXTRA_KEYS.get(key, ()):
                    labels[implied] = 1
                rows.append({"prompt": _fill(template, rng), **labels})
    for template in NEGATIVE_TEMPLATES:
        for _ in range(per_template):
            rows.append({"prompt": _fill(template, rng), **{k: 0 for k in KEYS}})
    rows.extend(_support_rows(rng, 40))
    if extra:
        rows.extend(generate_extra(rng))
    rng.shuffle(rows)
    return rows
