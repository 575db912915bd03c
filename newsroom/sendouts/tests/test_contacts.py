"""Media contacts in the admin: added by hand (a duplicate address refused, naming the contact
who has it), imported from CSV (preview, refusals with reasons, all or nothing, bad files
refused with a clear message) and exported with formulas kept as text."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from newsroom.sendouts.models import MediaContact

pytestmark = pytest.mark.django_db

HEADER = (
    "name,email,outlet,role,country,languages,beats,phone,notes,consent,consent_source,"
    "consent_date\n"
)


def upload(client, text, name="contacts.csv"):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return client.post(
        "/admin/sendouts/contacts/import/", {"file": SimpleUploadedFile(name, data, "text/csv")}
    )


def confirm(client, preview_response):
    context = preview_response.context
    return client.post(
        "/admin/sendouts/contacts/import/",
        {"token": context["token"], "expected": len(context["preview"].rows)},
    )


def test_a_contact_added_by_hand_and_a_duplicate_refused_naming_the_existing_one(officer):
    form = officer.get("/admin/media_contacts/new/")
    assert form.status_code == 200
    fields = {"name": "Ana Reporter", "email": "Ana@Quotidien.example", "outlet": "Le Quotidien",
              "role": "Defence correspondent", "country": "be", "languages": "fr, EN",
              "beats": "defence, summits", "phone": "+32 2 000 00 00", "notes": "",
              "consent": "on", "consent_source": "press conference",
              "consent_date": "2026-11-02"}  # fmt: skip
    saved = officer.post("/admin/media_contacts/new/", fields)
    assert saved.status_code == 302, saved.content.decode()[:3000]
    contact = MediaContact.objects.get()
    assert (contact.email, contact.country, contact.languages, contact.beats) == (
        "ana@quotidien.example",
        "BE",
        "fr,en",
        "defence,summits",
    )
    duplicate = {**fields, "name": "Someone else", "email": " ANA@quotidien.example"}
    again = officer.post("/admin/media_contacts/new/", duplicate)
    assert again.status_code == 200
    assert "already the address of a contact: Ana Reporter (Le Quotidien)" in again.content.decode()
    assert MediaContact.objects.count() == 1


def test_an_import_shows_a_preview_with_each_refusal_and_imports_only_when_confirmed(officer):
    MediaContact.objects.create(name="Bo Existing", email="bo@weekly.example", outlet="Weekly")
    text = HEADER + (
        'Ana Reporter,ana@quotidien.example,Le Quotidien,Editor,BE,"fr,en",defence,,,yes,card,'
        "2026-11-01\n"
        "No Address,not-an-address,Outlet,,,,,,,,,\n"
        "Bo Again,BO@weekly.example,Weekly,,,,,,,,,\n"
        ",nameless@example.org,,,,,,,,,,\n"
        "Ana Twice,Ana@Quotidien.example,,,,,,,,,,\n"
        "Cy Country,cy@example.org,,,Belgium,,,,,maybe,,17/11/2026\n"
        "Dee Fine,dee@example.org,Radio,,FR,fr,climate,,,no,,\n"
    )
    preview = upload(officer, text)
    assert preview.status_code == 200
    page = preview.content.decode()
    assert [values["email"] for _line, values in preview.context["preview"].rows] == [
        "ana@quotidien.example",
        "dee@example.org",
    ]
    refused = {row.line: " ".join(row.reasons) for row in preview.context["preview"].refused}
    assert set(refused) == {3, 4, 5, 6, 7}
    assert "This is not a valid e-mail address." in refused[3]
    assert "already the address of a contact: Bo Existing (Weekly)" in refused[4]
    assert "The name is empty." in refused[5]
    assert "The same address is on line 2 of this file." in refused[6]
    assert (
        "two-letter code" in refused[7] and "yes or no" in refused[7] and "YYYY-MM-DD" in refused[7]
    )
    assert "5 rows refused" in page and "2 contacts to add" in page
    # Nothing is imported by the preview.
    assert MediaContact.objects.count() == 1

    done = confirm(officer, preview)
    assert done.status_code == 302
    assert sorted(MediaContact.objects.values_list("email", flat=True)) == [
        "ana@quotidien.example",
        "bo@weekly.example",
        "dee@example.org",
    ]
    ana = MediaContact.objects.get(email="ana@quotidien.example")
    assert (ana.languages, ana.consent, str(ana.consent_date)) == ("fr,en", True, "2026-11-01")


def test_an_import_whose_rows_changed_since_the_preview_imports_nothing(officer):
    preview = upload(
        officer, HEADER + "Ana,ana@example.org,,,,,,,,,,\nBo,bo@example.org,,,,,,,,,,\n"
    )
    assert len(preview.context["preview"].rows) == 2
    # Another press officer adds one of the two in the meantime.
    MediaContact.objects.create(name="Bo (by hand)", email="bo@example.org")
    done = confirm(officer, preview)
    assert done.status_code == 302
    assert list(MediaContact.objects.values_list("email", flat=True)) == ["bo@example.org"]
    followed = officer.get(done["Location"])
    assert "nothing was imported" in followed.content.decode()
    # The same confirmation posted twice (a double click) imports once.
    fresh = upload(officer, HEADER + "Cy,cy@example.org,,,,,,,,,,\n")
    confirm(officer, fresh)
    confirm(officer, fresh)
    assert MediaContact.objects.filter(email="cy@example.org").count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("name,email\nZoë,zoe@example.org\n".encode("latin-1"), "is not UTF-8 text"),
        (b"full name,address\nAna,ana@example.org\n", "missing: name, email"),
        (b"", "The submitted file is empty."),
    ],
    ids=["latin-1", "missing-columns", "empty"],
)
def test_a_file_that_cannot_be_read_is_refused_with_a_clear_message(officer, data, message):
    refused = upload(officer, data)
    assert refused.status_code == 400
    assert message in refused.content.decode()
    assert not MediaContact.objects.exists()


def test_a_cell_with_a_control_character_refuses_its_row(officer):
    preview = upload(officer, b"name,email\nAna,ana@example.org\0\nBo,bo@example.org\n")
    assert preview.status_code == 200
    [refused] = preview.context["preview"].refused
    assert refused.line == 2 and "not allowed in a plain address" in " ".join(refused.reasons)
    assert [values["email"] for _line, values in preview.context["preview"].rows] == [
        "bo@example.org"
    ]


def test_a_50_mb_file_is_refused_before_it_is_read(officer):
    row = "Ana Reporter,ana@example.org,Le Quotidien,,,,,,,,,\n"
    data = (HEADER + row * (50 * 1024 * 1024 // len(row))).encode()
    assert len(data) > 50_000_000
    refused = upload(officer, data)
    assert refused.status_code == 400
    assert "at most 5.2 MB can be imported at once" in refused.content.decode()
    assert not MediaContact.objects.exists()


def test_formulas_are_imported_as_text_and_exported_escaped(officer):
    text = HEADER + (
        '"=cmd|\' /C calc\'!A0",eve@example.org,+Outlet,-role,,,,@SUM(1),"=HYPERLINK(""x"")",,,\n'
    )
    confirm(officer, upload(officer, text))
    eve = MediaContact.objects.get(email="eve@example.org")
    assert eve.name == "=cmd|' /C calc'!A0"  # kept as the journalist's data, never evaluated
    exported = officer.get("/admin/sendouts/contacts/export/")
    assert exported.status_code == 200
    assert exported["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(exported.content.decode())))
    assert rows[0]["name"] == "'=cmd|' /C calc'!A0"
    assert (rows[0]["outlet"], rows[0]["role"], rows[0]["phone"]) == (
        "'+Outlet",
        "'-role",
        "'@SUM(1)",
    )
    assert rows[0]["notes"] == '\'=HYPERLINK("x")'
    assert rows[0]["email"] == "eve@example.org" and rows[0]["accredited"] == "no"
    # No cell of the file starts with a formula character.
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@")), value


def test_an_editor_who_does_not_publish_cannot_import(editor):
    assert editor.get("/admin/sendouts/contacts/import/").status_code in (302, 403)
