"""Entity-free chat text: the false positives of the feasibility probe came from here.

Three sources, mixed by generate.py: hand-written chat lines, a small phrase grammar that
composes many more (requests, complaints, questions about everyday things, with capitalised
words that are not names: weekdays, products, headings), and English prose harvested from
the docstrings of the Python standard library installed on this machine.
"""

from __future__ import annotations

CHAT_LINES: list[str] = """
Can you help me reset my password?
WHY IS THIS NOT WORKING???
HELLO?? ANYONE THERE?
I NEED TO TALK TO SOMEONE NOW
Section 4 of the lease says the deposit is returned within thirty days.
The Senate passed the bill after a long debate.
What is the capital gains tax rate for this year?
I don't understand this error message, can you explain it in simple words?
Please summarize the article below in three bullet points.
How do I cook rice without a rice cooker?
Thanks, that worked perfectly.
The evening was lovely, thank you for organising it.
Write a short story about a dragon who is afraid of the dark.
My laptop keeps overheating when I play games.
Is it normal for a cat to sleep all day?
I need a recipe for a vegan chocolate cake.
Explain quantum computing like I'm five.
What's the difference between a virus and a bacterium?
How many cups are in a liter?
Why is the sky blue?
Give me ten ideas for a birthday party.
I feel tired all the time, what could cause that?
The order arrived damaged and the box was wet.
I was charged twice for the same order.
When will my refund be processed?
Why does my phone battery drain so fast?
How can I improve my credit score?
What does this clause in my contract mean?
Please rewrite this paragraph to sound more professional.
Translate good morning into Spanish.
Make the tone friendlier but keep it short.
What time does the store open on Sunday?
Happy New Year to all of you!
Good Morning Everyone
Thank You So Much
Monday works for me, Tuesday does not.
The meeting moved to Friday afternoon.
Let's meet next Wednesday at noon.
Our Black Friday sale starts tomorrow.
Merry Christmas and a happy holiday season.
My Wi-Fi drops every few minutes.
How do I export a spreadsheet from Excel to PDF?
The iPhone app crashes when I open the camera.
Is Python or JavaScript better for beginners?
The Bluetooth headphones won't pair with my TV.
Can I use my credit card abroad?
I forgot my PIN, what should I do?
The printer says Paper Jam but there is no paper inside.
Please add more detail to the second section.
This is the worst customer service I have ever experienced.
Is it safe to eat raw cookie dough?
I want to learn to play the guitar, where do I start?
What are some good stretches for back pain?
Help me plan a workout routine for beginners.
Which is healthier, brown rice or white rice?
Our team missed the deadline again.
I think the simple words work best here.
Should I take the job offer or stay where I am?
How do I tell my boss I need a day off?
My kid refuses to do homework.
Write a haiku about autumn leaves.
What is a good name for a golden retriever puppy?
Can you check my grammar?
It's raining again, so the match is cancelled.
Lol that's hilarious
ok thanks
no worries
sounds good to me
idk what to do anymore
brb
yes please
nope, try again
that's not what I asked
Please stop repeating yourself.
Can you make it shorter?
Continue.
Start over.
What?
Huh, interesting.
I Love This App
Best Purchase Ever
Worst Experience Ever
Not Working
Help Needed Urgently
Is the Pro version worth it?
The Premium plan costs more than the Basic plan.
Turn on Dark Mode in Settings.
Go to Settings, then Privacy, then Location Services.
Click Save and then Close.
Press Enter to continue.
The Terms of Service changed last week.
I read the FAQ but it didn't help.
My ISP blocks this port.
The API returns a 500 error.
Please explain the difference between RAM and storage.
In the United States of mind, everything is possible.
The Great Depression changed economic policy.
The Industrial Revolution began in the eighteenth century.
Photosynthesis converts light energy into chemical energy.
The mitochondria is the powerhouse of the cell.
The French Revolution is a common exam topic.
""".strip().splitlines()

