"""`build.py new`: start a document (or an organization) from a commented template."""

from __future__ import annotations

from pathlib import Path

from vankien import errors
from vankien.fieldtypes import ID_PATTERN
from vankien.vocabulary import KINDS, LEVELS

DOCUMENT = """---
# {kind_vi}. Điền các trường dưới đây; xóa dòng nào văn bản không có.
kind: {kind}
title:        # điền tiêu đề văn bản (bắt buộc: trang chưa dựng được khi còn trống)
# number: 01-BC/ĐTN          # số văn bản
# issued: 2024-01-31         # ngày ban hành: năm-tháng-ngày
# place: TP. Hồ Chí Minh
# theme: "Chủ đề năm / khẩu hiệu hành động"
period: {period}
{reviews}# targets:                # chỉ tiêu: bỏ dấu # ở các dòng dưới và điền
#   - id: ket-nap-dang
#     topic: party-admission
#     text: Phấn đấu có ít nhất 05 đoàn viên được kết nạp Đảng.
---
## I. TIÊU ĐỀ MỤC ĐẦU TIÊN

Chép nguyên văn nội dung văn bản vào đây. Mỗi đoạn cách nhau một dòng trống.

"""

ORGANIZATION = """name:
  vi:     # tên đầy đủ của tổ chức (bắt buộc)
  en:     # full English name
# short_name: {{vi: Tên ngắn, en: Short name}}
level: {level}      # {levels}
# parent: ma-to-chuc-cap-tren
# province: {{vi: TP. Hồ Chí Minh, en: Ho Chi Minh City}}
# members: {{count: 100, year: 2024}}
"""


class ScaffoldError(ValueError):
    """A `new` request that cannot be carried out; the message says why (vi / en)."""


def require_organization(root: Path, org: str) -> None:
    """Raise ScaffoldError unless content/organizations/<org>.yaml exists: a document written for an
    organization that does not exist would only fail `check` later (VK201), after the editor's work."""
    if not (root / "content/organizations" / f"{org}.yaml").is_file():
        raise ScaffoldError(
            f"chưa có tổ chức “{org}”: tạo trước bằng `{errors.PROGRAM[0]} new --org {org}` / "
            f"no organization “{org}” yet: create it first with `{errors.PROGRAM[0]} new --org {org}`"
        )


def new_document(
    root: Path, org: str, doc: str, kind: str, year: int | None, term: str | None, start: int | None, end: int | None
) -> Path:
    """Write content/documents/<org>/<doc>.vi.md from the template; never overwrite."""
    for value in (org, doc):
        if not ID_PATTERN.match(value):
            raise ScaffoldError(
                f"mã “{value}” không hợp lệ: chỉ dùng chữ thường không dấu, số và dấu gạch ngang / "
                f"“{value}” is not a valid id: lowercase ASCII letters, digits and hyphens"
            )
    require_organization(root, org)
    path = root / "content/documents" / org / f"{doc}.vi.md"
    if path.exists():
        raise ScaffoldError(f"{path.relative_to(root)} đã có, không ghi đè / already exists, not overwritten")
    if term:
        period = f"{{term: {term}, from: {start or 'NĂM-ĐẦU'}, to: {end or 'NĂM-CUỐI'}}}"
        reviews = "# reviews: {term: ..., from: ..., to: ...}   # kỳ trước mà báo cáo đánh giá\n"
    else:
        period = f"{{year: {year or 'NĂM'}}}"
        reviews = ""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        DOCUMENT.format(kind=kind, kind_vi=KINDS[kind].vi, period=period, reviews=reviews), encoding="utf-8"
    )
    return path


def new_organization(root: Path, org: str, level: str) -> Path:
    if not ID_PATTERN.match(org):
        raise ScaffoldError(f"mã “{org}” không hợp lệ / “{org}” is not a valid id")
    path = root / "content/organizations" / f"{org}.yaml"
    if path.exists():
        raise ScaffoldError(f"{path.relative_to(root)} đã có, không ghi đè / already exists, not overwritten")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(ORGANIZATION.format(level=level, levels=" | ".join(LEVELS)), encoding="utf-8")
    return path
