"""Refresh the French catalogue: extract strings, apply locale/fr_strings.py, compile.

Run with `make messages` (needs GNU gettext's xgettext for extraction; the Makefile installs
Debian's `gettext` package when it is missing). Exits non-zero if a string has no French.
"""

import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
PO_FILE = ROOT / "locale" / "fr" / "LC_MESSAGES" / "django.po"
IGNORE = [".venv", ".tools", "static-collected", "data", "bench-data", "*/tests/*", "tests"]


def extract():
    command = [sys.executable, "manage.py", "makemessages", "-l", "fr", "--no-obsolete"]
    for pattern in IGNORE:
        command += ["--ignore", pattern]
    subprocess.run(command, cwd=ROOT, check=True)  # noqa: S603 - fixed arguments


def key_of(entry):
    if entry.msgid_plural:
        return (entry.msgid, entry.msgid_plural)
    return (entry.msgctxt, entry.msgid) if entry.msgctxt else entry.msgid


def apply_french():
    sys.path.insert(0, str(ROOT / "locale"))
    from fr_strings import FRENCH

    po = polib.pofile(str(PO_FILE))
    missing = []
    for entry in po:
        if entry.msgid_plural:
            forms = FRENCH.get((entry.msgid, entry.msgid_plural))
            if forms:
                entry.msgstr_plural = {0: forms[0], 1: forms[1]}
        else:
            key = key_of(entry)
            if key in FRENCH:
                entry.msgstr = FRENCH[key]
        if "fuzzy" in entry.flags:
            # msgmerge's guess from a similar string is often wrong: only our French counts.
            entry.flags.remove("fuzzy")
            if key_of(entry) not in FRENCH:
                entry.msgstr = ""
                entry.msgstr_plural = dict.fromkeys(entry.msgstr_plural, "")
        if not entry.translated():
            missing.append(entry.msgid)
    po.metadata["Language"] = "fr"
    po.metadata["Plural-Forms"] = "nplurals=2; plural=(n > 1);"
    po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
    po.save()
    po.save_as_mofile(str(PO_FILE.with_suffix(".mo")))
    return missing


if __name__ == "__main__":
    if "--compile-only" not in sys.argv:
        extract()
    missing = apply_french()
    if missing:
        sys.exit("No French yet for:\n  " + "\n  ".join(missing))
    print(f"French catalogue complete: {PO_FILE.relative_to(ROOT)} and its .mo")
