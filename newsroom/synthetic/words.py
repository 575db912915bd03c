"""Realistic-looking synthetic newsroom text: headlines, teasers, bodies, people and topics.

Deterministic for a given seed, and fast (no Faker: 100,000 bodies must take seconds, not minutes).
A body is 6 to 12 paragraphs of 3 to 6 sentences (about 500 to 900 words, the length of a typical
press story), sometimes with a quote or a fact box.
"""

import datetime
import random

TOPICS = [
    "Air policing",
    "Arms control",
    "Climate and security",
    "Crisis management",
    "Cyber defence",
    "Defence industry",
    "Deterrence and defence",
    "Emerging technologies",
    "Energy security",
    "Enlargement",
    "Exercises",
    "Funding",
    "Human security",
    "Maritime security",
    "Military mobility",
    "Operations",
    "Partnerships",
    "Public diplomacy",
    "Resilience",
    "Science for peace",
    "Space",
    "Summits",
    "Terrorism",
    "Training",
    "Women, peace and security",
]

FIRST_NAMES = [
    "Anna", "Jens", "Mark", "Mircea", "Oana", "Lars", "Ingrid", "Pieter", "Sofia", "Tomas",
    "Marta", "Jakub", "Elena", "Hugo", "Camille", "Niamh", "Kristjan", "Laura", "Rui", "Zeynep",
]  # fmt: skip
LAST_NAMES = [
    "Andersen", "Rinkēvičs", "Geoană", "Rutte", "Kowalski", "Dubois", "Ferreira", "Novak",
    "Jensen", "Moreau", "Ó Briain", "Kallas", "Lindqvist", "Papadopoulos", "Yılmaz", "Costa",
]  # fmt: skip
ROLES = [
    "Secretary General",
    "Deputy Secretary General",
    "Spokesperson",
    "Chair of the Military Committee",
    "Minister of Defence",
    "Minister of Foreign Affairs",
    "Prime Minister",
    "Assistant Secretary General for Operations",
    "Supreme Allied Commander",
    "Ambassador",
]

PLACES = [
    ("BE", "Belgium"), ("BG", "Bulgaria"), ("CA", "Canada"), ("DE", "Germany"),
    ("DK", "Denmark"), ("EE", "Estonia"), ("ES", "Spain"), ("FI", "Finland"), ("FR", "France"),
    ("GB", "United Kingdom"), ("GR", "Greece"), ("IT", "Italy"), ("LT", "Lithuania"),
    ("LV", "Latvia"), ("NL", "Netherlands"), ("NO", "Norway"), ("PL", "Poland"),
    ("PT", "Portugal"), ("RO", "Romania"), ("SE", "Sweden"), ("TR", "Türkiye"),
    ("US", "United States"),
]  # fmt: skip
CITIES = [
    "Brussels", "Vilnius", "Washington", "Madrid", "Bucharest", "Oslo", "Tallinn", "Warsaw",
    "Rome", "Lisbon", "Ankara", "Ottawa", "Riga", "Helsinki", "Stockholm", "The Hague", "Mons",
]  # fmt: skip

SUBJECTS = [
    "Allies", "Defence ministers", "Foreign ministers", "The Secretary General",
    "The North Atlantic Council", "Military chiefs", "Partners", "Parliamentarians",
    "The Deputy Secretary General", "Experts", "Leaders", "Industry representatives",
]  # fmt: skip
VERBS = [
    "agree on", "discuss", "review", "launch", "step up", "welcome", "strengthen",
    "meet to address", "reaffirm support for", "take stock of", "adopt", "highlight",
]  # fmt: skip
OBJECTS = [
    "support for Ukraine", "a new defence plan", "cyber resilience", "air and missile defence",
    "the protection of undersea infrastructure", "climate security", "defence production",
    "the partnership with the European Union", "innovation in defence", "maritime security",
    "counter-terrorism cooperation", "the readiness of forces", "arms control",
    "energy security", "military mobility", "the next summit", "space security",
]  # fmt: skip
VIDEO_PREFIXES = ["Video: ", "Watch: ", "In pictures: ", "Behind the scenes: "]

