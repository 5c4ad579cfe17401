"""Profiles API: real-name sign-up, résumés, gig card, and the seeker's data rights."""


from datetime import date, datetime

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, File, Router, Schema, Status
from ninja.files import UploadedFile

from fairhire.accounts.api import RateLimitedOut
from fairhire.core.api import ErrorOut
from fairhire.core.errors import InvalidInput
from fairhire.orgs.uploads import MAX_BYTES
from fairhire.privacy import crypto
from fairhire.profiles import selectors, services
from fairhire.profiles.completeness import resume_completeness
from fairhire.profiles.models import Resume

router = Router(tags=["profiles"])

ERRORS = {400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut}


class SeekerSignUpIn(Schema):
    username: str = Field(..., max_length=150)
    password: str = Field(..., max_length=128)
    real_name: str = Field(..., max_length=30)
    id_number: str = Field(..., max_length=30)
    phone: str = Field(..., max_length=20)
    email: str = Field("", max_length=254)
    address: str = Field("", max_length=200)
    consent_general: bool = Field(False, description="同意个人信息处理规则")
    consent_id_number: bool = Field(False, description="单独同意处理身份证号码")


class SeekerOut(Schema):
    """What sign-up answers: masked, because a response body may end up in logs."""

    user_id: int
    username: str
    real_name: str
    id_number: str
    phone: str


@router.post("/seekers", auth=None, url_name="api-seeker-sign-up",
             response={201: SeekerOut, **ERRORS, 429: RateLimitedOut})
def seeker_sign_up(request: HttpRequest, body: SeekerSignUpIn):
    """Real-name sign-up of a job seeker (Regulation Art. 16); 429 when the address signed up
    too often in the last hour."""
    consents = [kind for kind, given in (("general", body.consent_general),
                                         ("id_number", body.consent_id_number)) if given]
    profile = services.seeker_sign_up(
        username=body.username, password=body.password, real_name=body.real_name,
        id_number=body.id_number, phone=body.phone, email=body.email, address=body.address,
        consents=consents)
    return Status(201, {"user_id": profile.user_id, "username": profile.user.username,
                        "real_name": crypto.mask_name(profile.unseal("real_name")),
                        "id_number": crypto.mask_id_number(profile.unseal("id_number")),
                        "phone": crypto.mask_phone(profile.unseal("phone"))})


class EducationIn(Schema):
    level: str = Field(..., max_length=2, description="GB/T 4658 学历代码")
    school: str = Field(..., max_length=100)
    major: str = Field("", max_length=100)
    start: date | None = None
    end: date | None = None


class WorkIn(Schema):
    employer: str = Field(..., max_length=100)
    position: str = Field(..., max_length=100)
    start: date | None = None
    end: date | None = None
    duties: str = Field("", max_length=1000)


class CertificateIn(Schema):
    title: str = Field(..., max_length=100)
    issuer: str = Field("", max_length=100)
    obtained: date | None = None


class LanguageIn(Schema):
    language: str = Field(..., max_length=40)
    level: str = Field(..., max_length=16)


class ResumeIn(Schema):
    title: str = Field(..., max_length=60)
    visibility: Resume.Visibility = Resume.Visibility.APPLIED_ONLY
    skills: str = Field("", max_length=1000)
    skill_codes: list[str] = Field(default_factory=list, max_length=20)
    expected_occupations: list[str] = Field(default_factory=list, max_length=10)
    expected_regions: list[str] = Field(default_factory=list, max_length=10)
    employment_types: list[str] = Field(default_factory=list, max_length=4)
    pay_min: int | None = Field(None, ge=0, le=1_000_000)
    pay_max: int | None = Field(None, ge=0, le=1_000_000)
    availability: str = Field("", max_length=16)
    self_intro: str = Field("", max_length=500)
    education: list[EducationIn] = Field(default_factory=list, max_length=20)
    work: list[WorkIn] = Field(default_factory=list, max_length=20)
    certificates: list[CertificateIn] = Field(default_factory=list, max_length=20)
    languages: list[LanguageIn] = Field(default_factory=list, max_length=20)

    def to_data(self) -> services.ResumeData:
        return services.ResumeData(**self.dict())


