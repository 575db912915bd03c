"""Accreditation requests: a journalist asks for press access at /en/press/apply/ (no account
needed), the press office approves or refuses in the admin, and an approval creates the press
account and mails a link to set its password (valid 48 hours, usable once).

- ``forms.py``: the public form (disposable and malformed addresses refused) and the decision.
- ``requests.py``: storing a request, the decisions (taken once, logged), the messages sent.
- ``tokens.py``: the set-password links.
- ``messages.py``: the mailing composer of the four messages, in the journalist's language.
- ``views.py``: the form and the set-password page; ``admin_views.py``: the decision page.
"""
