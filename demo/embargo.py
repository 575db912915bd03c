"""The demo's embargo: one press release under embargo, released an hour after the demo is
loaded, and a press account for trying the press area (its password is printed once, like the
admin's)."""

import datetime
import secrets

from django.utils import timezone

from newsroom.press.factories import embargo, press_account

EMBARGOED = {
    "title": "Allies to open a joint centre for undersea infrastructure security",
    "slug": "joint-centre-undersea-infrastructure",
    "dateline": "Brussels",
    "teaser": (
        "Defence ministers will announce a joint centre to watch over pipelines and data cables "
        "on the seabed, staffed by experts from fourteen Allies."
    ),
    "paragraphs": [
        "Defence ministers are expected to approve a joint centre that brings together the "
        "navies, coast guards and cable operators watching over the seabed of the North Atlantic "
        "and the Baltic Sea.",
        "The centre will share one picture of maritime traffic near critical pipelines and data "
        "cables, so that suspicious activity is noticed early and reported to the nations "
        "concerned within hours.",
        "Experts from fourteen Allies will staff the centre from next spring. Industry partners "
        "will join its exercises and lend their own monitoring data.",
    ],
    "image": "undersea",
    "topics": ["resilience", "deterrence-and-defence"],
}
PRESS_USERNAME = "press"
PRESS_OUTLET = "Demo Press Agency"


def load_embargo(index, pictures, topics, stdout):
    """Add the embargoed story under ``index`` and the demo press account."""
    from newsroom.news.models import PressReleasePage

    words = EMBARGOED
    release = (timezone.now() + datetime.timedelta(hours=1)).replace(second=0, microsecond=0)
    page = PressReleasePage(
        title=words["title"],
        slug=words["slug"],
        dateline=words["dateline"],
        display_date=timezone.localdate(release),
        teaser=words["teaser"],
        listing_image=pictures.get(words["image"]),
        body=[("paragraph", f"<p>{text}</p>") for text in words["paragraphs"]],
        live=False,
    )
    index.add_child(instance=page)
    page.topics.set([topics[slug] for slug in words["topics"] if slug in topics])
    embargo(page, release)
    password = secrets.token_urlsafe(12)
    press_account(PRESS_USERNAME, password=password, outlet=PRESS_OUTLET)
    stdout.write(
        "\nA press account was created for trying the embargo area. It is shown only this once:\n"
        f"    user name: {PRESS_USERNAME}\n    password:  {password}\n"
        "Sign in at /en/press/ (one press release is under embargo for an hour).\n"
    )
    return page
