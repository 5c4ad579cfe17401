"""Job seekers: the real-name profile, résumés and the gig card (Regulation Art. 16; GN (8))."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from fairhire.privacy.sealed import Sealed


class SeekerProfile(Sealed):
    """A job seeker's real-name identity and contact details, every one encrypted at rest.

    ``id_number_index`` is the HMAC blind index of the ID number: unique, so one person holds one
    account, and found without decrypting anything (SECURITY.md control 10).
    """

    class Status(models.TextChoices):
        ACTIVE = "active", _("正常")
        CLOSED = "closed", _("已注销")

    SEALED_FIELDS = ("real_name", "id_number", "birth_date", "phone", "email", "address")

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                related_name="seeker_profile")
    real_name = models.TextField(_("姓名（密文）"), blank=True)
    id_number = models.TextField(_("身份证号码（密文）"), blank=True)
    id_number_index = models.CharField(max_length=64, null=True, blank=True, unique=True)
    birth_date = models.TextField(_("出生日期（密文）"), blank=True)
    phone = models.TextField(_("手机号码（密文）"), blank=True)
    phone_index = models.CharField(max_length=64, blank=True, db_index=True)
    email = models.TextField(_("电子邮箱（密文）"), blank=True)
    # Finds the account of a password-reset address without decrypting every profile.
    email_index = models.CharField(max_length=64, blank=True, db_index=True)
    address = models.TextField(_("住址（密文）"), blank=True)
    verified_at = models.DateTimeField(_("实名核验时间"), null=True, blank=True)
    status = models.CharField(_("状态"), max_length=16, choices=Status.choices,
                              default=Status.ACTIVE)
    closed_at = models.DateTimeField(_("注销时间"), null=True, blank=True)
    # After closing, the real-name record (name and ID number) is kept, restricted, for the
    # service-record retention (Regulation Art. 26) and erased when it ends.
    erased_at = models.DateTimeField(_("实名记录删除时间"), null=True, blank=True)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    class Meta:
        verbose_name = _("求职者")

    def __str__(self) -> str:
        return f"seeker #{self.pk}"


class EducationLevel(models.TextChoices):
    """Highest education, GB/T 4658-2006 学历代码 (graduated codes)."""

    DOCTORATE = "11", _("博士研究生")
    MASTER = "14", _("硕士研究生")
    BACHELOR = "21", _("大学本科")
    COLLEGE = "31", _("大学专科")
    SECONDARY_VOCATIONAL = "41", _("中等专科")
    TECHNICAL_SCHOOL = "51", _("技工学校")
    HIGH_SCHOOL = "61", _("普通高中")
    JUNIOR_HIGH = "71", _("初中")
    PRIMARY = "81", _("小学")
    OTHER = "90", _("其他")


class EmploymentType(models.TextChoices):
    FULL_TIME = "full_time", _("全职")
    PART_TIME = "part_time", _("非全日制")
    GIG = "gig", _("零工")
    INTERNSHIP = "internship", _("实习")


class Availability(models.TextChoices):
    NOW = "now", _("随时到岗")
    TWO_WEEKS = "two_weeks", _("两周内")
    ONE_MONTH = "one_month", _("一个月内")
    NEGOTIABLE = "negotiable", _("面议")


class Resume(models.Model):
    class Visibility(models.TextChoices):
        SEARCHABLE = "searchable", _("公开（隐藏姓名和联系方式）")
        APPLIED_ONLY = "applied_only", _("仅投递的用人单位可见")
        HIDDEN = "hidden", _("隐藏")

    owner = models.ForeignKey(SeekerProfile, on_delete=models.CASCADE, related_name="resumes")
    title = models.CharField(_("简历名称"), max_length=60)
    visibility = models.CharField(_("可见范围"), max_length=16, choices=Visibility.choices,
                                  default=Visibility.APPLIED_ONLY)
    skills = models.TextField(_("技能"), max_length=1000, blank=True)
    skill_codes = models.JSONField(_("技能对应职业编码"), default=list, blank=True)
    expected_occupations = models.JSONField(_("期望职业"), default=list, blank=True)
    expected_regions = models.JSONField(_("期望地区（行政区划代码）"), default=list, blank=True)
    employment_types = models.JSONField(_("工作性质"), default=list, blank=True)
    pay_min = models.PositiveIntegerField(_("期望月薪下限（元）"), null=True, blank=True)
    pay_max = models.PositiveIntegerField(_("期望月薪上限（元）"), null=True, blank=True)
    availability = models.CharField(_("到岗时间"), max_length=16, choices=Availability.choices,
                                    blank=True)
    self_intro = models.TextField(_("自我介绍"), max_length=500, blank=True)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ["-updated_at", "-id"]

    def __str__(self) -> str:
        return self.title


class Education(models.Model):
    resume = models.ForeignKey(Resume, on_delete=models.CASCADE, related_name="education")
    level = models.CharField(_("学历"), max_length=2, choices=EducationLevel.choices)
    school = models.CharField(_("学校"), max_length=100)
    major = models.CharField(_("专业"), max_length=100, blank=True)
    start = models.DateField(_("开始"), null=True, blank=True)
    end = models.DateField(_("结束"), null=True, blank=True)

    class Meta:
        ordering = ["-end", "id"]

    def __str__(self) -> str:
        return self.school


class WorkExperience(models.Model):
    resume = models.ForeignKey(Resume, on_delete=models.CASCADE, related_name="work")
    employer = models.CharField(_("单位"), max_length=100)
    position = models.CharField(_("职位"), max_length=100)
    start = models.DateField(_("开始"), null=True, blank=True)
    end = models.DateField(_("结束"), null=True, blank=True)
    duties = models.TextField(_("工作内容"), max_length=1000, blank=True)

    class Meta:
        ordering = ["-start", "id"]

    def __str__(self) -> str:
        return self.position


class Certificate(models.Model):
    resume = models.ForeignKey(Resume, on_delete=models.CASCADE, related_name="certificates")
    title = models.CharField(_("证书或执照"), max_length=100)
    issuer = models.CharField(_("发证机构"), max_length=100, blank=True)
    obtained = models.DateField(_("取得日期"), null=True, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.title


class LanguageSkill(models.Model):
    class Level(models.TextChoices):
        BASIC = "basic", _("一般")
        GOOD = "good", _("良好")
        FLUENT = "fluent", _("熟练")
        NATIVE = "native", _("母语")

    resume = models.ForeignKey(Resume, on_delete=models.CASCADE, related_name="languages")
    language = models.CharField(_("语言"), max_length=40)
    level = models.CharField(_("水平"), max_length=16, choices=Level.choices)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.language


class SkillLevel(models.IntegerChoices):
    """National vocational skill levels (国家职业资格等级), five the lowest; 0 = none."""

    NONE = 0, _("无")
    LEVEL_5 = 5, _("五级/初级工")
    LEVEL_4 = 4, _("四级/中级工")
    LEVEL_3 = 3, _("三级/高级工")
    LEVEL_2 = 2, _("二级/技师")
    LEVEL_1 = 1, _("一级/高级技师")


class GigCard(models.Model):
    """What a gig worker offers (gig notice (8)): skill level, expected daily pay, where, when."""

    owner = models.OneToOneField(SeekerProfile, on_delete=models.CASCADE,
                                 related_name="gig_card")
    work_types = models.CharField(_("可从事的工作"), max_length=200)
    skill_level = models.PositiveSmallIntegerField(_("职业技能等级"), choices=SkillLevel.choices,
                                                   default=SkillLevel.NONE)
    daily_pay = models.PositiveIntegerField(_("期望日薪（元）"))
    districts = models.JSONField(_("可工作区县（行政区划代码）"), default=list)
    hours = models.CharField(_("可工作时间"), max_length=100)
    updated_at = models.DateTimeField()

    def __str__(self) -> str:
        return self.work_types


class IdentityImage(Sealed):
    """A photo of the seeker's ID card for real-name verification, encrypted at rest
    (SECURITY.md controls 9, 22). The image bytes live sealed in ``image``, bound to this row, so
    key rotation, the self-inspection's coverage check and the moved-ciphertext guard apply to
    them exactly as to the other sealed columns."""

    class Side(models.TextChoices):
        FRONT = "front", _("身份证人像面")
        BACK = "back", _("身份证国徽面")

    SEALED_FIELDS = ("image",)
    SEALED_BATCH = 10  # rows per read during key rotation: each holds a whole image

    owner = models.ForeignKey(SeekerProfile, on_delete=models.CASCADE,
                              related_name="identity_images")
    side = models.CharField(_("证件面"), max_length=8, choices=Side.choices)
    image = models.TextField(_("图片（密文）"))
    content_type = models.CharField(max_length=20)
    size = models.PositiveIntegerField(_("大小"))
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(_("上传时间"))

    class Meta:
        ordering = ["side"]
        verbose_name = _("身份证照片")
        constraints = [models.UniqueConstraint(fields=["owner", "side"],
                                               name="one_identity_image_per_side")]

    def __str__(self) -> str:
        return f"{self.get_side_display()} #{self.pk}"