class ResumeOut(Schema):
    id: int
    title: str
    visibility: str
    skills: str
    skill_codes: list[str]
    expected_occupations: list[str]
    expected_regions: list[str]
    employment_types: list[str]
    pay_min: int | None
    pay_max: int | None
    availability: str
    self_intro: str
    education: list[EducationIn]
    work: list[WorkIn]
    certificates: list[CertificateIn]
    languages: list[LanguageIn]
    completeness: int
    missing: list[str]

    @staticmethod
    def resolve_education(obj: Resume):
        return list(obj.education.all())

    @staticmethod
    def resolve_work(obj: Resume):
        return list(obj.work.all())

    @staticmethod
    def resolve_certificates(obj: Resume):
        return list(obj.certificates.all())

    @staticmethod
    def resolve_languages(obj: Resume):
        return list(obj.languages.all())

    @staticmethod
    def resolve_completeness(obj: Resume) -> int:
        return resume_completeness(obj).percent

    @staticmethod
    def resolve_missing(obj: Resume) -> list[str]:
        return [label for _code, label in resume_completeness(obj).missing]


@router.get("/me/resumes", response={200: list[ResumeOut], **ERRORS}, url_name="api-resume-list")
def resume_list(request: HttpRequest):
    """Your résumés, each with its completeness and what is missing."""
    selectors.seeker_profile_get(actor=request.auth)
    return list(selectors.resume_list(actor=request.auth))


@router.post("/me/resumes", response={201: ResumeOut, **ERRORS}, url_name="api-resume-create")
def resume_create(request: HttpRequest, body: ResumeIn):
    resume = services.resume_save(actor=request.auth, data=body.to_data())
    return Status(201, resume)


@router.get("/me/resumes/{resume_id}", response={200: ResumeOut, **ERRORS},
            url_name="api-resume-get")
def resume_get(request: HttpRequest, resume_id: int):
    return selectors.resume_get(actor=request.auth, resume_id=resume_id)


@router.put("/me/resumes/{resume_id}", response={200: ResumeOut, **ERRORS},
            url_name="api-resume-put")
def resume_put(request: HttpRequest, resume_id: int, body: ResumeIn):
    """Replace one of your résumés entirely."""
    resume = selectors.resume_get(actor=request.auth, resume_id=resume_id)
    return services.resume_save(actor=request.auth, resume=resume, data=body.to_data())


@router.delete("/me/resumes/{resume_id}", response={204: None, **ERRORS},
               url_name="api-resume-delete")
def resume_delete(request: HttpRequest, resume_id: int):
    resume = selectors.resume_get(actor=request.auth, resume_id=resume_id)
    services.resume_delete(actor=request.auth, resume=resume)
    return Status(204, None)


class GigCardIn(Schema):
    work_types: str = Field(..., max_length=200)
    skill_level: int = Field(0, ge=0, le=5, description="国家职业技能等级 1-5，0 为无")
    daily_pay: int = Field(..., gt=0, le=100_000)
    districts: list[str] = Field(..., min_length=1, max_length=20)
    hours: str = Field(..., max_length=100)


class GigCardOut(GigCardIn):
    pass


@router.get("/me/gig-card", response={200: GigCardOut, **ERRORS}, url_name="api-gig-card-get")
def gig_card_get(request: HttpRequest):
    selectors.seeker_profile_get(actor=request.auth)
    card = selectors.gig_card_get(actor=request.auth)
    if card is None:
        return Status(404, {"code": "profiles.no_gig_card", "message": "还没有零工名片。"})
    return card


@router.put("/me/gig-card", response={200: GigCardOut, **ERRORS}, url_name="api-gig-card-put")
def gig_card_put(request: HttpRequest, body: GigCardIn):
    """Create or update your gig card (gig notice (8))."""
    return services.gig_card_save(actor=request.auth, **body.dict())


class CorrectIn(Schema):
    phone: str | None = Field(None, max_length=20)
    email: str | None = Field(None, max_length=254)
    address: str | None = Field(None, max_length=200)


@router.get("/me/data", response={200: dict, **ERRORS}, url_name="api-my-data")
def my_data(request: HttpRequest):
    """Everything FairHire holds about you, decrypted for you (PIPL Art 45)."""
    return services.my_data_download(actor=request.auth)


@router.put("/me/profile", response={200: dict, **ERRORS}, url_name="api-my-profile-correct")
def my_profile_correct(request: HttpRequest, body: CorrectIn):
    """Correct your phone, e-mail or address (PIPL Art 46)."""
    profile = services.seeker_profile_correct(actor=request.auth, **body.dict())
    return {"phone": profile.unseal("phone"), "email": profile.unseal("email"),
            "address": profile.unseal("address")}


