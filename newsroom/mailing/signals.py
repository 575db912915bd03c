"""``delivery_sent(sender=Delivery, delivery=...)``: sent right after the mail server (or the
sending service) accepted a message, once per delivery (again only if a worker was killed
between the server's answer and the record, when the message itself is sent again too)."""

from django.dispatch import Signal

delivery_sent = Signal()
