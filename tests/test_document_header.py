"""The official header and closing of a document page: the number as "Số:", the issuing body's own
lines where the file gives them (a Đội or Hội document carries no Đoàn motto), "Nơi nhận" at the end."""

from __future__ import annotations

import re

from vankien import pipeline

DOI = (
    "---\nkind: annual-program\ntitle: Chương trình công tác Đội năm học 2015 - 2016\nnumber: 07-CT/HĐĐ\n"
    "issued: 2015-09-11\nplace: Quảng Ngãi\nperiod: {from: 2015, to: 2016}\n"
    "issuer:\n  - ĐỘI TNTP HỒ CHÍ MINH\n  - HỘI ĐỒNG ĐỘI TỈNH QUẢNG NGÃI\n"
    "distribution:\n  - Hội đồng Đội Trung ương;\n  - Lưu VP.\n"
    "signature: |\n  TM. HỘI ĐỒNG ĐỘI\n  CHỦ TỊCH\n---\n## I. CHỦ ĐỀ NĂM HỌC\n\nNội dung.\n"
)
DOAN = (
    "---\nkind: plan\ntitle: Kế hoạch Tháng Thanh niên năm 2024\nnumber: 225-KH/TWĐTN-CTTN\nperiod: {year: 2024}\n"
    "issuer:\n  - BAN CHẤP HÀNH TRUNG ƯƠNG\n  - ĐOÀN TNCS HỒ CHÍ MINH\n---\nNội dung.\n"
)

ORG = "name: {vi: Hội đồng Đội A, en: Pioneers A}\nlevel: doan-co-so\nparent: doan-a\n"


def _header(html: str) -> str:
    return re.sub(
        r"\s+",
        " ",
        html[
            html.index('<header class="official-header"') : html.index(
                "</header>", html.index('class="official-header"')
            )
        ],
    )


def test_number_issuer_and_recipients_as_the_document_has_them(site_factory, tmp_path):
    root = site_factory(
        {
            "content/organizations/doi-a.yaml": ORG,
            "content/documents/doi-a/ctr-07.vi.md": DOI,
            "content/documents/doan-a/ke-hoach-225.vi.md": DOAN,
            "content/documents/doi-a/ctr-08.vi.md": DOI.replace("issued: 2015-09-11\n", ""),
        }
    )
    site = tmp_path / "site"
    pipeline.run(root, site)
    doi = (site / "doi-a/ctr-07/index.html").read_text(encoding="utf-8")
    header = _header(doi)
    assert '<p class="issuer-parent">ĐỘI TNTP HỒ CHÍ MINH</p>' in header
    assert '<p class="issuer-name">HỘI ĐỒNG ĐỘI TỈNH QUẢNG NGÃI</p>' in header
    assert '<p class="doc-number">Số: 07-CT/HĐĐ</p>' in header
    assert "ĐOÀN TNCS" not in header and "ĐOÀN A" not in header  # neither the motto nor the folder's tree
    closing = doi[doi.index('class="signature"') : doi.index("</article>")]
    assert "Nơi nhận:" in closing and "<li>Hội đồng Đội Trung ương;</li><li>Lưu VP.</li>" in closing
    undated = _header((site / "doi-a/ctr-08/index.html").read_text(encoding="utf-8"))
    assert '<p class="place-date">Quảng Ngãi</p>' in undated  # the month was lost: no dangling comma
    english = (site / "en/doi-a/ctr-07/index.html").read_text(encoding="utf-8")
    assert '<p class="doc-number">No. 07-CT/HĐĐ</p>' in english and "Recipients:" in english
    assert '<p class="issuer-name" lang="vi">HỘI ĐỒNG ĐỘI TỈNH QUẢNG NGÃI</p>' in english
    doan = _header((site / "doan-a/ke-hoach-225/index.html").read_text(encoding="utf-8"))
    assert '<p class="doc-number">Số: 225-KH/TWĐTN-CTTN</p>' in doan and "TT 225" not in doan
    assert '<p class="issuer-name">ĐOÀN TNCS HỒ CHÍ MINH</p>' in doan
    assert '<p class="motto-name">ĐOÀN TNCS HỒ CHÍ MINH</p>' in doan  # a Đoàn document keeps the motto
