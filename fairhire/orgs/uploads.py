"""Uploaded documents: judged by content, stored encrypted outside the web root.

SECURITY.md control 22: only PDF, JPEG and PNG, recognised by their bytes and parsed, never by
the file name; at most 10 MB; images decoded with a pixel limit and re-encoded, which drops EXIF
and anything appended after the image; PDFs must be whole (header at byte 0, ``%%EOF`` at the
end) and carry no embedded files, launch actions, scripts or executables. Files are written
under a random name below ``settings.PRIVATE_FILES_DIR`` and encrypted (SECURITY.md 9: licence
and ID images), bound to that name.
"""

from __future__ import annotations

import hashlib
import io
import re
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from fairhire.core.errors import InvalidInput
from fairhire.privacy import crypto

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
PDF_MAGIC = b"%PDF-"
JPEG_MAGIC = b"\xff\xd8\xff"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
# Active or embedded content a licence scan never needs; its presence marks a polyglot or worse.
PDF_FORBIDDEN = re.compile(
    rb"/(EmbeddedFile|Launch|JavaScript|JS|RichMedia|XFA|OpenAction|AA)\b")
EXECUTABLE_HEADS = (b"MZ", b"\x7fELF", b"\xcf\xfa\xed\xfe", b"\xca\xfe\xba\xbe", b"#!")
# A Windows program's DOS stub: inside a PDF it means an executable was hidden in it. (Images
# need no such search: re-encoding keeps only the pixels.)
PE_STUB = b"This program cannot be run in DOS mode"


@dataclass(frozen=True)
class Judged:
    content_type: str
    extension: str
    data: bytes
    sha256: str


def _refuse(message: str, code: str) -> InvalidInput:
    return InvalidInput(message, code=code, field="file")


def _judge_image(data: bytes, fmt: str) -> bytes:
    try:
        with Image.open(io.BytesIO(data), formats=[fmt]) as probe:
            width, height = probe.size
            if width * height > MAX_PIXELS:
                raise _refuse(_("图片像素过多（上限 4000 万像素）。"), "upload.too_many_pixels")
            probe.verify()
        with Image.open(io.BytesIO(data), formats=[fmt]) as image:
            image.load()
            out = io.BytesIO()
            if fmt == "JPEG":
                image.convert("RGB").save(out, format="JPEG", quality=90)
            else:
                image.save(out, format="PNG", optimize=False)
    except InvalidInput:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError,
            Image.DecompressionBombError):
        raise _refuse(_("图片文件已损坏或无法识别。"), "upload.broken_image") from None
    return out.getvalue()


def _judge_pdf(data: bytes) -> bytes:
    if b"%%EOF" not in data[-1024:]:
        raise _refuse(_("PDF 文件不完整（缺少文件结束标记）。"), "upload.broken_pdf")
    if PDF_FORBIDDEN.search(data) or PE_STUB in data:
        raise _refuse(_("PDF 文件含有嵌入文件或可执行内容，不予接收。"),
                      "upload.active_content")
    return data


def judge_upload(data: bytes) -> Judged:
    """Accept a PDF, JPEG or PNG by its content, or raise InvalidInput(field="file")."""
    if not data:
        raise _refuse(_("文件为空。"), "upload.empty")
    if len(data) > MAX_BYTES:
        raise _refuse(_("文件不能超过 10 MB。"), "upload.too_large")
    if data.startswith(EXECUTABLE_HEADS):
        raise _refuse(_("文件含有可执行程序，不予接收。"), "upload.executable")
    if data.startswith(PDF_MAGIC):
        clean, content_type, extension = _judge_pdf(data), "application/pdf", "pdf"
    elif data.startswith(JPEG_MAGIC):
        clean, content_type, extension = _judge_image(data, "JPEG"), "image/jpeg", "jpg"
    elif data.startswith(PNG_MAGIC):
        clean, content_type, extension = _judge_image(data, "PNG"), "image/png", "png"
    else:
        raise _refuse(_("只接收 PDF、JPEG 或 PNG 文件（按文件内容判断，而非扩展名）。"),
                      "upload.bad_type")
    return Judged(content_type=content_type, extension=extension, data=clean,
                  sha256=hashlib.sha256(clean).hexdigest())


def _folder(area: str = "orgs") -> Path:
    folder = Path(settings.PRIVATE_FILES_DIR) / area
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def _context(storage_name: str, table: str) -> str:
    return crypto.field_context(table=table, column="file", row_id=storage_name)


# Other apps keep their uploads in their own folder, bound to their own table name (e.g.
# complaints' evidence: area="complaints", table="complaints.evidence").
def store(data: bytes, *, area: str = "orgs", table: str = "orgs.document") -> str:
    """Write ``data`` encrypted under a fresh random name; return the name."""
    name = secrets.token_hex(16)
    path = _folder(area) / name
    path.write_text(crypto.encrypt(data, context=_context(name, table)), encoding="ascii")
    path.chmod(0o600)
    return name


def load(storage_name: str, *, area: str = "orgs", table: str = "orgs.document") -> bytes:
    token = (_folder(area) / storage_name).read_text(encoding="ascii")
    return crypto.decrypt_bytes(token, context=_context(storage_name, table))


def sealed_files(*, area: str = "orgs", table: str = "orgs.document"
                 ) -> Iterator[tuple[str, Path]]:
    """Every stored file of ``area`` with the context it is bound to, for key rotation and the
    yearly self-inspection (registered with ``privacy.sealed.file_store_register``)."""
    for path in sorted(_folder(area).iterdir()):
        if path.is_file() and not path.name.startswith("."):
            yield _context(path.name, table), path
