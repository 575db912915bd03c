"""Read a Wagtail admin form back into POST data, as a browser would submit it."""

from bs4 import BeautifulSoup
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield


def edit_form_data(html):
    soup = BeautifulSoup(html, "html.parser")
    form = soup.find("form", attrs={"data-edit-form": True}) or soup.find(
        "form", attrs={"method": "POST"}
    )
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "button", "file"):
            continue
        if field.name == "textarea":
            data[name] = field.text
        elif field.name == "select":
            chosen = [
                option.get("value", option.text)
                for option in field.find_all("option")
                if option.has_attr("selected")
            ]
            if field.has_attr("multiple"):
                data[name] = chosen
            elif chosen:
                data[name] = chosen[0]
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data.setdefault(name, []).append(field.get("value", "on"))
        else:
            data[name] = field.get("value", "")
    return data


def with_body(data, paragraphs):
    """The StreamField is drawn by JavaScript, so the form HTML lacks it: add it."""
    blocks = [("paragraph", rich_text(f"<p>{text}</p>")) for text in paragraphs]
    return {**data, **nested_form_data({"body": streamfield(blocks)})}