SENTENCE_OPENERS = [
    "During the meeting,", "On the same day,", "In a joint statement,", "Speaking to the press,",
    "Earlier this year,", "According to officials,", "At the opening session,",
    "In his remarks,", "In her remarks,", "Over the past decade,", "Looking ahead,",
    "As agreed at the last summit,", "In close coordination with partners,",
]  # fmt: skip
SENTENCE_BODIES = [
    "ministers underlined the importance of sustained investment in defence capabilities",
    "participants exchanged views on the security situation in the Euro-Atlantic area",
    "Allies agreed to further strengthen deterrence and defence on the eastern flank",
    "the Secretary General stressed that unity remains the Alliance's greatest strength",
    "the discussion focused on practical cooperation and the sharing of information",
    "officials highlighted progress on interoperability between national forces",
    "the exercise brought together thousands of troops, ships and aircraft from many nations",
    "experts presented the results of a study on emerging and disruptive technologies",
    "partners welcomed the continued political and practical support",
    "leaders tasked the Council to report on progress before the end of the year",
    "the new centre will help national authorities respond faster to hybrid threats",
    "the programme supports scientists working on security-related civil research",
    "the trust fund will finance projects on demining, cyber defence and medical rehabilitation",
    "the delegation visited units deployed to the multinational battlegroup",
    "the meeting concluded with the adoption of a set of concrete deliverables",
]  # fmt: skip
SENTENCE_ENDS = [
    ".",
    ", in line with decisions taken by Allied leaders.",
    ", building on years of close cooperation.",
    ", as part of a long-term effort.",
    ", with further steps expected in the coming months.",
    ", according to a statement published after the meeting.",
]
QUOTES = [
    "We are stronger and safer together.",
    "Our support will continue for as long as it takes.",
    "Deterrence only works if it is credible, and it is credible because we invest in it.",
    "This is a historic day for our Alliance.",
    "Innovation is key to maintaining our technological edge.",
]


def sentence(rng):
    return (
        f"{rng.choice(SENTENCE_OPENERS)} {rng.choice(SENTENCE_BODIES)}{rng.choice(SENTENCE_ENDS)}"
    )


def paragraph(rng):
    return " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))


def body(rng):
    """A StreamField value (list of (block type, value)) of typical press-story length."""
    blocks = [("paragraph", f"<p>{paragraph(rng)}</p>") for _ in range(rng.randint(6, 12))]
    if rng.random() < 0.3:
        quote = {"text": rng.choice(QUOTES), "attribution": person_name(rng)}
        blocks.insert(rng.randint(1, len(blocks)), ("quote", quote))
    if rng.random() < 0.15:
        fact_box = {
            "title": "Key facts",
            "body": "<ul>" + "".join(f"<li>{sentence(rng)}</li>" for _ in range(3)) + "</ul>",
        }
        blocks.append(("fact_box", fact_box))
    return blocks


def headline(rng, video=False):
    text = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    if rng.random() < 0.4:
        text += f" in {rng.choice(CITIES)}"
    return (rng.choice(VIDEO_PREFIXES) if video else "") + text


def teaser(rng):
    return sentence(rng)[:300]


def person_name(rng):
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def people(rng, count):
    """``count`` distinct (name, role) pairs."""
    seen, result = set(), []
    while len(result) < count:
        name = person_name(rng)
        if name not in seen:
            seen.add(name)
            result.append((name, rng.choice(ROLES)))
    return result


def display_dates(rng, count, years=15, today=None):
    """``count`` dates over the last ``years`` years, oldest first, fewer at weekends."""
    today = today or datetime.date.today()
    span = years * 365
    dates = []
    while len(dates) < count:
        date = today - datetime.timedelta(days=rng.randrange(span))
        if date.weekday() >= 5 and rng.random() < 0.7:
            continue
        dates.append(date)
    dates.sort()
    return dates


def make_rng(seed):
    return random.Random(seed)
