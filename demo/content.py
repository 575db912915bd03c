"""The demo newsroom's words: NATO's newsroom front page of 17 November 2023, rewritten.

The items, their order, events, people and places follow the seed capture
(shared/seeds/000_0c354c9cdce7235f.txt); every headline, teaser, body and transcript is written
afresh for the demo. Quotes are illustrative, not verbatim statements.

Dates: ``display_date`` is the day an item was published, on or after its event. The seed's
front page is an editor's order, not a strict date order, so each item takes the earliest date
that keeps newest-first equal to the seed's order; ``published`` (a time of day) orders items
that share a date.

Body blocks are (block type, value) pairs in the shape Wagtail's StreamField accepts; an image
block names an illustration key from demo.images, resolved by the loader.
"""

import datetime

D = datetime.date

ORGANISATION = {
    "name": "North Atlantic Treaty Organization",
    "short_name": "NATO",
    "newsroom_title": "NATO Newsroom",
    "copyright_holder": "NATO",
    "usage_terms": (
        "Demo content. The texts on this site were written for a demonstration of Newsroom and "
        "retell NATO's published news of November 2023; they are not official NATO statements. "
        "The illustrations were drawn for the demo and may be reused with the credit "
        "'NATO (illustration)'."
    ),
    # The footer (Settings -> Organisation -> Footer). The press office's number and address
    # are those the demo's press contacts give; the social accounts are the organisation's.
    "press_office_name": "Press and Media Section",
    "press_office_address": "NATO Headquarters\nBoulevard Léopold III\n1110 Brussels, Belgium",
    "press_office_phone": "+32 2 707 50 41",
    "press_office_email": "press@example.org",
    "x_url": "https://x.com/NATO",
    "facebook_url": "https://www.facebook.com/NATO",
    "linkedin_url": "https://www.linkedin.com/company/nato",
    "youtube_url": "https://www.youtube.com/@NATO",
    "instagram_url": "https://www.instagram.com/nato",
    "accessibility_url": "/en/accessibility/",
    "privacy_url": "/en/privacy-notice/",
    "terms_url": "/en/terms-of-use/",
}

# The pages the footer links to, under the front page (StandardPage).
ABOUT_PAGES = [
    {
        "slug": "accessibility",
        "title": "Accessibility statement",
        "introduction": (
            "This newsroom is meant to be usable by everyone, whatever the device or assistive "
            "technology they read it with."
        ),
        "body": [
            (
                "paragraph",
                "<p>Pages are built to meet the Web Content Accessibility Guidelines 2.2 at "
                "level AA: they can be read and used with a keyboard alone, with a screen reader "
                "and at any zoom level, and every picture carries a text alternative.</p>",
            ),
            (
                "paragraph",
                "<p>If something on this site is hard to use for you, tell the press office by "
                "e-mail at press@example.org. We answer within five working days.</p>",
            ),
        ],
    },
    {
        "slug": "privacy-notice",
        "title": "Privacy notice",
        "introduction": "What this newsroom records about its readers, and why.",
        "body": [
            (
                "paragraph",
                "<p>Reading the newsroom sets no tracking cookie and loads nothing from other "
                "companies' servers. The web servers keep technical logs for at most 30 days to "
                "keep the service running and safe.</p>",
            ),
            (
                "paragraph",
                "<p>When you sign up for e-mail alerts we keep your address and your choices "
                "until you unsubscribe, which every message lets you do in one click.</p>",
            ),
        ],
    },
    {
        "slug": "terms-of-use",
        "title": "Terms of use",
        "introduction": "How the texts, photos and videos of this newsroom may be reused.",
        "body": [
            (
                "paragraph",
                "<p>News items may be quoted and republished for editorial purposes, with the "
                "source named. Photos and videos carry their own credit, which must be shown "
                "with them.</p>",
            ),
        ],
    },
]

# The press office's contacts (invented for the demo, with example.org addresses) and the
# sections whose items name them by default (Settings -> Press contacts).
PRESS_CONTACTS = [
    {
        "name": "Press Office duty officer",
        "role": "Press and Media Section",
        "phone": "+32 2 707 50 41",
        "email": "press@example.org",
        "languages": "en, fr",
        "sections": ["press-release", "speech", "advisory"],
    },
    {
        "name": "Anna Lindqvist",
        "role": "Media operations, events and accreditation",
        "phone": "+32 2 707 10 10",
        "email": "media-operations@example.org",
        "languages": "en, sv, de",
        "sections": ["advisory"],
    },
]

# ISO 3166-1 alpha-2 code -> English short name.
PLACES = {
    "BE": "Belgium",
    "BG": "Bulgaria",
    "DE": "Germany",
    "LV": "Latvia",
    "NL": "Netherlands",
    "RO": "Romania",
    "UA": "Ukraine",
}

