"""National code tables: regions, occupations, industries, education levels, employment types.

Every table has the same shape (``CodeEntry``): the code as primary key, so other apps store and
join on the code itself; the name; the level in the classification; the parent; a materialised
``path`` of ancestor codes so "everything under this province" is one indexed prefix query; and
pinyin keys computed when a row is loaded, for pickers. Rows are never deleted: a code an
official edition no longer lists is kept with ``in_force=False`` so old records still show it.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class CodeKind(models.TextChoices):
    """The tables, by the slug used in URLs, the API and ``import_codes``."""

    REGION = "regions", _("行政区划（GB/T 2260）")
    OCCUPATION = "occupations", _("职业分类（职业分类大典 2022 年版）")
    INDUSTRY = "industries", _("国民经济行业分类（GB/T 4754-2017）")
    EDUCATION = "education", _("学历（GB/T 4658）")
    EMPLOYMENT_TYPE = "employment-types", _("用工形式")


# The history of region codes is versioned like a table but is not one the pickers offer.
REGION_CHANGES = "region-changes"
VERSION_KINDS = [*CodeKind.choices, (REGION_CHANGES, _("区划代码变更"))]

# What each level is called in each classification's own words.
LEVEL_LABELS: dict[str, dict[int, str]] = {
    CodeKind.REGION: {1: _("省级"), 2: _("地级"), 3: _("县级")},
    CodeKind.OCCUPATION: {1: _("大类"), 2: _("中类"), 3: _("小类"), 4: _("职业（细类）")},
    CodeKind.INDUSTRY: {1: _("门类"), 2: _("大类"), 3: _("中类"), 4: _("小类")},
    CodeKind.EDUCATION: {1: _("学历类别"), 2: _("学历")},
    CodeKind.EMPLOYMENT_TYPE: {1: _("用工形式")},
}


class CodeTableVersion(models.Model):
    """Where one load of a table came from: the source, the edition, its licence, who loaded it.

    The newest row of a kind is the edition in force; older rows stay as the table's history.
    """

    kind = models.CharField(_("代码表"), max_length=32, choices=VERSION_KINDS, db_index=True)
    source = models.CharField(_("来源"), max_length=300)
    edition = models.CharField(_("版本"), max_length=200)
    licence = models.CharField(_("许可"), max_length=200, blank=True)
    note = models.TextField(_("说明"), blank=True)
    row_count = models.PositiveIntegerField(_("条目数"), default=0)
    loaded_at = models.DateTimeField(_("载入时间"))
    loaded_by = models.CharField(_("载入人"), max_length=150, blank=True)

    class Meta:
        ordering = ["kind", "-loaded_at", "-id"]
        verbose_name = _("代码表版本")
        verbose_name_plural = _("代码表版本")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.edition}"


class CodeEntry(models.Model):
    code = models.CharField(_("代码"), max_length=16, primary_key=True)
    name = models.CharField(_("名称"), max_length=100)
    level = models.PositiveSmallIntegerField(_("层级"))
    parent = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True,
                               related_name="children", verbose_name=_("上级"))
    # "/110000/110100/110101/": descendants of X are the rows whose path starts with X's path.
    path = models.CharField(max_length=200, db_index=True)
    initials = models.CharField(_("拼音首字母"), max_length=100, db_index=True)
    pinyin = models.CharField(_("拼音"), max_length=400)
    in_force = models.BooleanField(_("现行有效"), default=True)
    attributes = models.JSONField(_("附加属性"), default=dict, blank=True)
    version = models.ForeignKey(CodeTableVersion, on_delete=models.PROTECT, related_name="+",
                                verbose_name=_("版本"))

    KIND: str = ""

    class Meta:
        abstract = True
        ordering = ["path"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def level_label(self) -> str:
        return str(LEVEL_LABELS[self.KIND].get(self.level, self.level))

    @property
    def ancestor_codes(self) -> list[str]:
        return [code for code in self.path.strip("/").split("/")[:-1] if code]


class Region(CodeEntry):
    """Administrative divisions by GB/T 2260: province → prefecture → county."""

    KIND = CodeKind.REGION

    class Meta(CodeEntry.Meta):
        verbose_name = _("行政区划")
        verbose_name_plural = _("行政区划")


class RegionChange(models.Model):
    """A code that no longer names a current division, and the division that now covers it.

    ``kind``: ``merged`` (abolished and merged into the successor), ``recoded`` (the same area
    under a new code, e.g. a county that became a district) or ``statistical`` (a code from the
    statistics bureau's list that is not a division, e.g. a development zone, folded into the
    division that contains it). Chains are followed when resolving.
    """

    class Kind(models.TextChoices):
        MERGED = "merged", _("撤销合并")
        RECODED = "recoded", _("更改代码")
        STATISTICAL = "statistical", _("统计用代码")

    old_code = models.CharField(_("原代码"), max_length=6, db_index=True)
    old_name = models.CharField(_("原名称"), max_length=100)
    new_code = models.CharField(_("现代码"), max_length=6)
    year = models.PositiveSmallIntegerField(_("变更年份"), null=True, blank=True)
    kind = models.CharField(_("变更类型"), max_length=16, choices=Kind.choices)
    note = models.CharField(_("说明"), max_length=200, blank=True)
    version = models.ForeignKey(CodeTableVersion, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["old_code", "-year"]
        verbose_name = _("区划代码变更")
        verbose_name_plural = _("区划代码变更")

    def __str__(self) -> str:
        return f"{self.old_code} {self.old_name} → {self.new_code}"


class Occupation(CodeEntry):
    """The national occupational classification (职业分类大典), codes as the book prints them.

    ``attributes["marks"]``: "S" digital occupation, "L" green occupation, as marked in the book.
    """

    KIND = CodeKind.OCCUPATION

    class Meta(CodeEntry.Meta):
        verbose_name = _("职业分类")
        verbose_name_plural = _("职业分类")


class Industry(CodeEntry):
    """Industrial classification for national economic activities, GB/T 4754-2017."""

    KIND = CodeKind.INDUSTRY

    class Meta(CodeEntry.Meta):
        verbose_name = _("行业分类")
        verbose_name_plural = _("行业分类")


class EducationLevel(CodeEntry):
    """Education attainment codes, GB/T 4658."""

    KIND = CodeKind.EDUCATION

    class Meta(CodeEntry.Meta):
        verbose_name = _("学历")
        verbose_name_plural = _("学历")


class EmploymentType(CodeEntry):
    """Forms of employment a posting may offer (no national standard: FairHire's own list).

    ``attributes["schema_org"]``: the schema.org ``employmentType`` value for JSON-LD.
    """

    KIND = CodeKind.EMPLOYMENT_TYPE

    class Meta(CodeEntry.Meta):
        verbose_name = _("用工形式")
        verbose_name_plural = _("用工形式")


TABLES: dict[str, type[CodeEntry]] = {
    CodeKind.REGION: Region,
    CodeKind.OCCUPATION: Occupation,
    CodeKind.INDUSTRY: Industry,
    CodeKind.EDUCATION: EducationLevel,
    CodeKind.EMPLOYMENT_TYPE: EmploymentType,
}
