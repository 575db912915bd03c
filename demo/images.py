"""The demo's pictures, drawn with Pillow: nothing is downloaded, no font is fetched.

Each illustration carries its alt text, written to describe what the drawing shows, so the two
stay in step. Labels use Pillow's bundled font when this Pillow has FreeType, else none.
"""

import io
import math
from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont

ITEM_SIZE = (1600, 900)
PORTRAIT_SIZE = (800, 800)
LOGO_SIZE = (800, 800)
CREDIT = "NATO (illustration)"

NATO_BLUE = "#004990"
NAVY = "#0b1f3a"
EU_BLUE = "#003399"
GOLD = "#ffcc00"
WHITE = "#ffffff"


@dataclass(frozen=True)
class Illustration:
    key: str
    title: str
    alt: str
    caption: str
    draw: Callable[[Image.Image, ImageDraw.ImageDraw], None]
    label: str = ""


# --- helpers ---------------------------------------------------------------------------------


def font(size):
    """Pillow's bundled scalable font, or None when this Pillow was built without FreeType."""
    try:
        loaded = ImageFont.load_default(size=size)
    except (TypeError, OSError, ImportError):
        return None
    return loaded if isinstance(loaded, ImageFont.FreeTypeFont) else None


def gradient(image, top, bottom, box=None):
    """Fill ``box`` (default: all) with a vertical gradient from ``top`` to ``bottom``."""
    x0, y0, x1, y1 = box or (0, 0, *image.size)
    mask = Image.linear_gradient("L").resize((x1 - x0, y1 - y0))
    size = (x1 - x0, y1 - y0)
    fill = Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask)
    image.paste(fill, (x0, y0))


def bands(draw, box, colours, weights=None, vertical=False):
    """Stripes across ``box``, as on a flag; ``weights`` sets their relative widths."""
    x0, y0, x1, y1 = box
    weights = weights or [1] * len(colours)
    span = (x1 - x0) if vertical else (y1 - y0)
    start = 0.0
    for colour, weight in zip(colours, weights, strict=True):
        end = start + span * weight / sum(weights)
        if vertical:
            draw.rectangle((x0 + start, y0, x0 + end, y1), fill=colour)
        else:
            draw.rectangle((x0, y0 + start, x1, y0 + end), fill=colour)
        start = end


def star(draw, cx, cy, radius, fill, points=5, inner=0.4, rotation=-90):
    corners = []
    for i in range(points * 2):
        r = radius if i % 2 == 0 else radius * inner
        angle = math.radians(rotation + i * 180 / points)
        corners.append((cx + r * math.cos(angle), cy + r * math.sin(angle)))
    draw.polygon(corners, fill=fill)


