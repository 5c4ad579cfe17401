"""Writes of the search app: applying the outbox to the index, full rebuilds, the operator's
matching weights, saved searches and their daily alerts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from fairhire.accounts.models import User
from fairhire.accounts.policies import Perm, has_perm
from fairhire.core.audit import AuditAction, audit_record
from fairhire.core.errors import InvalidInput, NotFound, PermissionDenied
from fairhire.core.notifications import notify
from fairhire.postings.models import JobPosting
from fairhire.search.documents import (
    indexable_postings,
    indexable_resumes,
    posting_records,
    resume_records,
)
from fairhire.search.engine import query as engine_query
from fairhire.search.engine.index import POSTINGS, RESUMES, IndexStore, build_generation
from fairhire.search.engine.match import DEFAULT_WEIGHTS
from fairhire.search.models import (
    KeyGroup,
    KeyGroupConsent,
    MatchWeights,
    OutboxEntry,
    SavedSearch,
)

BATCH = 500
MAX_SAVED = 10
_STORES: dict[tuple[str, str], IndexStore] = {}


def index_root() -> Path:
    return Path(getattr(settings, "SEARCH_INDEX_DIR", settings.VAR_DIR / "search"))


def index_store(kind: str) -> IndexStore:
    """One store object per index kind and root in this process (it caches the reader)."""
    key = (str(index_root()), kind)
    if key not in _STORES:
        _STORES[key] = IndexStore(index_root(), kind)
    return _STORES[key]


def _apply_postings(ids: set[int], path: Path | None = None) -> None:
    if not ids:
        return
    records = list(posting_records(indexable_postings(ids)))
    index_store(POSTINGS).apply(upserts=records, deletions=ids - {r.id for r in records},
                                path=path)


def _apply_resumes(ids: set[int], path: Path | None = None) -> None:
    if not ids:
        return
    records = list(resume_records(indexable_resumes(ids)))
    index_store(RESUMES).apply(upserts=records, deletions=ids - {r.id for r in records},
                               path=path)


def _expand(entries) -> tuple[set[int], set[int]]:
    postings: set[int] = set()
    resumes: set[int] = set()
    organisations = set()
    for entry in entries:
        if entry.kind == OutboxEntry.Kind.POSTING:
            postings.add(entry.object_id)
        elif entry.kind == OutboxEntry.Kind.ORGANISATION:
            organisations.add(entry.object_id)
        elif entry.kind == OutboxEntry.Kind.RESUME:
            resumes.add(entry.object_id)
    if organisations:
        # Every posting of the organisation, whatever its status: a suspended employer's
        # published postings leave the index, a re-verified one's come back.
        postings |= set(JobPosting.objects.filter(employer_id__in=organisations)
                        .values_list("pk", flat=True))
    return postings, resumes


def search_outbox_apply(*, now: datetime | None = None) -> int:
    """Bring the index in line with every pending outbox entry, oldest first.

    Idempotent (each entry re-reads the database) and restartable (an entry is stamped only
    after the index committed it; a crash in between applies it again). The write lock keeps
    two workers, or a worker and a rebuild's swap, from writing at once.
    """
    applied = 0
    with index_store(POSTINGS).lock():
        while True:
            entries = list(OutboxEntry.objects.filter(applied_at=None).order_by("id")[:BATCH])
            if not entries:
                return applied
            postings, resumes = _expand(entries)
            _apply_postings(postings)
            _apply_resumes(resumes)
            OutboxEntry.objects.filter(pk__in=[e.pk for e in entries]).update(
                applied_at=now or timezone.now())
            applied += len(entries)


def search_outbox_purge(*, now: datetime | None = None) -> int:
    """Applied entries older than a day are of no further use."""
    cutoff = (now or timezone.now()) - timedelta(days=1)
    deleted, _detail = OutboxEntry.objects.filter(applied_at__lt=cutoff).delete()
    return deleted


def search_reindex(*, kind: str, progress: Callable[[int, int], None] | None = None) -> Path:
    """Rebuild one index from the database into a new generation while searches keep reading
    the current one, catch up with changes made meanwhile, then swap it in."""
    store = index_store(kind)
    started = timezone.now()
    mark = OutboxEntry.objects.aggregate(top=Max("id"))["top"] or 0
    if kind == POSTINGS:
        rows, to_records, apply = indexable_postings(), posting_records, _apply_postings
    else:
        rows, to_records, apply = indexable_resumes(), resume_records, _apply_resumes
    total = rows.count()
    path = build_generation(store, to_records(rows.iterator(chunk_size=2000)),
                            progress=(lambda done: progress(done, total)) if progress else None)
    with store.lock():
        caught_up = OutboxEntry.objects.filter(Q(pk__gt=mark) | Q(applied_at__gte=started))
        postings, resumes = _expand(caught_up)
        apply(postings if kind == POSTINGS else resumes, path)
        store.swap(path)
    if progress:
        progress(total, total)
    audit_record(action=AuditAction.SEARCH_REINDEXED, details={"kind": kind, "documents": total})
    return path


def search_check() -> dict[str, dict[str, list[int]]]:
    """Index against database: ids missing from the index and ids that should not be in it."""
    report = {}
    for kind, rows in ((POSTINGS, indexable_postings()), (RESUMES, indexable_resumes())):
        expected = set(rows.values_list("pk", flat=True))
        present = engine_query.ids(index_store(kind).index())
        report[kind] = {"missing": sorted(expected - present),
                        "extra": sorted(present - expected)}
    return report


# --- the operator's weights ----------------------------------------------------------------------

def match_weights() -> dict[str, float]:
    row = MatchWeights.objects.order_by("-changed_at", "-id").first()
    return {**DEFAULT_WEIGHTS, **(row.weights if row else {})}


@transaction.atomic
def match_weights_set(*, actor: User, weights: dict[str, float],
                      now: datetime | None = None) -> MatchWeights:
    """Change how much each part of a match counts (0-100 each). Operators only; audited with
    the old and new values."""
    if not has_perm(actor, Perm.PLATFORM_OPERATE):
        raise PermissionDenied(_("只有平台运营人员可以调整匹配权重。"), code="search.not_operator")
    unknown = set(weights) - set(DEFAULT_WEIGHTS)
    if unknown:
        raise InvalidInput(_("不认识的权重：%(w)s") % {"w": ", ".join(sorted(unknown))},
                           code="search.unknown_weight")
    for name, value in weights.items():
        if not isinstance(value, int | float) or not 0 <= value <= 100:
            raise InvalidInput(_("权重须在 0 到 100 之间。"), code="search.bad_weight",
                               field=name)
    before = match_weights()
    after = {**before, **{k: float(v) for k, v in weights.items()}}
    if sum(after.values()) <= 0:
        raise InvalidInput(_("权重不能全部为 0。"), code="search.bad_weight")
    row = MatchWeights.objects.create(weights=after, changed_by=actor,
                                      changed_at=now or timezone.now())
    audit_record(action=AuditAction.SEARCH_WEIGHTS_CHANGED, actor=actor, target=row, now=now,
                 details={"before": before, "after": after})
    return row


# --- saved searches and alerts -------------------------------------------------------------------

@transaction.atomic
def saved_search_create(*, actor: User, title: str, params: dict,
                        now: datetime | None = None) -> SavedSearch:
    """A seeker keeps a search; postings published from now on that match it are announced
    at most once a day."""
    now = now or timezone.now()
    if not has_perm(actor, Perm.SEEK):
        raise PermissionDenied(_("只有求职者可以保存检索。"), code="search.not_seeker")
    title = (title or "").strip()[:60] or _("我的检索")
    if SavedSearch.objects.filter(user=actor).count() >= MAX_SAVED:
        raise InvalidInput(_("最多保存 %(n)d 个检索。") % {"n": MAX_SAVED},
                           code="search.too_many_saved")
    saved = SavedSearch.objects.create(user=actor, title=title, params=params, created_at=now,
                                       seen_until=int(now.timestamp()))
    audit_record(action=AuditAction.SEARCH_SAVED, actor=actor, target=saved, now=now)
    return saved


@transaction.atomic
def saved_search_delete(*, actor: User, saved_id: int, now: datetime | None = None) -> None:
    saved = SavedSearch.objects.filter(user=actor, pk=saved_id).first() \
        if actor.is_authenticated else None
    if saved is None:
        raise NotFound(_("未找到该检索。"), code="search.saved_not_found")
    audit_record(action=AuditAction.SEARCH_SAVED_DELETED, actor=actor, target=saved, now=now)
    saved.delete()


def saved_search_alerts(*, now: datetime | None = None) -> int:
    """Daily: tell each seeker about postings new since their last alert that match a saved
    search (in-app and by e-mail). A search is alerted at most once in 24 hours."""
    from fairhire.search.selectors import SearchParams, posting_search

    now = now or timezone.now()
    sent = 0
    due = SavedSearch.objects.filter(Q(last_alerted_at=None)
                                     | Q(last_alerted_at__lte=now - timedelta(hours=24)))
    for saved in due.select_related("user"):
        try:
            params = SearchParams(**{**saved.params, "page": 1})
            page = posting_search(params=params, published_after=saved.seen_until + 1)
        except (InvalidInput, NotFound, TypeError, ValueError):
            continue  # a code that no longer exists: nothing to announce
        with transaction.atomic():
            if page.total:
                titles = "、".join(h.data.get("title", "") for h in page.hits[:5])
                notify(recipient=saved.user, kind="search.saved_search_alert",
                       title=_("“%(t)s”有 %(n)d 条新招聘信息") % {"t": saved.title,
                                                              "n": page.total},
                       body=titles, url=reverse("search-saved-run", args=[saved.pk]), now=now)
                sent += 1
            saved.last_alerted_at = now
            saved.seen_until = int(now.timestamp())
            saved.save(update_fields=["last_alerted_at", "seen_until"])
    return sent


# --- key groups (EN7) ----------------------------------------------------------------------------

@transaction.atomic
def key_group_consent_give(*, actor: User, group: str,
                           now: datetime | None = None) -> KeyGroupConsent:
    """A seeker separately consents to be recommended first as a member of ``group`` (EN7;
    PIPL Art. 29). A new consent replaces an active one (the old one is withdrawn)."""
    now = now or timezone.now()
    if not has_perm(actor, Perm.SEEK):
        raise PermissionDenied(_("只有求职者可以申请重点群体优先推荐。"), code="search.not_seeker")
    if group not in KeyGroup.values:
        raise InvalidInput(_("请选择重点群体类别。"), code="search.bad_key_group", field="group")
    for active in KeyGroupConsent.objects.select_for_update().filter(user=actor,
                                                                     withdrawn_at=None):
        active.withdrawn_at = now
        active.save(update_fields=["withdrawn_at"])
    consent = KeyGroupConsent(user=actor, notice_version=KeyGroupConsent.NOTICE_VERSION,
                              given_at=now)
    consent.seal("group", group)
    consent.save()
    audit_record(action=AuditAction.SEARCH_KEY_GROUP_CONSENTED, actor=actor, target=consent,
                 now=now, details={"version": consent.notice_version})
    return consent


@transaction.atomic
def key_group_consent_withdraw(*, actor: User, now: datetime | None = None) -> None:
    """Withdrawal is as easy as consent and takes effect at once: the group is erased and the
    person leaves every priority list (PIPL Art. 15)."""
    now = now or timezone.now()
    active = list(KeyGroupConsent.objects.select_for_update().filter(user=actor,
                                                                     withdrawn_at=None)) \
        if actor.is_authenticated else []
    if not active:
        raise NotFound(_("你没有需要撤回的重点群体推荐同意。"), code="search.no_key_group_consent")
    for consent in active:
        consent.withdrawn_at = now
        consent.group = ""  # nothing kept once withdrawn
        consent.save(update_fields=["withdrawn_at", "group"])
        audit_record(action=AuditAction.SEARCH_KEY_GROUP_WITHDRAWN, actor=actor,
                     target=consent, now=now)


def priority_min_score() -> float:
    return float(getattr(settings, "SEARCH_PRIORITY_MIN_SCORE", 50))


@transaction.atomic
def priority_recommendations(*, actor: User, posting_id: int, limit: int = 10,
                             now: datetime | None = None) -> list[tuple[object, str]]:
    """The separate priority list for an employer's posting: consenting key-group candidates
    among those who fit (score at least ``SEARCH_PRIORITY_MIN_SCORE``). The main ranking is not
    touched; every recommendation shown is audited (EN7)."""
    from fairhire.profiles.models import Resume
    from fairhire.search.selectors import candidates_for_posting, own_posting

    own_posting(actor=actor, posting_id=posting_id)
    consents = {c.user_id: c for c in KeyGroupConsent.objects.filter(withdrawn_at=None)}
    resumes = dict(Resume.objects.filter(owner__user_id__in=consents,
                                         visibility=Resume.Visibility.SEARCHABLE)
                   .values_list("pk", "owner__user_id"))
    found = candidates_for_posting(actor=actor, posting_id=posting_id, limit=limit,
                                   only_ids=list(resumes)) if resumes else []
    shown = []
    for item in found:
        if item.match.score < priority_min_score():
            continue
        consent = consents[resumes[item.id]]
        group = consent.unseal("group")
        audit_record(action=AuditAction.SEARCH_PRIORITY_RECOMMENDED, actor=actor,
                     target=consent, now=now, details={"posting": posting_id,
                                                        "resume": item.id,
                                                        "score": item.match.score})
        shown.append((item, str(KeyGroup(group).label)))
    return shown
