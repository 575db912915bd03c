"""Press release numbers: "Press Release (2023) 142", one sequence per year, never reused.

A number is handed out once, when a release is first published, from a counter row per year.
The counter is raised with one ``UPDATE ... SET last_number = last_number + 1`` before it is
read: the UPDATE takes the row's write lock (PostgreSQL) or the database's write lock (SQLite)
until the transaction ends, so two releases published at the same moment queue there and get
consecutive numbers. The counter only ever goes up, so deleting or unpublishing a release never
frees its number. Translations of a release share its number (see PressReleasePage), which is
why the pages themselves carry no unique constraint on it.
"""

from django.db import models, transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _


class PressReleaseCounter(models.Model):
    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    last_number = models.PositiveIntegerField(_("last number given"), default=0)

    class Meta:
        verbose_name = _("press release counter")

    def __str__(self):
        return f"{self.year}: {self.last_number}"

    @classmethod
    def next_number(cls, year):
        """The next number of ``year``, taken for good (call inside the publishing transaction)."""
        with transaction.atomic():
            cls.objects.get_or_create(year=year)
            cls.objects.filter(year=year).update(last_number=F("last_number") + 1)
            return cls.objects.values_list("last_number", flat=True).get(year=year)
