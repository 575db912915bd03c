from newsroom.mailing.testing import mail_via_smtp, smtp_server  # noqa: F401 - fixtures
