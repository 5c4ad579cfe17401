"""The tantivy indexes of postings and résumés: schema, documents, writing, generations.

One directory per index kind under a root (``<FAIRHIRE_VAR_DIR>/search``), holding numbered
generations and a ``CURRENT`` file naming the one that answers. A full rebuild writes a new
generation while searches keep reading the current one, then swaps ``CURRENT`` atomically
(``os.replace``); readers notice the swap, and any new commit, by a cheap ``stat`` per search.

Filter fields are fast fields. Hierarchical codes (region, occupation, industry) are indexed
with every ancestor, so "Jiangsu" is one term query that matches its cities and counties.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

import tantivy

from fairhire.search.engine import pay as pay_units
from fairhire.search.engine.segment import document_field, document_terms

POSTINGS = "postings"
RESUMES = "resumes"
NONE_INT = -1  # an absent number in an integer fast field
NONE_GEO = -999.0
WRITER_HEAP = 64_000_000
MATCH_TERMS = 40  # distinct terms kept per document for the matcher's text similarity
STORED_BODY = 400  # characters of body text kept for snippets


def _seg_analyzer() -> tantivy.TextAnalyzer:
    # Terms arrive already segmented and normalised (segment.py), separated by spaces.
    return tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build()


def _schema(kind: str) -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("id", stored=True, indexed=True, fast=True)
    builder.add_text_field("title_t", tokenizer_name="seg")
    builder.add_text_field("body_t", tokenizer_name="seg")
    for name in ("region", "occupation", "industry", "etype", "kind", "education",
                 "region_city", "industry_top", "occupation_mid"):
        builder.add_text_field(name, tokenizer_name="raw", fast=True)
    for name in ("edu_rank", "exp", "pay_lo", "pay_hi", "published"):
        builder.add_integer_field(name, indexed=True, fast=True)
    builder.add_float_field("lat", indexed=True, fast=True)
    builder.add_float_field("lon", indexed=True, fast=True)
    builder.add_bytes_field("data", stored=True)  # what a result shows
    builder.add_bytes_field("feat", stored=True)  # what the matcher reads
    return builder.build()


SCHEMAS = {POSTINGS: _schema(POSTINGS), RESUMES: _schema(RESUMES)}


def education_rank(code: str) -> int:
    """GB/T 4658 education code → 0 (none/other) … 7 (doctorate); higher is more schooling."""
    code = (code or "").strip()
    if not code or not code[0].isdigit():
        return 0
    if code[:1] == "1":
        return 7 if code[:2] in {"11", "12", "13"} else 6
    return {"2": 5, "3": 4, "4": 3, "5": 3, "6": 3, "7": 2, "8": 1}.get(code[0], 0)


@dataclass
class PostingRecord:
    """A posting as the index needs it; built from the database or from a bench corpus line.

    ``*_path`` lists hold the code and all its ancestors, top first.
    """

    id: int
    title: str
    body: str = ""
    company: str = ""
    kind: str = "job"
    region_path: list[str] = field(default_factory=list)
    region_name: str = ""
    occupation_path: list[str] = field(default_factory=list)
    industry_path: list[str] = field(default_factory=list)
    education_code: str = ""
    experience_years: int | None = None
    employment_type: str = ""
    pay_min: int | None = None
    pay_max: int | None = None
    pay_unit: str = "month"
    published: int = 0  # epoch seconds
    lat: float | None = None
    lon: float | None = None
    requirements: str = ""  # the skills text the matcher compares with a résumé's


@dataclass
class ResumeRecord:
    """A résumé as the index and the matcher may see it: only the allow-listed fields
    (``match.SEEKER_FIELDS``); never a name, contact, ID number or any protected attribute."""

    id: int
    title: str
    skills: str = ""
    body: str = ""
    region_paths: list[list[str]] = field(default_factory=list)
    occupation_paths: list[list[str]] = field(default_factory=list)
    employment_types: list[str] = field(default_factory=list)
    pay_min: int | None = None  # a month
    pay_max: int | None = None
    education_code: str = ""
    experience_years: int | None = None
    updated: int = 0


def _int(value: int | None) -> int:
    return NONE_INT if value is None else int(value)


def _distinct(text: str) -> list[str]:
    return list(dict.fromkeys(document_terms(text)))[:MATCH_TERMS]


def posting_features(record: PostingRecord, terms: dict[str, list[str]] | None = None) -> dict:
    """What the matcher reads about a posting (also stored in the index)."""
    terms = terms or posting_terms(record)
    low, high = pay_units.monthly_range(record.pay_min, record.pay_max, record.pay_unit)
    return {"occupation": record.occupation_path, "region": record.region_path,
            "lat": record.lat, "lon": record.lon, "pay_lo": low, "pay_hi": high,
            "edu": education_rank(record.education_code), "exp": record.experience_years,
            "etype": record.employment_type,
            "skills": list(dict.fromkeys(terms["requirements"]))[:MATCH_TERMS],
            "terms": list(dict.fromkeys(terms["title"] + terms["body"]))[:MATCH_TERMS],
            "published": record.published}


def posting_terms(record: PostingRecord) -> dict[str, list[str]]:
    """Each text field segmented once; the index and the matcher share the result."""
    return {name: document_terms(getattr(record, name))
            for name in ("title", "company", "requirements", "body")}


def resume_features(record: ResumeRecord) -> dict:
    return {"occupations": record.occupation_paths, "regions": record.region_paths,
            "pay_lo": record.pay_min, "pay_hi": record.pay_max,
            "edu": education_rank(record.education_code), "exp": record.experience_years,
            "etypes": record.employment_types, "skills": _distinct(record.skills),
            "terms": _distinct(f"{record.title} {record.body[:STORED_BODY]}"),
            "updated": record.updated}


def _store(doc: tantivy.Document, data: dict, features: dict) -> None:
    doc.add_bytes("data", json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode())
    doc.add_bytes("feat", json.dumps(features, ensure_ascii=False,
                                     separators=(",", ":")).encode())


def posting_document(record: PostingRecord) -> tantivy.Document:
    doc = tantivy.Document()
    doc.add_integer("id", record.id)
    terms = posting_terms(record)
    doc.add_text("title_t", " ".join(terms["title"] + terms["company"]))
    doc.add_text("body_t", " ".join(terms["requirements"] + terms["body"]))
    for code in record.region_path:
        doc.add_text("region", code)
    for code in record.occupation_path:
        doc.add_text("occupation", code)
    for code in record.industry_path:
        doc.add_text("industry", code)
    doc.add_text("region_city", record.region_path[1] if len(record.region_path) > 1
                 else (record.region_path[0] if record.region_path else ""))
    doc.add_text("industry_top", record.industry_path[0] if record.industry_path else "")
    doc.add_text("occupation_mid", record.occupation_path[1]
                 if len(record.occupation_path) > 1 else "")
    doc.add_text("etype", record.employment_type or "")
    doc.add_text("kind", record.kind or "job")
    doc.add_text("education", record.education_code or "")
    features = posting_features(record, terms)
    doc.add_integer("edu_rank", features["edu"])
    doc.add_integer("exp", _int(record.experience_years))
    doc.add_integer("pay_lo", _int(features["pay_lo"]))
    doc.add_integer("pay_hi", _int(features["pay_hi"]))
    doc.add_integer("published", int(record.published))
    doc.add_float("lat", NONE_GEO if record.lat is None else float(record.lat))
    doc.add_float("lon", NONE_GEO if record.lon is None else float(record.lon))
    data = {"title": record.title, "company": record.company, "region": record.region_name,
            "kind": record.kind, "pay": [record.pay_min, record.pay_max, record.pay_unit],
            "body": (record.body or record.requirements)[:STORED_BODY],
            "education": record.education_code, "etype": record.employment_type}
    _store(doc, data, features)
    return doc


def resume_document(record: ResumeRecord) -> tantivy.Document:
    doc = tantivy.Document()
    doc.add_integer("id", record.id)
    doc.add_text("title_t", document_field(f"{record.title} {record.skills}"))
    doc.add_text("body_t", document_field(record.body))
    for path in record.region_paths:
        for code in path:
            doc.add_text("region", code)
    for path in record.occupation_paths:
        for code in path:
            doc.add_text("occupation", code)
    for etype in record.employment_types:
        doc.add_text("etype", etype)
    doc.add_text("kind", "resume")
    doc.add_text("education", record.education_code or "")
    doc.add_integer("edu_rank", education_rank(record.education_code))
    doc.add_integer("exp", _int(record.experience_years))
    doc.add_integer("pay_lo", _int(record.pay_min))
    doc.add_integer("pay_hi", _int(record.pay_max))
    doc.add_integer("published", int(record.updated))
    doc.add_float("lat", NONE_GEO)
    doc.add_float("lon", NONE_GEO)
    _store(doc, {"title": record.title, "skills": record.skills[:STORED_BODY]},
           resume_features(record))
    return doc


DOCUMENT_BUILDERS = {POSTINGS: posting_document, RESUMES: resume_document}


def open_index(path: Path, kind: str) -> tantivy.Index:
    path.mkdir(parents=True, exist_ok=True)
    index = tantivy.Index(SCHEMAS[kind], path=str(path))
    index.register_tokenizer("seg", _seg_analyzer())
    return index


def memory_index(kind: str) -> tantivy.Index:
    index = tantivy.Index(SCHEMAS[kind])
    index.register_tokenizer("seg", _seg_analyzer())
    return index


class IndexStore:
    """Generations of one index kind under ``root/kind`` and the ``CURRENT`` pointer.

    Writes are serialised by an exclusive file lock (``lock()``), held by whoever applies the
    outbox or swaps a rebuilt generation in, so two workers never write at once.
    """

    def __init__(self, root: Path, kind: str) -> None:
        self.root = Path(root) / kind
        self.kind = kind
        self._cached: tuple[tuple, tantivy.Index] | None = None
        self._guard = threading.Lock()
        self._held = False

    # --- generations ---
    @property
    def _pointer(self) -> Path:
        return self.root / "CURRENT"

    def current_name(self) -> str | None:
        try:
            return self._pointer.read_text().strip() or None
        except FileNotFoundError:
            return None

    def current_path(self) -> Path:
        """The answering generation, created empty on first use."""
        name = self.current_name()
        if name is None:
            with self.lock():
                name = self.current_name()
                if name is None:
                    path = self.new_generation()
                    open_index(path, self.kind)
                    self.swap(path)
                    name = path.name
        return self.root / name

    def new_generation(self) -> Path:
        self.root.mkdir(parents=True, exist_ok=True)
        numbers = [int(p.name[1:]) for p in self.root.glob("g*") if p.name[1:].isdigit()]
        path = self.root / f"g{max(numbers, default=0) + 1:06d}"
        path.mkdir()
        return path

    def swap(self, path: Path) -> None:
        """Point ``CURRENT`` at ``path`` (atomic) and remove generations older than the last
        one (kept for readers that have it open)."""
        temporary = self.root / "CURRENT.tmp"
        temporary.write_text(path.name)
        os.replace(temporary, self._pointer)
        keep = {path.name}
        older = sorted(p for p in self.root.glob("g*") if p.is_dir() and p.name < path.name)
        if older:
            keep.add(older[-1].name)
        for stale in self.root.glob("g*"):
            if stale.is_dir() and stale.name not in keep and stale.name < path.name:
                shutil.rmtree(stale, ignore_errors=True)

    @contextmanager
    def lock(self) -> Iterator[None]:
        """Exclusive across processes (``flock``); re-entrant within this object."""
        if self._held:
            yield
            return
        self.root.mkdir(parents=True, exist_ok=True)
        with (self.root / "write.lock").open("a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            self._held = True
            try:
                yield
            finally:
                self._held = False
                fcntl.flock(handle, fcntl.LOCK_UN)

    # --- reading ---
    def index(self) -> tantivy.Index:
        """The current generation, reloaded when it committed or was swapped since last time."""
        path = self.current_path()
        try:
            stamp = (path.name, (path / "meta.json").stat().st_mtime_ns)
        except FileNotFoundError:
            stamp = (path.name, 0)
        with self._guard:
            if self._cached is None or self._cached[0][0] != stamp[0]:
                self._cached = (stamp, open_index(path, self.kind))
            elif self._cached[0] != stamp:
                self._cached[1].reload()
                self._cached = (stamp, self._cached[1])
            return self._cached[1]

    # --- writing ---
    def apply(self, *, upserts: Iterable[object], deletions: Iterable[int],
              path: Path | None = None) -> None:
        """Replace or remove documents by id in one commit (idempotent). Call under ``lock()``."""
        index = open_index(path or self.current_path(), self.kind)
        writer = index.writer(WRITER_HEAP, 1)
        build = DOCUMENT_BUILDERS[self.kind]
        for record_id in deletions:
            writer.delete_documents_by_term("id", int(record_id))
        for record in upserts:
            writer.delete_documents_by_term("id", int(record.id))
            writer.add_document(build(record))
        writer.commit()
        writer.wait_merging_threads()


def build_generation(store: IndexStore, records: Iterable[object], *, threads: int = 0,
                     progress=None) -> Path:
    """Write every record into a fresh generation (not yet current); returns its path."""
    path = store.new_generation()
    index = open_index(path, store.kind)
    writer = index.writer(max(WRITER_HEAP, 256_000_000), threads)
    build = DOCUMENT_BUILDERS[store.kind]
    for count, record in enumerate(records, 1):
        writer.add_document(build(record))
        if progress is not None and count % 1000 == 0:
            progress(count)
    writer.commit()
    writer.wait_merging_threads()
    return path


def record_dict(record: object) -> dict:
    return asdict(record)