SUBJECTS = ["I", "we", "my team", "our school", "the company", "my phone", "the app",
            "this website", "the teacher", "my computer", "the bank", "my landlord",
            "the delivery guy", "the printer", "our class", "the router", "my account"]
VERBS = ["couldn't open", "kept crashing on", "never loaded", "forgot about", "needed help with",
         "got confused about", "really liked", "wanted to cancel", "had a problem with",
         "was looking for", "still has to update", "couldn't find", "lost", "broke", "just ordered"]
OBJECTS = ["the settings page", "my homework", "the monthly report", "a new laptop",
           "the login screen", "my order", "the spreadsheet", "the weekend trip",
           "the science project", "the invoice", "my subscription", "the recipe",
           "the exam schedule", "the video call", "a cheap flight", "the group chat",
           "the password", "the last payment", "the essay", "a birthday present"]
TAILS = ["", ".", "!", "?", " again.", " today.", " since yesterday.", " every morning.",
         " and I don't know why.", " after the update.", ", any advice?", " on Monday.",
         " before Friday.", " in the evening.", " for the third time.", ", please help!"]
QUESTIONS = ["How do I", "Can you help me", "What is the best way to", "Is it possible to",
             "Why can't I", "Should I", "When can I", "Where can I", "Could you explain how to",
             "Explain how to", "What happens if I", "Do I need to"]
ACTIONS = ["reset my password", "change my plan", "learn Spanish", "fix a flat tire",
           "write a cover letter", "bake bread", "save money", "study for finals",
           "return an item", "clean my keyboard", "sleep better", "update the app",
           "set up two-factor authentication", "train for a marathon", "delete my account",
           "talk to my parents about grades", "make friends at a new school", "file taxes",
           "back up my photos", "split the bill", "book a doctor appointment"]

THINGS = ["the invoice", "my order", "the printer", "the homework", "the report", "the wifi",
          "the car", "dinner", "the project", "the exam", "the contract", "the meeting",
          "the tickets", "the rent", "my laptop", "the gift", "the presentation", "the app"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "tomorrow", "tonight", "next week", "the weekend", "March 3", "June", "May 12th",
        "New Year's Eve", "Christmas", "the 15th"]

# Capitalised words that are not names: titles of works, products, apps, headings.
WORK_WORDS = ["Silent", "River", "Broken", "Crown", "Last", "Summer", "Dark", "Forest", "Blue",
              "Horizon", "Little", "Women", "Lost", "City", "Golden", "Hour", "Winter", "Garden",
              "Stranger", "Things", "Iron", "Heart", "Hidden", "Kingdom", "Wild", "Road", "Night",
              "Shift", "Red", "Planet", "Great", "Escape", "Secret", "Life", "Bright", "Side"]
PRODUCTS = ["Windows", "Excel", "Word", "PowerPoint", "Zoom", "Slack", "WhatsApp", "Telegram",
            "Instagram", "TikTok", "YouTube", "Chrome", "Firefox", "Android", "iOS", "Bluetooth",
            "Wi-Fi", "PlayStation", "Xbox", "Minecraft", "Roblox", "Fortnite", "Spotify", "Gmail",
            "Photoshop", "Kindle", "AirPods", "Outlook", "Teams", "Discord"]
CAPS_TEMPLATES = ["I just finished reading {WORK}.", "Have you seen {WORK}?", "{WORK} is my favourite show.",
                  "Review of {WORK}: great ending.", "my {PRODUCT} keeps freezing", "How do I update {PRODUCT}?",
                  "Is {PRODUCT} free for students?", "{PRODUCT} won't open after the update.",
                  "We watched {WORK} on {DAY}.", "Can I sync {PRODUCT} with {PRODUCT}?",
                  "The sequel to {WORK} comes out soon.", "I uninstalled {PRODUCT} yesterday."]
