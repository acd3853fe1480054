"""1 KB English chat prompts as apps send them: a request in everyday words with a few
personal details (names, an e-mail address, a phone number, a street, a city, a company),
new values in every prompt (Faker, seeded).

The dev file's records are dense lists of personal data; issue 3 states its speed target
for "a 1 KB English chat prompt". `bench/pii_eval.py` times both.
"""

from __future__ import annotations

import random

from faker import Faker

_SENTENCES = [
    "Hi, I'm {name} and I need some help with a letter to my landlord.",
    "Could you rewrite the paragraph below so it sounds more polite but still firm?",
    "My neighbour {first} keeps parking in front of our garage at {street}.",
    "You can reach me at {email} if anything is unclear.",
    "My phone number is {phone}, but I rarely pick up during work hours.",
    "We moved to {city} last spring and the heating has not worked properly since October.",
    "I work as a nurse at {company}, so my shifts change every week.",
    "Please keep the tone friendly, because I still have to live next to them for a while.",
    "Also add a short note that I already called the property manager twice.",
    "The first time was on a Monday morning, and nobody answered the phone.",
    "My daughter {first} has asthma, so the cold flat is a real problem for us.",
    "Can you suggest a deadline that sounds reasonable, maybe two weeks from today?",
    "If it helps, the lease was signed by {name} on behalf of the owner.",
    "I would also like a shorter version I can send as a text message.",
    "Thanks a lot, this means a lot to me and my family.",
    "P.S. My partner {name} will read it too before we send it, so keep it simple.",
    "Another thing: the letter should mention that we always paid the rent on time.",
    "Here is the address for the header: {street}, {city}.",
    "Write it in plain English, without legal words, and no longer than one page.",
    "If you think a phone call to {phone} would work better, tell me what to say.",
    "Best wishes, and have a nice day!",
]


def chat_prompts(n: int, seed: int = 3, size: int = 1024) -> list[str]:
    fake = Faker("en_US")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    prompts = []
    for _ in range(n):
        values = {"name": fake.name(), "first": fake.first_name(), "email": fake.email(),
                  "phone": fake.phone_number(), "street": fake.street_address(), "city": fake.city(),
                  "company": fake.company()}
        text = ""
        while len(text) < size:
            text += rng.choice(_SENTENCES).format(**values) + " "
        prompts.append(text[:size].rsplit(" ", 1)[0])
    return prompts
