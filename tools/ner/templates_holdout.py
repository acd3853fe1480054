"""Held-out templates: never used for training, only by tools/ner/check.py to estimate how
the engine does on sentence shapes it has not seen (a stand-in for unseen evaluation data)."""

from __future__ import annotations

HOLDOUT_PII: list[str] = [
    "Yesterday {PER} told me the shop is closing.", "I owe {FIRST} an apology, how do I start?",
    "The report was signed by {PER} and {PER}.", "Could {PER} please confirm the booking?",
    "{PER} has been our family doctor for years.", "lunch with {FIRST} tmrw?",
    "hey its {FIRST} again, did u get my msg", "Minutes taken by {PER}.",
    "Our guest speaker today is {PER} from {ORG}.", "Ask for {FIRST} at the front desk.",
    "The winner of the contest is {PER} of {CITY}.", "I was {FIRST}'s maid of honour.",
    "Will {PER} be at the meeting?", "{FIRST} keeps texting me at night.",
    "Greetings from {CITY}!", "Any tips for a first trip to {COUNTRY}?",
    "Prices in {CITY} went up a lot.", "My cousin lives somewhere near {CITY}, {COUNTRY}.",
    "How cold does {CITY} get in winter?", "We crossed the border into {COUNTRY} at night.",
    "The parcel is stuck in {CITY}.", "Please mail the documents to {ADDR}.",
    "new place is {ADDR} come visit", "Correspondence address:\n{ADDR}",
    "I'm staying at {STREET} until {DAY}.", "The accident happened on {STREET}.",
    "Delivery failed at {ADDR}, please advise.", "{ORG} sent me a letter about {THING}.",
    "Has anyone worked for {ORG}?", "I'm a junior at {SCHOOL}.", "{SCHOOL} parents' evening is on {DAY}.",
    "The {NRP} team won the cup.", "My grandparents were {NRP} immigrants.",
    "Is it offensive to call someone {NRP}?", "{PER} ({NRP}) set a new record in {CITY}.",
    "From {PER} <via phone>: running late, start without me.", "P.S. say hi to {FIRST}",
]

HOLDOUT_CLEAN: list[str] = [
    "Could you make the introduction a bit more engaging?", "My plants keep dying, what am I doing wrong?",
    "Is it better to rent or buy in the current market?", "THANKS SO MUCH!!!",
    "What should I pack for a week of hiking?", "The soup was too salty so I added potatoes.",
    "Please list the pros and cons of electric cars.", "My Internet Connection Is Slow Again",
    "Why does my code return None?", "I'd like to cancel my order, it hasn't shipped yet.",
    "Explain the rules of chess briefly.", "The kids are bored, any indoor games?",
    "Rewrite this email so it sounds less angry.", "Can dogs eat grapes?",
    "Happy Friday everyone!", "What's a good gift for a coworker who is retiring?",
    "The Wednesday meeting got moved to Thursday morning.", "Summer Sale Ends Soon",
    "how long should i boil an egg", "Is the Premium tier worth paying for?",
    "The instructions say Step One, then Step Two.", "My Manager Wants A Report By Noon",
    "I failed my driving test again.", "Which stocks are considered safe investments?",
    "Give me three synonyms for happy.", "The battery icon turned red overnight.",
]