class DoneOut(Schema):
    code: str
    message: str


@router.post("/me/consents/{kind}", response={200: DoneOut, **ERRORS},
             url_name="api-consent-give")
def consent_give(request: HttpRequest, kind: str):
    """Give the ``general`` or ``resume_sending`` consent (again)."""
    services.seeker_consent_give(actor=request.auth, kind=kind)
    return {"code": "privacy.consent_given", "message": "已同意。"}


@router.post("/me/consents/{kind}/withdraw", response={200: DoneOut, **ERRORS},
             url_name="api-consent-withdraw")
def consent_withdraw(request: HttpRequest, kind: str):
    """Withdraw a consent (``general``, ``id_number`` or ``resume_sending``)."""
    services.seeker_consent_withdraw(actor=request.auth, kind=kind)
    return {"code": "privacy.consent_withdrawn", "message": "已撤回同意。"}


@router.post("/me/close", response={200: DoneOut, **ERRORS}, url_name="api-account-close")
def account_close(request: HttpRequest):
    """Close your account: your profile is erased and you are signed out everywhere."""
    services.seeker_account_close(actor=request.auth)
    return {"code": "profiles.account_closed", "message": "账号已注销。"}


class SeekerIdentityOut(Schema):
    name: str | None
    id_number: str | None
    birth_date: str | None
    phone: str | None
    email: str | None
    address: str | None


@router.get("/seekers/{profile_id}", response={200: SeekerIdentityOut, **ERRORS},
            url_name="api-seeker-identity")
def seeker_identity(request: HttpRequest, profile_id: int, purpose: str = ""):
    """A seeker's identity for a reviewer or inspector: masked unless ``purpose`` is stated, in
    which case the view is recorded in the PI access log."""
    return services.seeker_profile_disclose(actor=request.auth, profile_id=profile_id,
                                            purpose=purpose[:300])


class IdentityImageOut(Schema):
    side: str
    content_type: str
    size: int
    uploaded_at: datetime


def _image_response(image, data: bytes) -> HttpResponse:
    response = HttpResponse(data, content_type=image.content_type)
    extension = "png" if image.content_type == "image/png" else "jpg"
    response["Content-Disposition"] = f'attachment; filename="id-{image.side}.{extension}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response


@router.get("/me/identity-images", response={200: list[IdentityImageOut], **ERRORS},
            url_name="api-identity-image-list")
def identity_image_list(request: HttpRequest):
    """Your ID-card photos on file (the list; each photo downloads on its own)."""
    return list(selectors.identity_image_list(actor=request.auth))


@router.post("/me/identity-images/{side}", response={201: IdentityImageOut, **ERRORS},
             url_name="api-identity-image-upload")
def identity_image_upload(request: HttpRequest, side: str, file: File[UploadedFile]):
    """Upload a photo of one side (``front`` or ``back``) of your ID card: JPEG or PNG, at most
    10 MB, judged by its content and stored encrypted; it replaces an earlier one."""
    if file.size is not None and file.size > MAX_BYTES:
        raise InvalidInput(_("文件不能超过 10 MB。"), code="upload.too_large", field="file")
    image = services.identity_image_upload(actor=request.auth, side=side,
                                           data=file.read(MAX_BYTES + 1))
    return Status(201, image)


@router.get("/me/identity-images/{side}", response={200: None, **ERRORS},
            url_name="api-identity-image-download")
def identity_image_download(request: HttpRequest, side: str):
    """Download your own ID-card photo."""
    image, data = services.identity_image_download(actor=request.auth, side=side)
    return _image_response(image, data)


@router.delete("/me/identity-images/{side}", response={204: None, **ERRORS},
               url_name="api-identity-image-delete")
def identity_image_delete(request: HttpRequest, side: str):
    services.identity_image_delete(actor=request.auth, side=side)
    return Status(204, None)


@router.get("/seekers/{profile_id}/identity-images/{side}", response={200: None, **ERRORS},
            url_name="api-seeker-identity-image")
def seeker_identity_image(request: HttpRequest, profile_id: int, side: str, purpose: str = ""):
    """A seeker's ID-card photo for a reviewer or inspector who states ``purpose`` (recorded in
    the PI access log); 403 without a purpose, 404 for everyone else."""
    image, data = services.identity_image_download(actor=request.auth, side=side,
                                                   profile_id=profile_id,
                                                   purpose=purpose[:300])
    return _image_response(image, data)
