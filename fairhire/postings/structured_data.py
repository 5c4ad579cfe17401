"""schema.org ``JobPosting`` JSON-LD for the public posting page (search engines, EN 1)."""

from __future__ import annotations

import json

from django.utils.safestring import SafeString, mark_safe

from fairhire.postings.models import JobPosting, PayUnit
from fairhire.reference.selectors import code_table, region_resolve

UNIT_TEXT = {PayUnit.MONTH: "MONTH", PayUnit.DAY: "DAY", PayUnit.HOUR: "HOUR",
             PayUnit.PIECE: "PIECE"}


def job_posting_jsonld(posting: JobPosting) -> dict[str, object]:
    unit = posting.unit_snapshot or {}
    region = region_resolve(code=posting.work_region_code) if posting.work_region_code else None
    lineage = [r.name for r in region.lineage] if region else []
    employment = code_table(kind="employment-types").objects.filter(
        code=posting.employment_type).first()
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": posting.title,
        "description": "\n\n".join(p for p in (posting.duties, posting.requirements,
                                               posting.working_conditions) if p),
        "datePosted": posting.published_at.date().isoformat() if posting.published_at else None,
        "validThrough": posting.valid_until.isoformat() if posting.valid_until else None,
        "hiringOrganization": {"@type": "Organization",
                               "name": unit.get("name") or posting.employer.name,
                               "identifier": unit.get("uscc") or posting.employer.uscc},
        "jobLocation": {"@type": "Place", "address": {
            "@type": "PostalAddress", "addressCountry": "CN",
            "addressRegion": lineage[0] if lineage else "",
            "addressLocality": lineage[-1] if lineage else "",
            "streetAddress": posting.work_address}},
        "employmentType": (employment.attributes or {}).get("schema_org", "") if employment
        else "",
        "totalJobOpenings": posting.headcount,
        "occupationalCategory": posting.occupation_code,
    }
    if posting.pay_min is not None:
        data["baseSalary"] = {"@type": "MonetaryAmount", "currency": "CNY", "value": {
            "@type": "QuantitativeValue", "minValue": posting.pay_min,
            "maxValue": posting.pay_max, "unitText": UNIT_TEXT.get(posting.pay_unit, "")}}
    return data


def jsonld_script(posting: JobPosting) -> SafeString:
    """The <script> element; ``<``, ``>`` and ``&`` are escaped so no text can close it."""
    text = json.dumps(job_posting_jsonld(posting), ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308