# Roles as they were in November 2023, the moment the demo reproduces.
PEOPLE = [
    {
        "slug": "jens-stoltenberg",
        "name": "Jens Stoltenberg",
        "role": "Secretary General",
        "biography": (
            "A former Prime Minister of Norway, Jens Stoltenberg became NATO's thirteenth "
            "Secretary General in October 2014."
        ),
        "colour": ("#16365c", "dark blue"),
    },
    {
        "slug": "mircea-geoana",
        "name": "Mircea Geoană",
        "role": "Deputy Secretary General",
        "biography": (
            "A Romanian diplomat and former foreign minister, Mircea Geoană has been NATO's "
            "Deputy Secretary General since October 2019."
        ),
        "colour": ("#2e5e4e", "dark green"),
    },
    {
        "slug": "ursula-von-der-leyen",
        "name": "Ursula von der Leyen",
        "role": "President of the European Commission",
        "biography": (
            "Formerly Germany's defence minister, Ursula von der Leyen has led the European "
            "Commission since December 2019."
        ),
        "colour": ("#1d3f8f", "royal blue"),
    },
    {
        "slug": "edgars-rinkevics",
        "name": "Edgars Rinkēvičs",
        "role": "President of Latvia",
        "biography": (
            "Edgars Rinkēvičs took office as President of Latvia in July 2023 after twelve years "
            "as the country's foreign minister."
        ),
        "colour": ("#7a2630", "deep red"),
    },
    {
        "slug": "josep-borrell",
        "name": "Josep Borrell",
        "role": "EU High Representative for Foreign Affairs and Security Policy",
        "biography": (
            "Josep Borrell chairs the EU's Foreign Affairs Council, including its meetings of "
            "defence ministers, and is a Vice-President of the European Commission."
        ),
        "colour": ("#5b4a8b", "violet"),
    },
    {
        "slug": "rob-bauer",
        "name": "Rob Bauer",
        "role": "Chair of the NATO Military Committee",
        "biography": (
            "Admiral Rob Bauer of the Royal Netherlands Navy has chaired NATO's Military "
            "Committee, the Alliance's senior military authority, since June 2021."
        ),
        "colour": ("#3c4a57", "slate grey"),
    },
    {
        "slug": "mark-rutte",
        "name": "Mark Rutte",
        "role": "Prime Minister of the Netherlands",
        "biography": "Mark Rutte has been Prime Minister of the Netherlands since 2010.",
        "colour": ("#b35a1f", "orange-brown"),
    },
]

TOPICS = [
    {
        "slug": "ukraine",
        "title": "Ukraine",
        "introduction": (
            "How NATO and its Allies help Ukraine defend itself against Russia's full-scale "
            "invasion: political consultation in the NATO-Ukraine Council, practical and "
            "non-lethal aid, training, and work towards full interoperability with Allied forces."
        ),
    },
    {
        "slug": "nato-eu-relations",
        "title": "NATO–EU relations",
        "introduction": (
            "NATO and the European Union have 22 member countries in common and work together on "
            "crisis management, military mobility, resilience, cyber defence and support for "
            "partners. Three joint declarations, in 2016, 2018 and 2023, set out the agenda."
        ),
    },
    {
        "slug": "deterrence-and-defence",
        "title": "Deterrence and defence",
        "introduction": (
            "Protecting every Ally against any threat: forward-deployed forces on the eastern "
            "flank, regional defence plans, air policing, surveillance, exercises and the "
            "capabilities that Allies invest in together."
        ),
    },
    {
        "slug": "resilience",
        "title": "Resilience",
        "introduction": (
            "Societies able to prepare for, absorb and recover from shocks, whether military "
            "attack, natural disaster or sabotage of critical infrastructure. Resilience is a "
            "national responsibility that Allies strengthen together."
        ),
    },
    {
        "slug": "partnerships",
        "title": "Partnerships",
        "introduction": (
            "NATO works with countries and organisations around the world, from the European "
            "Union and the United Nations to partners in Europe, the Middle East and the "
            "Indo-Pacific, and with civil society and reservist organisations."
        ),
    },
]

VIDEO_URL = "https://www.youtube.com/@NATO"  # NATO's channel; set the film's own address later.

