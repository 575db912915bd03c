"""Draw the site's icons (static/icons/): the PNGs and favicon.ico are the same picture as
favicon.svg, a page of news on the brand's blue, drawn here with Pillow so that no design tool is
needed to change them. Run it after changing the shapes: `python scripts/icons.py`."""

from pathlib import Path

from PIL import Image, ImageDraw

ICONS = Path(__file__).resolve().parent.parent / "static" / "icons"
BRAND = "#003a70"
# The shapes of favicon.svg on its 64-unit grid: (x, y, width, height, colour).
BACKGROUND_RADIUS = 12
SHAPES = [
    (14, 11, 36, 42, "#fff"),
    (19, 17, 26, 8, BRAND),
    (19, 30, 26, 3, BRAND),
    (19, 37, 26, 3, BRAND),
    (19, 44, 17, 3, BRAND),
]


def draw(size, *, rounded=True):
    scale = size / 64
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    canvas = ImageDraw.Draw(image)
    radius = BACKGROUND_RADIUS * scale if rounded else 0
    canvas.rounded_rectangle((0, 0, size - 1, size - 1), radius=radius, fill=BRAND)
    for x, y, width, height, colour in SHAPES:
        box = (x * scale, y * scale, (x + width) * scale - 1, (y + height) * scale - 1)
        canvas.rectangle(box, fill=colour)
    return image


def main():
    draw(180, rounded=False).save(ICONS / "apple-touch-icon.png")  # the phone rounds it itself
    draw(192).save(ICONS / "icon-192.png")
    draw(512).save(ICONS / "icon-512.png")
    draw(48).save(ICONS / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])


if __name__ == "__main__":
    main()
