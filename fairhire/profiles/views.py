"""Seeker pages: parse the form, call one service or selector, render."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from fairhire.accounts.services import user_sign_in, user_sign_out
from fairhire.core.errors import InvalidInput
from fairhire.core.forms import form_status, submit
from fairhire.orgs.uploads import MAX_BYTES
from fairhire.privacy import selectors as privacy_selectors
from fairhire.privacy.notices import NOTICES, ConsentKind
from fairhire.profiles import selectors, services
from fairhire.profiles.completeness import resume_completeness
from fairhire.profiles.forms import (
    CorrectForm,
    GigCardForm,
    IdentityImageForm,
    PurposeForm,
    ResumeForm,
    SeekerSignUpForm,
    formset_entries,
    section_formsets,
)

GIVABLE = (ConsentKind.GENERAL, ConsentKind.RESUME_SENDING)


@never_cache
def seeker_sign_up(request: HttpRequest) -> HttpResponse:
    form = SeekerSignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        consents = [kind for kind in ("general", "id_number") if data[f"consent_{kind}"]]
        profile = submit(form, services.seeker_sign_up, username=data["username"],
                         password=data["password"], real_name=data["real_name"],
                         id_number=data["id_number"], phone=data["phone"], email=data["email"],
                         address=data["address"], consents=consents)
        if profile is not None:
            user_sign_in(request=request, user=profile.user)
            messages.success(request, _("实名注册成功，欢迎使用。"))
            return redirect("resume-list")
    return render(request, "profiles/sign_up.html", {"form": form}, status=form_status(form))


@login_required
@never_cache
def resume_list(request: HttpRequest) -> HttpResponse:
    selectors.seeker_profile_get(actor=request.user)
    resumes = [(r, resume_completeness(r)) for r in selectors.resume_list(actor=request.user)]
    return render(request, "profiles/resume_list.html",
                  {"resumes": resumes, "gig_card": selectors.gig_card_get(actor=request.user)})


@login_required
@never_cache
def resume_edit(request: HttpRequest, resume_id: int | None = None) -> HttpResponse:
    selectors.seeker_profile_get(actor=request.user)
    resume = selectors.resume_get(actor=request.user, resume_id=resume_id) if resume_id else None
    if request.method == "POST":
        form = ResumeForm(request.POST)
        formsets = section_formsets(request.POST)
        if form.is_valid() and all(fs.is_valid() for fs in formsets.values()):
            data = services.ResumeData(**form.data_dict(), **{
                section: formset_entries(fs) for section, fs in formsets.items()})
            saved = submit(form, services.resume_save, actor=request.user, resume=resume,
                           data=data)
            if saved is not None:
                messages.success(request, _("简历已保存。"))
                return redirect("resume-list")
        status = form_status(form) if form.errors else 400
    else:
        form = ResumeForm(initial=ResumeForm.initial_from(resume) if resume else None)
        formsets = section_formsets(resume=resume)
        status = 200
    completeness = resume_completeness(resume) if resume else None
    return render(request, "profiles/resume_edit.html",
                  {"form": form, "formsets": formsets.values(), "resume": resume,
                   "completeness": completeness}, status=status)


@login_required
@require_POST
def resume_delete(request: HttpRequest, resume_id: int) -> HttpResponse:
    resume = selectors.resume_get(actor=request.user, resume_id=resume_id)
    services.resume_delete(actor=request.user, resume=resume)
    messages.success(request, _("简历已删除。"))
    return redirect("resume-list")


@login_required
@never_cache
def gig_card_edit(request: HttpRequest) -> HttpResponse:
    selectors.seeker_profile_get(actor=request.user)
    card = selectors.gig_card_get(actor=request.user)
    initial = None
    if card is not None:
        initial = {"work_types": card.work_types, "skill_level": card.skill_level,
                   "daily_pay": card.daily_pay, "districts": ", ".join(card.districts),
                   "hours": card.hours}
    form = GigCardForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if submit(form, services.gig_card_save, actor=request.user, **form.data_dict()):
            messages.success(request, _("零工名片已保存。"))
            return redirect("resume-list")
    return render(request, "profiles/gig_card.html", {"form": form}, status=form_status(form))


@login_required
@never_cache
def my_data(request: HttpRequest) -> HttpResponse:
    """Everything about me, readable; with correct, withdraw, download and close."""
    profile = selectors.seeker_profile_get(actor=request.user)
    form = CorrectForm(request.POST or None, initial=None if request.method == "POST" else {
        "phone": profile.unseal("phone"), "email": profile.unseal("email"),
        "address": profile.unseal("address")})
    if request.method == "POST" and form.is_valid():
        if submit(form, services.seeker_profile_correct, actor=request.user,
                  **form.cleaned_data):
            messages.success(request, _("个人信息已更正。"))
            return redirect("my-data")
    data = services.my_data_collect(profile=profile)
    consents = privacy_selectors.consent_list(user=request.user)
    active = {c.kind for c in consents if c.active}
    can_give = [NOTICES[kind] for kind in GIVABLE if kind not in active]
    return render(request, "profiles/my_data.html",
                  {"data": data, "form": form, "consents": consents, "can_give": can_give},
                  status=form_status(form))


@login_required
@never_cache
def my_data_download(request: HttpRequest) -> HttpResponse:
    data = services.my_data_download(actor=request.user)
    response = HttpResponse(json.dumps(data, ensure_ascii=False, indent=2),
                            content_type="application/json; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="fairhire-my-data-{stamp}.json"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_POST
def consent_give(request: HttpRequest, kind: str) -> HttpResponse:
    services.seeker_consent_give(actor=request.user, kind=kind)
    messages.success(request, _("已同意。"))
    return redirect("my-data")


@login_required
@require_POST
def consent_withdraw(request: HttpRequest, kind: str) -> HttpResponse:
    services.seeker_consent_withdraw(actor=request.user, kind=kind)
    messages.success(request, _("已撤回同意。"))
    return redirect("my-data")


@login_required
@never_cache
def account_close(request: HttpRequest) -> HttpResponse:
    selectors.seeker_profile_get(actor=request.user)
    if request.method == "POST":
        if request.POST.get("confirm") != "1":
            raise InvalidInput(_("请勾选确认注销。"), code="profiles.close_unconfirmed")
        services.seeker_account_close(actor=request.user)
        user_sign_out(request=request, reason="closed")
        # Rendered, not redirected: the browser is told to forget this site's cookies, which
        # would take a flash message with them.
        response = render(request, "profiles/account_closed.html")
        response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
        return response
    return render(request, "profiles/account_close.html")


@login_required
@never_cache
def seeker_detail(request: HttpRequest, profile_id: int) -> HttpResponse:
    """A reviewer's or inspector's look at a seeker: masked until a purpose is stated."""
    form = PurposeForm(request.POST or None)
    purpose = form.cleaned_data["purpose"] if request.method == "POST" and form.is_valid() else ""
    shown = services.seeker_profile_disclose(actor=request.user, profile_id=profile_id,
                                             purpose=purpose)
    images = selectors.identity_image_list(actor=request.user, profile_id=profile_id)
    return render(request, "profiles/seeker_detail.html",
                  {"shown": shown, "form": form, "purpose": purpose, "images": images,
                   "profile_id": profile_id, "image_form": PurposeForm()})


def _image_response(image, data: bytes) -> HttpResponse:
    response = HttpResponse(data, content_type=image.content_type)
    extension = "png" if image.content_type == "image/png" else "jpg"
    response["Content-Disposition"] = f'attachment; filename="id-{image.side}.{extension}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response


@login_required
@never_cache
def identity_images(request: HttpRequest) -> HttpResponse:
    """The seeker's ID-card photos: upload (judged by content, stored encrypted), list, delete."""
    selectors.seeker_profile_get(actor=request.user)
    form = IdentityImageForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        image = submit(form, services.identity_image_upload, actor=request.user,
                       side=form.cleaned_data["side"], data=upload.read(MAX_BYTES + 1))
        if image is not None:
            messages.success(request,
                             _("已加密保存：%(side)s") % {"side": image.get_side_display()})
            return redirect("identity-image-list")
    images = selectors.identity_image_list(actor=request.user)
    return render(request, "profiles/identity_images.html", {"form": form, "images": images},
                  status=form_status(form))


@login_required
@never_cache
def identity_image_download(request: HttpRequest, side: str) -> HttpResponse:
    image, data = services.identity_image_download(actor=request.user, side=side)
    return _image_response(image, data)


@login_required
@require_POST
def identity_image_delete(request: HttpRequest, side: str) -> HttpResponse:
    services.identity_image_delete(actor=request.user, side=side)
    messages.success(request, _("照片已删除。"))
    return redirect("identity-image-list")


@login_required
@require_POST
def seeker_identity_image(request: HttpRequest, profile_id: int, side: str) -> HttpResponse:
    """A reviewer or inspector downloads a seeker's ID-card photo, stating why (logged)."""
    form = PurposeForm(request.POST)
    purpose = form.cleaned_data["purpose"] if form.is_valid() else ""
    image, data = services.identity_image_download(actor=request.user, side=side,
                                                   profile_id=profile_id, purpose=purpose)
    return _image_response(image, data)