ITEMS = [
    {
        "kind": "story",
        "slug": "secretary-general-joins-eu-college-of-commissioners",
        "title": "Secretary General joins the EU College of Commissioners in Brussels",
        "display_date": D(2023, 11, 17),
        "published": "11:30",
        "dateline": "Brussels",
        "teaser": (
            "Jens Stoltenberg sat down with the European Commission's College of Commissioners "
            "on 15 November 2023 and credited President Ursula von der Leyen with bringing NATO "
            "and the European Union closer than ever."
        ),
        "image": "eu-nato",
        "topics": ["nato-eu-relations", "ukraine"],
        "people": ["jens-stoltenberg", "ursula-von-der-leyen"],
        "places": ["BE"],
        "body": [
            (
                "paragraph",
                "<p>At the invitation of European Commission President Ursula von der Leyen, "
                "NATO Secretary General Jens Stoltenberg joined the weekly meeting of the College "
                "of Commissioners at the Berlaymont building in Brussels on Wednesday "
                "15 November. Commissioners and the Secretary General talked about Russia's war "
                "against Ukraine, the wider security situation around Europe and the next steps "
                "in cooperation between the two organisations.</p>",
            ),
            (
                "paragraph",
                "<p>Mr Stoltenberg thanked the President for her personal commitment to the "
                "partnership. He recalled the joint declaration signed in January 2023, which "
                "extended cooperation to the protection of critical infrastructure, emerging and "
                "disruptive technologies, space, and the security effects of climate change.</p>",
            ),
            (
                "quote",
                {
                    "text": (
                        "When NATO and the European Union pull in the same direction, both "
                        "are stronger, and Ukraine feels the difference."
                    ),
                    "attribution": "Jens Stoltenberg, NATO Secretary General",
                },
            ),
            (
                "paragraph",
                "<p>The Secretary General said that the Union's economic and financial support "
                "and the military help provided by Allies work hand in hand to keep Ukraine in "
                "the fight. He encouraged European countries to keep raising their output of "
                "ammunition and equipment, and asked that EU initiatives for the defence industry "
                "remain consistent with NATO's capability targets and open to Allies that are "
                "not members of the Union.</p>",
            ),
            (
                "fact_box",
                {
                    "title": "NATO and the EU at a glance",
                    "body": (
                        "<ul><li>22 countries belong to both organisations.</li>"
                        "<li>Joint declarations were signed in 2016, 2018 and 2023.</li>"
                        "<li>More than 70 common actions guide day-to-day cooperation.</li></ul>"
                    ),
                },
            ),
        ],
    },
    {
        "kind": "story",
        "slug": "latvian-president-rinkevics-visits-nato",
        "title": "Latvia's President Edgars Rinkēvičs visits NATO for talks on Ukraine and defence",
        "display_date": D(2023, 11, 16),
        "published": "18:30",
        "dateline": "Brussels",
        "teaser": (
            "President Edgars Rinkēvičs of Latvia came to NATO Headquarters on 16 November 2023. "
            "With Secretary General Jens Stoltenberg he reviewed help for Ukraine and progress on "
            "the defence plans Allies agreed in Vilnius."
        ),
        "image": "latvia",
        "topics": ["deterrence-and-defence", "ukraine"],
        "people": ["jens-stoltenberg", "edgars-rinkevics"],
        "places": ["LV", "BE"],
        "body": [
            (
                "paragraph",
                "<p>Secretary General Jens Stoltenberg received the President of Latvia, Edgars "
                "Rinkēvičs, at NATO Headquarters in Brussels on Thursday 16 November. The visit "
                "came a few months after Mr Rinkēvičs took office in July 2023, following more "
                "than a decade as Latvia's foreign minister.</p>",
            ),
            (
                "paragraph",
                "<p>The two leaders discussed how to keep military and financial support flowing "
                "to Ukraine through the winter. They also took stock of the decisions made by "
                "Allied leaders at the Vilnius Summit in July, among them new regional defence "
                "plans and a stronger forward presence along the Alliance's eastern flank. The "
                "Secretary General welcomed Latvia's defence spending, which is above the "
                "Alliance's benchmark of two per cent of gross domestic product.</p>",
            ),
            (
                "paragraph",
                "<p>Latvia hosts one of NATO's eight multinational battlegroups, under Canadian "
                "leadership. During the Vilnius Summit, Canada and Latvia agreed a roadmap to "
                "expand that force towards a brigade over the coming years, with more troops, "
                "equipment and infrastructure.</p>",
            ),
            (
                "fact_box",
                {
                    "title": "Latvia in NATO",
                    "body": (
                        "<ul><li>Member of the Alliance since 2004.</li>"
                        "<li>Host of a multinational battlegroup led by Canada, with troops "
                        "from around a dozen Allies.</li>"
                        "<li>Part of NATO's air policing mission over the Baltic states.</li></ul>"
                    ),
                },
            ),
        ],
    },
    {
        "kind": "story",
        "slug": "secretary-general-joins-eu-defence-ministers",
        "title": (
            "Stoltenberg joins EU Defence Ministers on seabed security and support for Ukraine"
        ),
        "display_date": D(2023, 11, 16),
        "published": "16:00",
        "dateline": "Brussels",
        "teaser": (
            "Meeting European Union Defence Ministers in Brussels on 14 November 2023, Jens "
            "Stoltenberg set out how NATO is protecting pipelines and cables on the seabed and "
            "urged continued military help for Ukraine."
        ),
        "image": "undersea",
        "topics": ["nato-eu-relations", "resilience", "ukraine"],
        "people": ["jens-stoltenberg", "josep-borrell"],
        "places": ["BE"],
        "body": [
            (
                "paragraph",
                "<p>NATO Secretary General Jens Stoltenberg took part in the EU Foreign Affairs "
                "Council in its defence format in Brussels on Tuesday 14 November, invited by the "
                "High Representative of the Union for Foreign Affairs and Security Policy, Josep "
                "Borrell.</p>",
            ),
            (
                "paragraph",
                "<p>Much of the exchange concerned the security of critical undersea "
                "infrastructure. The Secretary General referred to the damage done in October to "
                "the Balticconnector gas pipeline and nearby telecommunication cables in the "
                "Baltic Sea, and described how Allies have increased patrols, surveillance and "
                "the sharing of information in the region. He noted that a joint NATO-EU task "
                "force on the resilience of critical infrastructure reported earlier this year "
                "and that both organisations are now acting on its recommendations.</p>",
            ),
            (
                "paragraph",
                "<p>Turning to Ukraine, Mr Stoltenberg said that the country's needs for "
                "ammunition, air defence and the maintenance of equipment already delivered "
                "remain pressing. He welcomed European efforts to expand the production of "
                "ammunition and called for close coordination so that the work of NATO and of "
                "the Union keeps reinforcing each other.</p>",
            ),
            (
                "fact_box",
                {
                    "title": "Protecting what lies on the seabed",
                    "body": (
                        "<p>Cables on the ocean floor carry most of the world's internet "
                        "traffic, and undersea pipelines deliver a large part of Europe's "
                        "energy. In 2023 NATO set up a coordination cell for critical undersea "
                        "infrastructure at its headquarters and agreed to create a maritime "
                        "centre for its security within Allied Maritime Command.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "kind": "story",
        "slug": "e-7a-wedgetail-chosen-to-succeed-nato-awacs",
        "title": "NATO picks the E-7A Wedgetail to succeed its AWACS surveillance aircraft",
        "display_date": D(2023, 11, 16),
        "published": "13:00",
        "dateline": "Brussels",
        "teaser": (
            "Six Boeing E-7A Wedgetail aircraft are to take over from the Alliance's ageing "
            "AWACS radar planes. Production should begin in the next few years, and the first "
            "aircraft is planned to enter service in 2031."
        ),
        "image": "e7-wedgetail",
        "topics": ["deterrence-and-defence"],
        "people": ["jens-stoltenberg"],
        "places": ["BE", "DE"],
        "body": [
            (
                "paragraph",
                "<p>NATO has selected the Boeing E-7A Wedgetail for its future airborne command "
                "and control capability. The choice, announced on 15 November 2023, follows a "
                "review of options to replace the Alliance's fleet of E-3A Airborne Warning and "
                "Control System (AWACS) aircraft, which entered service in the early 1980s and "
                "are expected to retire around 2035.</p>",
            ),
            (
                "paragraph",
                "<p>The NATO Support and Procurement Agency will buy six E-7A aircraft on behalf "
                "of the participating Allies, with the first planned to be ready for operations "
                "in 2031. Like today's AWACS, the new aircraft will be flown by the "
                "multinational NATO Airborne Early Warning and Control Force, whose main "
                "operating base is at Geilenkirchen in Germany.</p>",
            ),
            (
                "image",
                {
                    "image": "e3-and-e7",
                    "caption": (
                        "The E-3A carries its radar in a rotating dome; the E-7A uses a fixed "
                        "radar mounted along the top of the fuselage."
                    ),
                },
            ),
            (
                "paragraph",
                "<p>The E-7A's fixed electronically scanned radar can follow aircraft and ships "
                "over wide areas and pass that picture in real time to commanders, ships and "
                "fighter jets. The type already flies with the Royal Australian Air Force and "
                "has been ordered by the United Kingdom.</p>",
            ),
            (
                "quote",
                {
                    "text": (
                        "Knowing what is happening in our skies, and sharing it quickly, is at "
                        "the heart of deterrence. This decision keeps that ability strong for "
                        "decades."
                    ),
                    "attribution": "Jens Stoltenberg, NATO Secretary General",
                },
            ),
        ],
    },
    {
        "kind": "story",
        "slug": "first-nato-ukraine-council-of-military-representatives",
        "title": "Ukraine takes its seat at the first NATO-Ukraine Council of military envoys",
        "display_date": D(2023, 11, 16),
        "published": "10:00",
        "dateline": "Brussels",
        "teaser": (
            "The NATO Military Committee met on 16 November 2023 as the NATO-Ukraine Council in "
            "Military Representatives format for the first time, with Ukraine at the table as "
            "a full participant rather than a guest."
        ),
        "image": "council-table",
        "topics": ["ukraine", "partnerships"],
        "people": ["rob-bauer"],
        "places": ["UA", "BE"],
        "body": [
            (
                "paragraph",
                "<p>For the first time, NATO's Military Committee convened the NATO-Ukraine "
                "Council at the level of Military Representatives on Thursday 16 November. "
                "Admiral Rob Bauer, Chair of the Military Committee, led the meeting at NATO "
                "Headquarters, which brought together the senior military representatives of "
                "every Ally and of Ukraine.</p>",
            ),
            (
                "paragraph",
                "<p>Allied leaders created the NATO-Ukraine Council at the Vilnius Summit in "
                "July 2023 to succeed the NATO-Ukraine Commission. In the Council, Ukraine "
                "participates alongside Allies, so that consultations on common security "
                "concerns can be prepared and held together. Allied military representatives "
                "already meet their Ukrainian colleagues often; the new format makes those "
                "contacts part of a permanent structure.</p>",
            ),
            (
                "paragraph",
                "<p>The representatives assessed the military situation, Ukraine's most urgent "
                "requirements for the months ahead and progress under the Comprehensive "
                "Assistance Package, which helps Ukraine's armed forces move towards full "
                "interoperability with NATO. They also looked at lessons from the war that can "
                "inform the Alliance's own planning and training.</p>",
            ),
            (
                "fact_box",
                {
                    "title": "The NATO-Ukraine Council",
                    "body": (
                        "<p>The Council first met at the level of Heads of State and Government "
                        "in Vilnius on 12 July 2023. It can also meet at the level of ministers, "
                        "ambassadors and military representatives, and any member may ask for "
                        "it to be convened for consultations in a crisis.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "kind": "story",
        "slug": "geoana-praises-bulgaria-black-sea-security",
        "title": "Deputy Secretary General Geoană praises Bulgaria's role in Black Sea security",
        "display_date": D(2023, 11, 14),
        "published": "17:00",
        "dateline": "Bulgaria",
        "teaser": (
            "On a visit to Bulgaria on 10 November 2023, Mircea Geoană watched Iron Strike, the "
            "yearly exercise of the multinational battlegroup based there, and thanked the "
            "country for helping keep the Black Sea region stable."
        ),
        "image": "bulgaria",
        "topics": ["deterrence-and-defence"],
        "people": ["mircea-geoana"],
        "places": ["BG"],
        "body": [
            (
                "paragraph",
                "<p>Iron Strike, the yearly exercise of the multinational battlegroup that NATO "
                "keeps in Bulgaria, had a distinguished observer on Friday 10 November: Deputy "
                "Secretary General Mircea Geoană. Bulgarian soldiers and troops from "
                "contributing Allies showed how they plan and operate as a single force.</p>",
            ),
            (
                "paragraph",
                "<p>The battlegroup in Bulgaria is one of four that Allies set up in 2022 after "
                "Russia's full-scale invasion of Ukraine, together with those in Hungary, Romania "
                "and Slovakia. Italy is its lead nation.</p>",
            ),
            (
                "image",
                {
                    "image": "black-sea-sketch",
                    "caption": (
                        "Bulgaria, Romania and Türkiye are the Allies on the shores of the Black "
                        "Sea."
                    ),
                },
            ),
            (
                "paragraph",
                "<p>Mr Geoană commended Bulgaria's contribution to security in the Black Sea, "
                "where Russia's war has disrupted shipping and left drifting mines that endanger "
                "merchant vessels. He pointed to the close cooperation between the Black Sea "
                "Allies in responding to that danger, and to Bulgaria's investment in modern "
                "equipment for its armed forces.</p>",
            ),
            (
                "quote",
                {
                    "text": (
                        "Bulgaria is a dependable Ally in a region that matters to the security "
                        "of the whole Alliance."
                    ),
                    "attribution": "Mircea Geoană, NATO Deputy Secretary General",
                },
            ),
            (
                "fact_box",
                {
                    "title": "NATO's forward presence",
                    "body": (
                        "<p>Eight multinational battlegroups stand on NATO's eastern flank, in "
                        "Estonia, Latvia, Lithuania, Poland, Slovakia, Hungary, Romania and "
                        "Bulgaria. Allies have agreed that they can grow to brigade size when "
                        "needed.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "kind": "story",
        "slug": "ukrainian-medics-trained-by-nato-and-romania",
        "title": "Ukrainian medics trained in emergency care with NATO and Romania",
        "display_date": D(2023, 11, 14),
        "published": "15:00",
        "dateline": "Brussels",
        "teaser": (
            "About 200 Ukrainian paramedics have finished first-aid courses run by Romania and "
            "NATO's disaster response centre, helping Ukraine's health services treat the "
            "victims of Russia's war. Six Allies paid for the training."
        ),
        "image": "first-aid",
        "topics": ["ukraine", "resilience"],
        "people": [],
        "places": ["UA", "RO"],
        "body": [
            (
                "paragraph",
                "<p>Some 200 Ukrainian medical first responders have completed a training "
                "programme organised by Romania together with NATO's Euro-Atlantic Disaster "
                "Response Coordination Centre (EADRCC). The courses in Romania concentrated on "
                "the emergencies Ukrainian medics meet daily: stopping severe bleeding, treating "
                "burns and blast injuries, stabilising casualties and evacuating them safely.</p>",
            ),
            (
                "paragraph",
                "<p>Six Allies funded the programme, and Romanian instructors with long "
                "experience of emergency medicine taught it. Many of the participants will pass "
                "their new skills on to colleagues in Ukraine, spreading the benefit across its "
                "emergency services.</p>",
            ),
            (
                "paragraph",
                "<p>The EADRCC is NATO's main civil emergency response mechanism. Since February "
                "2022 it has handled requests for help from Ukraine, from medical supplies and "
                "power generators to firefighting and demining equipment, and matched them with "
                "offers from Allies and partner countries.</p>",
            ),
            (
                "fact_box",
                {
                    "title": "About the EADRCC",
                    "body": (
                        "<p>Set up in 1998, the Euro-Atlantic Disaster Response Coordination "
                        "Centre works from NATO Headquarters in Brussels. It coordinates "
                        "responses to natural and man-made disasters in Allied and partner "
                        "countries and runs regular field exercises with national rescue "
                        "services.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "kind": "story",
        "slug": "cior-honours-secretary-general-stoltenberg",
        "title": "Reserve officers' confederation CIOR honours Secretary General Stoltenberg",
        "display_date": D(2023, 11, 14),
        "published": "12:00",
        "dateline": "Brussels",
        "teaser": (
            "At a ceremony at NATO Headquarters on 14 November 2023, Jens Stoltenberg received "
            "the medal that marks the 75th anniversary of the Interallied Confederation of "
            "Reserve Officers, known as CIOR."
        ),
        "image": "medal",
        "topics": ["deterrence-and-defence", "partnerships"],
        "people": ["jens-stoltenberg"],
        "places": ["BE"],
        "body": [
            (
                "paragraph",
                "<p>The Interallied Confederation of Reserve Officers (CIOR) presented NATO "
                "Secretary General Jens Stoltenberg with its 75th Anniversary Medal on Tuesday "
                "14 November, at a short ceremony at NATO Headquarters in Brussels. The "
                "confederation created the medal to mark three quarters of a century since its "
                "founding.</p>",
            ),
            (
                "paragraph",
                "<p>CIOR was founded in 1948 by reserve officer associations from Belgium, "
                "France and the Netherlands. It now brings together national associations from "
                "across the Alliance and promotes the professional development of reservists "
                "and cooperation between them.</p>",
            ),
            (
                "paragraph",
                "<p>Accepting the medal, the Secretary General paid tribute to the women and men "
                "who combine civilian careers with service in uniform. He said that reservists "
                "give Allied forces depth, specialist skills and staying power, and that their "
                "role has grown as the Alliance strengthens its deterrence and defence.</p>",
            ),
            (
                "quote",
                {
                    "text": (
                        "Reservists bring the experience of every profession into our armed "
                        "forces. Their commitment is part of what makes this Alliance strong."
                    ),
                    "attribution": "Jens Stoltenberg, NATO Secretary General",
                },
            ),
            (
                "fact_box",
                {
                    "title": "CIOR at a glance",
                    "body": (
                        "<ul><li>Founded in 1948.</li>"
                        "<li>Represents reserve officer associations of NATO Allies.</li>"
                        "<li>Holds a yearly congress with military competitions and "
                        "workshops for young reserve officers.</li></ul>"
                    ),
                },
            ),
        ],
    },
    {
        "kind": "story",
        "slug": "first-nato-resilience-course-for-civil-experts",
        "title": "Bucharest hosts the first NATO Resilience Course for Civil Experts",
        "display_date": D(2023, 11, 10),
        "published": "16:00",
        "dateline": "Bucharest",
        "teaser": (
            "From 6 to 10 November 2023, NATO and the Euro-Atlantic Resilience Centre in "
            "Bucharest ran a new course that prepares civilian specialists to advise Allies on "
            "strengthening national resilience."
        ),
        "image": "resilience",
        "topics": ["resilience", "partnerships"],
        "people": [],
        "places": ["RO"],
        "body": [
            (
                "paragraph",
                "<p>The first NATO Resilience Course for Civil Experts took place from 6 to 10 "
                "November 2023, organised together with the Euro-Atlantic Resilience Centre "
                "(E-ARC) in Bucharest, Romania. For five days, civilian experts who advise "
                "Allies and partners on preparing for crises, withstanding them and recovering "
                "afterwards worked through NATO's approach to resilience.</p>",
            ),
            (
                "paragraph",
                "<p>The programme was built around NATO's seven baseline requirements for "
                "national resilience. Through case studies and a tabletop exercise, participants "
                "practised spotting vulnerabilities and drafting advice for national "
                "authorities.</p>",
            ),
            (
                "image",
                {
                    "image": "seven-requirements",
                    "caption": "NATO's seven baseline requirements for national resilience.",
                },
            ),
            (
                "fact_box",
                {
                    "title": "The seven baseline requirements",
                    "body": (
                        "<ol><li>Continuity of government and critical government services</li>"
                        "<li>Resilient energy supplies</li>"
                        "<li>Dealing with uncontrolled movements of people</li>"
                        "<li>Resilient food and water resources</li>"
                        "<li>Coping with mass casualties and health crises</li>"
                        "<li>Resilient civil communications</li>"
                        "<li>Resilient transport systems</li></ol>"
                    ),
                },
            ),
            (
                "paragraph",
                "<p>NATO can call on a pool of civil experts from government, industry and "
                "academia and send them where they are needed at short notice. The course gives "
                "them a shared grounding, so that their advice is consistent wherever they "
                "serve. Romania established the E-ARC as an international hub of expertise on "
                "resilience.</p>",
            ),
        ],
    },
    {
        "kind": "video",
        # A film's own title, kept as published.
        "slug": "the-european-union-a-unique-and-essential-partner-for-nato",
        "title": "The European Union: a unique and essential partner for NATO",
        "display_date": D(2023, 11, 10),
        "published": "10:00",
        "dateline": "Brussels",
        "teaser": (
            "Partners since the early 2000s, NATO and the European Union hold the same values "
            "and face the same threats. This short film explains how their different strengths "
            "add up for peace and security."
        ),
        "image": "video-poster",
        "topics": ["nato-eu-relations", "partnerships"],
        "people": [],  # the film is narrated; nobody in particular is its subject
        "places": ["BE"],
        "video_url": VIDEO_URL,
        "duration": datetime.timedelta(minutes=2, seconds=48),
        "transcript": (
            "<p>Narrator: Two organisations, one city. In Brussels, NATO and the European Union "
            "work a few kilometres apart, and most of their members sit at both tables.</p>"
            "<p>Narrator: Their cooperation took shape at the start of the century. Since then "
            "they have worked side by side in the Western Balkans, off the Horn of Africa and in "
            "the Mediterranean.</p>"
            "<p>Narrator: Each brings something different. NATO brings collective defence and "
            "integrated military command. The Union brings economic weight, regulation, and "
            "civilian tools for crises.</p>"
            "<p>Narrator: Today they tackle new threats together: cyber attacks, "
            "disinformation, and sabotage of the pipelines and cables that societies rely on.</p>"
            "<p>Narrator: And since Russia invaded Ukraine in February 2022, both have stood "
            "with Ukraine, with military, financial and humanitarian support.</p>"
            "<p>Narrator: Different roles. Shared values. One goal: a Europe that is free and at "
            "peace.</p>"
        ),
        "body": [
            (
                "paragraph",
                "<p>NATO and the European Union have built their partnership step by step over "
                "two decades. This video follows that path, from the first formal arrangements "
                "at the start of the 2000s to the joint declaration signed in Brussels in "
                "January 2023.</p>",
            ),
            (
                "image",
                {
                    "image": "video-poster",
                    "caption": "A still from the film: NATO and the European Union side by side.",
                },
            ),
            (
                "paragraph",
                "<p>The two organisations have different jobs. NATO is a political and military "
                "alliance whose first task is the collective defence of its members. The Union "
                "can draw on economic, financial, legal and civilian instruments. Used together, "
                "these strengths support peace and security in Europe and beyond, and they have "
                "been central to the help both provide to Ukraine.</p>",
            ),
            (
                "paragraph",
                "<p>Day to day, cooperation covers more than seventy agreed actions, in areas "
                "such as military mobility, cyber defence, countering hybrid threats, "
                "coordinated exercises and support for partner countries. Staff of the two "
                "organisations meet regularly, and each is invited to the other's meetings of "
                "ministers.</p>",
            ),
            (
                "fact_box",
                {
                    "title": "Milestones",
                    "body": (
                        "<ul><li>2002: NATO-EU Declaration on a European Security and Defence "
                        "Policy.</li>"
                        "<li>2003: the Berlin Plus arrangements on EU use of NATO assets.</li>"
                        "<li>2016: first joint declaration, signed in Warsaw.</li>"
                        "<li>2018: second joint declaration, signed in Brussels.</li>"
                        "<li>2023: third joint declaration, signed in Brussels.</li></ul>"
                    ),
                },
            ),
        ],
    },
    # Older than the ten above: reached from the front page's further links only.
    {
        "kind": "story",
        "slug": "secretary-general-and-dutch-prime-minister-rutte",
        "title": "Secretary General and Dutch Prime Minister Rutte discuss Ukraine and defence",
        "display_date": D(2023, 11, 9),
        "published": "15:00",
        "dateline": "Brussels",
        "teaser": (
            "Jens Stoltenberg and Mark Rutte, Prime Minister of the Netherlands, met on "
            "9 November 2023 to talk about military aid for Ukraine, training Ukrainian pilots "
            "on F-16s and the defence spending of Allies."
        ),
        "image": "netherlands",
        "topics": ["ukraine", "deterrence-and-defence"],
        "people": ["jens-stoltenberg", "mark-rutte"],
        "places": ["NL", "BE"],
        "body": [
            (
                "paragraph",
                "<p>NATO Secretary General Jens Stoltenberg welcomed the Prime Minister of the "
                "Netherlands, Mark Rutte, for talks on Thursday 9 November. Their conversation "
                "centred on support for Ukraine, the security situation in Europe and the "
                "preparations for the Alliance's summit in Washington in 2024.</p>",
            ),
            (
                "paragraph",
                "<p>The Secretary General thanked the Netherlands for its substantial help to "
                "Ukraine, including its leading role, with Denmark, in the coalition that is "
                "training Ukrainian pilots and preparing the delivery of F-16 fighter aircraft. "
                "A European training centre for the F-16 was about to open in Romania with "
                "aircraft provided by the Netherlands.</p>",
            ),
            (
                "paragraph",
                "<p>The two also discussed defence investment. Allies agreed in Vilnius that "
                "spending at least two per cent of gross domestic product on defence is a "
                "minimum, and the Secretary General welcomed the Dutch plans to reach that "
                "level. They also exchanged views on the situation in the Middle East.</p>",
            ),
            (
                "quote",
                {
                    "text": (
                        "The Netherlands has been at the forefront of support for Ukraine, "
                        "from air defence to the training of pilots."
                    ),
                    "attribution": "Jens Stoltenberg, NATO Secretary General",
                },
            ),
        ],
    },
    {
        "kind": "story",
        "slug": "stoltenberg-receives-2023-henry-a-kissinger-prize",
        "title": "Stoltenberg accepts the 2023 Henry A. Kissinger Prize in Berlin",
        "display_date": D(2023, 11, 8),
        "published": "20:00",
        "dateline": "Berlin",
        "teaser": (
            "The American Academy in Berlin has given its 2023 Henry A. Kissinger Prize to "
            "Jens Stoltenberg, honouring his work to hold the transatlantic Alliance together "
            "through a decade of upheaval."
        ),
        "image": "prize",
        "topics": ["partnerships"],
        "people": ["jens-stoltenberg"],
        "places": ["DE"],
        "body": [
            (
                "paragraph",
                "<p>NATO Secretary General Jens Stoltenberg received the Henry A. Kissinger "
                "Prize for 2023 at a ceremony in Berlin hosted by the American Academy in "
                "Berlin. The Academy awards the prize each year to a person who has made a "
                "lasting contribution to relations between Europe and North America.</p>",
            ),
            (
                "paragraph",
                "<p>In his acceptance speech, the Secretary General spoke of the transatlantic "
                "bond as the foundation of the Alliance. He said that Europe and North America "
                "are safer together, and that unity between them has been decisive in "
                "responding to Russia's war against Ukraine.</p>",
            ),
            (
                "paragraph",
                "<p>Mr Stoltenberg thanked Germany for its growing role in European security, "
                "including its decision to lead a brigade permanently stationed in Lithuania and "
                "its support for Ukraine's air defence. He dedicated the award to the women and "
                "men who serve in Allied armed forces.</p>",
            ),
            (
                "fact_box",
                {
                    "title": "The Henry A. Kissinger Prize",
                    "body": (
                        "<p>The American Academy in Berlin established the prize in 2007. It is "
                        "named after the former United States Secretary of State, who was born "
                        "in Germany, and is presented at an annual ceremony in Berlin.</p>"
                    ),
                },
            ),
        ],
    },
    # The press office's own types, older than the front page's ten so they leave it as the
    # seed shows it; they are found in the news listing, by type, in feeds and the API.
    {
        "kind": "press-release",
        "slug": "nato-opens-first-resilience-course-for-civil-experts",
        "title": "NATO opens its first Resilience Course for Civil Experts in Bucharest",
        "display_date": D(2023, 11, 6),
        "published": "09:00",
        "dateline": "Bucharest",
        "teaser": (
            "Civil experts from Allied and partner countries begin a five-day course in "
            "Bucharest on 6 November 2023, the first NATO course devoted to the resilience of "
            "societies and their essential services."
        ),
        "image": "resilience",
        "topics": ["resilience"],
        "people": [],
        "places": ["RO"],
        "body": [
            (
                "paragraph",
                "<p>NATO and the Euro-Atlantic Resilience Centre in Bucharest open the first "
                "NATO Resilience Course for Civil Experts on Monday 6 November 2023. Until "
                "Friday, specialists from government ministries and civil agencies will study "
                "how countries keep their energy, communications, transport, food and water "
                "supplies and health care running through a crisis or an attack.</p>",
            ),
            (
                "paragraph",
                "<p>The course follows the seven baseline requirements for national resilience "
                "that Allies agreed in 2016. Participants will work through scenarios prepared "
                "by NATO's civil experts, from a long power cut in winter to the sabotage of "
                "an undersea cable, and compare the plans their own countries have made.</p>",
            ),
            (
                "paragraph",
                "<p>Romania hosts the course at the Euro-Atlantic Resilience Centre, which it "
                "founded to share what it learns with Allies and partners. The Centre and "
                "NATO's civil emergency planning staff wrote the programme together, and "
                "instructors come from both. If this first edition meets its aims, the course "
                "will be offered again each year.</p>",
            ),
            (
                "paragraph",
                "<p>Resilience is a national responsibility and a collective commitment: the "
                "stronger each society is, the harder it is for an adversary to exploit its "
                "weak points. Journalists who wish to attend the closing session on Friday "
                "10 November should contact the Centre's press office.</p>",
            ),
        ],
    },
    {
        "kind": "advisory",
        "slug": "media-advisory-secretary-general-meets-prime-minister-rutte",
        "title": "Media advisory: the Secretary General meets the Prime Minister of the "
        "Netherlands",
        "display_date": D(2023, 11, 8),
        "published": "10:00",
        "dateline": "Brussels",
        "teaser": (
            "NATO Secretary General Jens Stoltenberg will welcome Mark Rutte, Prime Minister of "
            "the Netherlands, to NATO Headquarters on Thursday 9 November 2023. Pool only; "
            "a joint press point will be streamed."
        ),
        "image": "netherlands",
        "topics": ["ukraine", "deterrence-and-defence"],
        "people": ["jens-stoltenberg", "mark-rutte"],
        "places": ["BE", "NL"],
        "event_start": (2023, 11, 9, 14, 30),
        "event_end": (2023, 11, 9, 15, 15),
        "venue": "NATO Headquarters, Boulevard Léopold III, Brussels",
        "access": "pool",
        "live_stream_url": "https://www.example.org/live/joint-press-point",
        "accreditation_deadline": (2023, 11, 8, 17, 0),
        "accreditation_instructions": (
            "<p>Photographers and camera crews of the pool must hold an annual NATO press "
            "accreditation and register with the press office by e-mail before the deadline.</p>"
            "<p>Other media can follow the joint press point live on the NATO website.</p>"
        ),
        "body": [
            (
                "paragraph",
                "<p>The Secretary General of NATO, Jens Stoltenberg, will meet the Prime "
                "Minister of the Netherlands, Mark Rutte, at NATO Headquarters in Brussels on "
                "Thursday 9 November 2023. Their talks will cover support for Ukraine, the "
                "training of Ukrainian pilots on F-16 aircraft and defence spending across the "
                "Alliance.</p>",
            ),
            (
                "paragraph",
                "<p>14:30 arrival of the Prime Minister, photo opportunity at the entrance "
                "(pool). 14:35 meeting, closed to the media. 15:00 joint press point by the "
                "Secretary General and the Prime Minister, with time for a few questions.</p>",
            ),
            (
                "paragraph",
                "<p>The joint press point will be broadcast live on the NATO website and on "
                "NATO's video channels; photographs and video of the visit will be available "
                "to download, free of charge, shortly after the event. Transcripts of the "
                "remarks will be published in English and French the same afternoon.</p>",
            ),
            (
                "paragraph",
                "<p>Members of the pool should arrive at the visitors' entrance by 13:45 with "
                "their press card and an identity document; equipment will be checked on "
                "arrival. Parking is not available at the Headquarters.</p>",
            ),
        ],
    },
    {
        "kind": "speech",
        "slug": "speech-by-the-secretary-general-accepting-the-kissinger-prize",
        "title": "Speech by the Secretary General accepting the 2023 Henry A. Kissinger Prize",
        "display_date": D(2023, 11, 8),
        "published": "21:00",
        "dateline": "Berlin",
        "teaser": (
            "Accepting the Henry A. Kissinger Prize at the American Academy in Berlin, Jens "
            "Stoltenberg spoke about what holds Europe and North America together, and why it "
            "matters more than ever for Ukraine."
        ),
        "image": "prize",
        "topics": ["partnerships", "ukraine"],
        "people": ["jens-stoltenberg"],
        "places": ["DE"],
        "speaker": "jens-stoltenberg",
        "event": "Henry A. Kissinger Prize ceremony",
        "place": "Berlin, American Academy in Berlin",
        "as_delivered": True,
        "body": [
            (
                "paragraph",
                "<p>Thank you for this prize, and for your kind words. I accept it with "
                "gratitude, and with the knowledge that it belongs less to me than to the "
                "people who make our Alliance work every day: the diplomats, the civilians and "
                "above all the women and men in uniform who keep one billion people safe.</p>",
            ),
            (
                "paragraph",
                "<p>For more than seventy years, Europe and North America have stood together. "
                "Not because we always agree; we often do not. But because we have learned that "
                "we are safer together than apart. That lesson was written in the history of "
                "this city, which was divided for decades and is now whole and free.</p>",
            ),
            (
                "quote",
                {
                    "text": (
                        "Supporting Ukraine is not charity. It is an investment in our own "
                        "security."
                    ),
                    "attribution": "Jens Stoltenberg, NATO Secretary General",
                },
            ),
            (
                "paragraph",
                "<p>Today that unity is tested by Russia's war against Ukraine. Allies have "
                "given Ukraine unprecedented support, and Germany has become one of its "
                "largest providers of military help. We must keep going, for as long as it "
                "takes, because if President Putin wins in Ukraine, the world becomes more "
                "dangerous and we become more vulnerable.</p>",
            ),
            (
                "paragraph",
                "<p>So I thank the American Academy for this honour, and I thank Germany for "
                "its leadership. Let us keep the transatlantic bond strong. Thank you.</p>",
            ),
        ],
    },
]

EXPLAINER = {
    "slug": "top-five-russian-myths-debunked",
    "title": "Top Five Russian Myths Debunked",
    "introduction": (
        "Claims about NATO are repeated often enough to sound like facts. Here are five of the "
        "most common, and what the record shows."
    ),
    "body": [
        (
            "paragraph",
            "<h2>Myth 1: NATO promised never to take in new members</h2>"
            "<p>No such commitment was ever agreed. The 1990 treaty on German reunification "
            "dealt with Germany alone, and Article 10 of NATO's founding treaty has always "
            "allowed other European states to join. Russia itself signed the Helsinki Final Act "
            "and the Charter of Paris, which recognise each country's right to choose its own "
            "alliances.</p>",
        ),
        (
            "paragraph",
            "<h2>Myth 2: NATO is surrounding Russia</h2>"
            "<p>Only a small part of Russia's very long land border touches NATO countries. "
            "Finland and Sweden asked to join in 2022 because Russia attacked Ukraine, not "
            "because the Alliance went looking for them.</p>",
        ),
        (
            "paragraph",
            "<h2>Myth 3: NATO is an aggressive alliance</h2>"
            "<p>NATO is a defensive alliance. Its core promise, Article 5, is that an attack "
            "on one Ally is treated as an attack on all. Every decision requires the consent "
            "of all members.</p>",
        ),
        (
            "paragraph",
            "<h2>Myth 4: the West provoked the war</h2>"
            "<p>Ukraine threatened no one. Russia chose to invade in 2014 and again in February "
            "2022, in breach of international law and of its own commitments to respect "
            "Ukraine's borders.</p>",
        ),
        (
            "fact_box",
            {
                "title": "Myth 5: NATO is at war with Russia",
                "body": (
                    "<p>NATO is not a party to the conflict. Allies help Ukraine exercise its "
                    "right to self-defence, which Article 51 of the United Nations Charter "
                    "guarantees to every state.</p>"
                ),
            },
        ),
    ],
}

# The front page, as in the seed: two highlights, ten latest items, four further links.
FRONT_PAGE = {
    "title": "NATO Newsroom",
    "featured": [
        "secretary-general-joins-eu-college-of-commissioners",
        "the-european-union-a-unique-and-essential-partner-for-nato",
    ],
    "latest_count": 10,
    # (kind, slug, link title or "" to use the page's own title)
    "more_links": [
        ("item", "secretary-general-and-dutch-prime-minister-rutte", ""),
        ("item", "stoltenberg-receives-2023-henry-a-kissinger-prize", ""),
        ("topic", "ukraine", "NATO's response to Russia's invasion of Ukraine"),
        ("page", "top-five-russian-myths-debunked", ""),
    ],
}

# When topics and the explainer went live: before the items that link to them.
SECTIONS_PUBLISHED = D(2023, 11, 1)