def compass(draw, cx, cy, radius, fill, ring=None):
    """A four-pointed compass star, optionally inside a ring."""
    if ring:
        width = max(4, radius // 12)
        draw.ellipse(
            (cx - radius, cy - radius, cx + radius, cy + radius), outline=ring, width=width
        )
    star(draw, cx, cy, radius * 0.8, fill, points=4, inner=0.22)


def ring_of_stars(draw, cx, cy, radius, star_radius, fill, count=12):
    for i in range(count):
        angle = math.radians(-90 + i * 360 / count)
        star(draw, cx + radius * math.cos(angle), cy + radius * math.sin(angle), star_radius, fill)


def label(image, draw, text):
    """A short caption in a dark tab at the bottom left."""
    face = font(54)
    if not text or face is None:
        return
    left, top, right, bottom = draw.textbbox((0, 0), text, font=face)
    width, height = right - left, bottom - top
    x, y = 60, image.height - height - 110
    draw.rounded_rectangle((x - 30, y - 24, x + width + 30, y + height + 34), 14, fill=NAVY)
    draw.text((x - left, y - top), text, font=face, fill=WHITE)


def aircraft(draw, cx, cy, scale, colour, radar):
    """A side view of a four- or two-engined airliner with a ``dome`` or ``tophat`` radar."""

    def s(x, y):
        return (cx + x * scale, cy + y * scale)

    draw.rounded_rectangle((*s(-500, -45), *s(460, 45)), int(45 * scale), fill=colour)
    draw.polygon([s(420, -40), s(560, -230), s(620, -230), s(560, -30)], fill=colour)  # fin
    draw.polygon([s(430, 0), s(600, -20), s(600, 10), s(430, 30)], fill=colour)  # tailplane
    draw.polygon([s(-120, 20), s(160, 20), s(60, 95), s(-60, 95)], fill=colour)  # wing root
    draw.ellipse((*s(-40, 55), *s(90, 110)), fill=colour)  # engine
    if radar == "dome":
        draw.rectangle((*s(-40, -120), *s(-20, -40)), fill=colour)
        draw.rectangle((*s(60, -120), *s(80, -40)), fill=colour)
        draw.ellipse((*s(-190, -165), *s(230, -105)), fill=colour)
    else:
        draw.rectangle((*s(-30, -75), *s(70, -40)), fill=colour)
        draw.rectangle((*s(-280, -100), *s(300, -70)), fill=colour)


def to_bytes(image, fmt="JPEG"):
    buffer = io.BytesIO()
    if fmt == "JPEG":
        image.convert("RGB").save(buffer, "JPEG", quality=85, optimize=False)
    else:
        image.save(buffer, fmt, optimize=False)
    return buffer.getvalue()


# --- the drawings ----------------------------------------------------------------------------


def draw_eu_nato(image, draw):
    draw.rectangle((0, 0, 800, 900), fill=EU_BLUE)
    draw.rectangle((800, 0, 1600, 900), fill=NATO_BLUE)
    ring_of_stars(draw, 400, 400, 220, 34, GOLD)
    compass(draw, 1200, 400, 250, WHITE, ring=WHITE)


def draw_latvia(image, draw):
    bands(draw, (0, 0, 1600, 900), ["#9e3039", WHITE, "#9e3039"], weights=[2, 1, 2])
    draw.ellipse((1220, 90, 1500, 370), fill=NATO_BLUE)
    compass(draw, 1360, 230, 120, WHITE)


def draw_undersea(image, draw):
    gradient(image, "#1b6fa8", "#04213d", (0, 0, 1600, 760))
    for y in (60, 110, 160):
        points = [(x, y + 14 * math.sin(x / 60)) for x in range(0, 1601, 20)]
        draw.line(points, fill="#8fc7ef", width=5)
    draw.rectangle((0, 760, 1600, 900), fill="#8a7650")
    draw.line([(0, 700), (500, 720), (1000, 690), (1600, 715)], fill=GOLD, width=12)
    draw.line([(0, 640), (600, 600), (1100, 650), (1600, 610)], fill="#c0c7cf", width=22)
    for x, y in ((300, 709), (800, 704), (1300, 702)):
        draw.ellipse((x - 22, y - 22, x + 22, y + 22), fill="#ffe680")


def draw_e7(image, draw):
    gradient(image, "#5da9e9", "#dceefc")
    draw.ellipse((1180, 80, 1380, 280), fill="#fff4c2")
    aircraft(draw, 760, 470, 1.05, "#3b4a5a", radar="tophat")


def draw_e3_and_e7(image, draw):
    gradient(image, "#e8f1f8", "#b8cfe2")
    aircraft(draw, 800, 250, 0.85, "#5b6b7b", radar="dome")
    aircraft(draw, 800, 680, 0.85, "#2f3d4c", radar="tophat")


def draw_council_table(image, draw):
    bands(draw, (0, 0, 1600, 900), ["#0057b7", "#ffd700"])
    cx, cy, rx, ry = 800, 440, 520, 250
    draw.ellipse((cx - rx, cy - ry, cx + rx, cy + ry), fill="#f4efe6", outline=NAVY, width=10)
    for i in range(32):
        angle = math.radians(i * 360 / 32)
        x, y = cx + (rx + 60) * math.cos(angle), cy + (ry + 60) * math.sin(angle)
        colour = GOLD if i == 8 else NAVY
        draw.ellipse((x - 24, y - 24, x + 24, y + 24), fill=colour, outline=WHITE, width=4)
    compass(draw, cx, cy, 150, NATO_BLUE)


def draw_bulgaria(image, draw):
    bands(draw, (0, 0, 1600, 900), [WHITE, "#00966e", "#d62612"])
    for y in (690, 750, 810):
        points = [(x, y + 16 * math.sin(x / 70)) for x in range(900, 1601, 20)]
        draw.line(points, fill=WHITE, width=8)
    draw.ellipse((1200, 60, 1480, 340), fill=NATO_BLUE)
    compass(draw, 1340, 200, 120, WHITE)


def draw_black_sea(image, draw):
    draw.rectangle((0, 0, 1600, 900), fill="#e9dcb8")
    sea = [
        (260, 470), (330, 330), (520, 300), (700, 240), (880, 270), (1040, 230),
        (1230, 300), (1390, 380), (1360, 520), (1170, 600), (950, 640), (700, 690),
        (480, 650), (320, 590),
    ]  # fmt: skip
    draw.polygon(sea, fill="#1f4e79")
    for x, y in ((300, 450), (330, 360), (560, 300)):
        draw.ellipse((x - 18, y - 18, x + 18, y + 18), fill="#d62612")
    face = font(64)
    if face:
        draw.text((800, 470), "Black Sea", font=face, fill=WHITE, anchor="mm")


def draw_first_aid(image, draw):
    bands(draw, (0, 0, 800, 900), ["#0057b7", "#ffd700"])
    bands(draw, (800, 0, 1600, 900), ["#002b7f", "#fcd116", "#ce1126"], vertical=True)
    draw.rounded_rectangle((560, 210, 1040, 690), 40, fill="#009a44", outline=WHITE, width=12)
    draw.rectangle((760, 290, 840, 610), fill=WHITE)
    draw.rectangle((640, 410, 960, 490), fill=WHITE)


def draw_medal(image, draw):
    gradient(image, "#1e2a44", "#0b1020")
    draw.polygon([(640, 0), (760, 0), (860, 420), (740, 420)], fill="#2f5fa8")
    draw.polygon([(960, 0), (840, 0), (740, 420), (860, 420)], fill="#b8332e")
    draw.ellipse((560, 340, 1040, 820), fill="#d4a93a", outline="#f3d98a", width=14)
    draw.ellipse((630, 410, 970, 750), outline="#8a6a1c", width=8)
    face = font(150)
    if face:
        draw.text((800, 580), "75", font=face, fill="#5a4210", anchor="mm")


def draw_resilience(image, draw):
    bands(draw, (0, 0, 240, 900), ["#002b7f", "#fcd116", "#ce1126"], vertical=True)
    gradient(image, "#eef4f8", "#cfdde8", (240, 0, 1600, 900))
    colours = ["#004990", "#2e7d32", "#ef6c00", "#0277bd", "#c62828", "#6a1b9a", "#37474f"]
    for i, colour in enumerate(colours):
        angle = math.radians(-90 + i * 360 / 7)
        x, y = 920 + 230 * math.cos(angle), 420 + 230 * math.sin(angle)
        draw.ellipse((x - 120, y - 120, x + 120, y + 120), outline=colour, width=18)


def draw_seven_requirements(image, draw):
    draw.rectangle((0, 0, 1600, 900), fill="#f5f7fa")
    colours = ["#004990", "#2e7d32", "#ef6c00", "#0277bd", "#c62828", "#6a1b9a", "#37474f"]
    face = font(72)
    for i, colour in enumerate(colours):
        x = 140 + i * 220
        draw.ellipse((x - 90, 360, x + 90, 540), fill=colour)
        if face:
            draw.text((x, 450), str(i + 1), font=face, fill=WHITE, anchor="mm")


def draw_video_poster(image, draw):
    draw.polygon([(0, 0), (1000, 0), (600, 900), (0, 900)], fill=EU_BLUE)
    draw.polygon([(1000, 0), (1600, 0), (1600, 900), (600, 900)], fill=NATO_BLUE)
    ring_of_stars(draw, 330, 330, 170, 26, GOLD)
    compass(draw, 1290, 330, 180, WHITE, ring=WHITE)
    draw.ellipse((680, 330, 920, 570), fill=WHITE)
    draw.polygon([(770, 385), (770, 515), (870, 450)], fill=NAVY)


def draw_netherlands(image, draw):
    bands(draw, (0, 0, 1600, 900), ["#ae1c28", WHITE, "#21468b"])
    draw.ellipse((1220, 340, 1500, 620), fill=NATO_BLUE, outline=WHITE, width=8)
    compass(draw, 1360, 480, 120, WHITE)


def draw_prize(image, draw):
    gradient(image, "#123524", "#06170f")
    cx, cy = 800, 420
    for side in (-1, 1):
        for i in range(9):
            angle = math.radians(110 + i * 17) if side < 0 else math.radians(70 - i * 17)
            x, y = cx + 250 * math.cos(angle), cy + 250 * math.sin(angle)
            draw.ellipse((x - 34, y - 16, x + 34, y + 16), fill="#d4a93a")
    draw.ellipse((cx - 170, cy - 170, cx + 170, cy + 170), outline="#d4a93a", width=10)
    face = font(110)
    if face:
        draw.text((cx, cy), "2023", font=face, fill="#f3d98a", anchor="mm")


ILLUSTRATIONS = [
    Illustration(
        "eu-nato",
        "NATO and the European Union (illustration)",
        "Illustration: a ring of twelve gold stars on blue, beside a white four-pointed compass "
        "star in a circle on darker blue, with the label 'NATO and EU'.",
        "The European Union and NATO.",
        draw_eu_nato,
        "NATO and EU",
    ),
    Illustration(
        "latvia",
        "Latvia and NATO (illustration)",
        "Illustration: the carmine, white and carmine horizontal bands of the Latvian flag with "
        "a white compass star on a blue disc in the corner, labelled 'Latvia'.",
        "Latvia has been a NATO Ally since 2004.",
        draw_latvia,
        "Latvia",
    ),
    Illustration(
        "undersea",
        "Undersea cables and pipelines (illustration)",
        "Illustration: a cross-section of the sea, light blue at the surface and dark at depth, "
        "with a grey pipeline and a yellow cable running along the sandy seabed, labelled "
        "'Undersea infrastructure'.",
        "Pipelines and data cables on the seabed link Allies.",
        draw_undersea,
        "Undersea infrastructure",
    ),
    Illustration(
        "e7-wedgetail",
        "E-7A Wedgetail (illustration)",
        "Illustration: the grey silhouette of a jet with a long, flat radar mounted on top of "
        "its fuselage, flying in a pale blue sky under a pale sun, labelled 'E-7A Wedgetail'.",
        "The E-7A Wedgetail airborne early warning and control aircraft.",
        draw_e7,
        "E-7A Wedgetail",
    ),
    Illustration(
        "e3-and-e7",
        "E-3A and E-7A compared (illustration)",
        "Illustration: two aircraft silhouettes, one above the other; the upper one carries a "
        "large disc-shaped radar dome on struts, the lower one a long flat radar along its back.",
        "The E-3A AWACS and the E-7A Wedgetail.",
        draw_e3_and_e7,
    ),
    Illustration(
        "council-table",
        "NATO-Ukraine Council (illustration)",
        "Illustration: an oval table with a blue compass star at its centre, ringed by 32 seats, "
        "one of them picked out in yellow, on a blue and yellow background, labelled "
        "'NATO-Ukraine Council'.",
        "Ukraine sits among Allies in the NATO-Ukraine Council.",
        draw_council_table,
        "NATO-Ukraine Council",
    ),
    Illustration(
        "bulgaria",
        "Bulgaria and the Black Sea (illustration)",
        "Illustration: the white, green and red bands of the Bulgarian flag, with white wave "
        "lines across the lower right and a white compass star on a blue disc, labelled "
        "'Bulgaria'.",
        "Bulgaria is one of NATO's Black Sea Allies.",
        draw_bulgaria,
        "Bulgaria",
    ),
    Illustration(
        "black-sea-sketch",
        "The Black Sea (sketch map)",
        "Sketch map: the outline of the Black Sea in dark blue on sand-coloured land, with red "
        "dots on its western coast and the words 'Black Sea'.",
        "The Black Sea region.",
        draw_black_sea,
    ),
    Illustration(
        "first-aid",
        "First-aid training for Ukrainian medics (illustration)",
        "Illustration: a green first-aid sign with a white cross, set on the blue and yellow of "
        "Ukraine's flag on the left and the blue, yellow and red of Romania's flag on the right, "
        "labelled 'First aid'.",
        "Ukraine and Romania: first-aid training for medics.",
        draw_first_aid,
        "First aid",
    ),
    Illustration(
        "medal",
        "CIOR 75th Anniversary Medal (illustration)",
        "Illustration: a gold medal engraved with the number 75 hanging from a blue and red "
        "ribbon on a dark background, labelled 'CIOR 75'.",
        "The CIOR 75th Anniversary Medal.",
        draw_medal,
        "CIOR 75",
    ),
    Illustration(
        "resilience",
        "Resilience (illustration)",
        "Illustration: seven coloured rings overlapping in a circle on a pale background, beside "
        "a vertical blue, yellow and red band, labelled 'Resilience'.",
        "Seven requirements, one resilient society.",
        draw_resilience,
        "Resilience",
    ),
    Illustration(
        "seven-requirements",
        "Seven baseline requirements (diagram)",
        "Diagram: seven coloured discs in a row, numbered 1 to 7.",
        "NATO's seven baseline requirements for national resilience.",
        draw_seven_requirements,
    ),
    Illustration(
        "video-poster",
        "The European Union and NATO (video still)",
        "Illustration: a white play button between a ring of gold stars on blue and a white "
        "compass star on darker blue, labelled 'Video'.",
        "The European Union: a unique and essential partner for NATO.",
        draw_video_poster,
        "Video",
    ),
    Illustration(
        "netherlands",
        "The Netherlands and NATO (illustration)",
        "Illustration: the red, white and blue bands of the Dutch flag with a white compass "
        "star on a blue disc, labelled 'Netherlands'.",
        "The Netherlands is a founding member of NATO.",
        draw_netherlands,
        "Netherlands",
    ),
    Illustration(
        "prize",
        "Henry A. Kissinger Prize 2023 (illustration)",
        "Illustration: a gold ring with the year 2023 inside, framed by two arcs of gold "
        "leaves on dark green, labelled 'Kissinger Prize'.",
        "The Henry A. Kissinger Prize 2023.",
        draw_prize,
        "Kissinger Prize",
    ),
]


def render(illustration):
    """JPEG bytes of an item illustration, 1600x900."""
    image = Image.new("RGB", ITEM_SIZE, WHITE)
    draw = ImageDraw.Draw(image)
    illustration.draw(image, draw)
    label(image, draw, illustration.label)
    return to_bytes(image)


def initials(name):
    words = name.split()
    return (words[0][0] + words[-1][0]).upper()


def portrait(name, colour):
    """A placeholder portrait: a pale silhouette and initials on the person's colour.

    Returns (JPEG bytes, alt text).
    """
    hex_colour, colour_name = colour
    image = Image.new("RGB", PORTRAIT_SIZE, hex_colour)
    draw = ImageDraw.Draw(image)
    draw.ellipse((270, 150, 530, 410), fill="#e6e9ee")
    draw.ellipse((140, 440, 660, 960), fill="#e6e9ee")
    face = font(120)
    letters = initials(name)
    if face:
        draw.text((400, 660), letters, font=face, fill=hex_colour, anchor="mm")
    alt = (
        f"Placeholder portrait of {name}: a pale head-and-shoulders silhouette on a "
        f"{colour_name} background, marked with the initials {letters}."
    )
    return to_bytes(image), alt


def logo(text):
    """The newsroom logo (PNG): a white compass star in a ring on blue, above ``text``."""
    image = Image.new("RGB", LOGO_SIZE, NATO_BLUE)
    draw = ImageDraw.Draw(image)
    compass(draw, 400, 330, 230, WHITE, ring=WHITE)
    face = font(88)
    if face:
        draw.text((400, 680), text, font=face, fill=WHITE, anchor="mm")
    return to_bytes(image, "PNG")
