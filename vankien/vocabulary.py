"""Closed vocabularies of the domain, with labels in both languages."""

from vankien.model import Text

LEVELS = {
    "chi-doan": Text("Chi đoàn", "Youth Union branch"),
    "doan-co-so": Text("Đoàn cơ sở", "Grassroots Youth Union"),
    "quan-huyen": Text("Quận/Huyện Đoàn", "District Youth Union"),
    "tinh-thanh": Text("Tỉnh/Thành Đoàn", "Provincial Youth Union"),
    "doan-khoi": Text("Đoàn Khối", "Bloc Youth Union"),
    "trung-uong": Text("Trung ương Đoàn", "Central Youth Union"),
}

KINDS = {
    "congress-report": Text("Báo cáo Đại hội", "Congress report"),
    "annual-program": Text("Chương trình công tác năm", "Annual work program"),
    "plan": Text("Kế hoạch", "Plan"),
    "resolution": Text("Nghị quyết", "Resolution"),
}

ASSESSMENTS = {
    "exceeded": Text("Vượt", "Exceeded"),
    "achieved": Text("Đạt", "Achieved"),
    "partly": Text("Đạt một phần", "Partly achieved"),
    "not-achieved": Text("Không đạt", "Not achieved"),
    "in-progress": Text("Đang thực hiện", "In progress"),
    "not-assessed": Text("Chưa đánh giá", "Not assessed"),
    "unverifiable": Text("Không kiểm chứng được", "Unverifiable"),
}

# The report's own words → assessment key (compared without case, spaces collapsed).
ASSESSMENT_WORDS = {
    "vượt": "exceeded",
    "vượt chỉ tiêu": "exceeded",
    "chỉ tiêu này vượt": "exceeded",
    "đạt": "achieved",
    "hoàn thành": "achieved",
    "chỉ tiêu này đạt": "achieved",
    "đạt một phần": "partly",
    "hoàn thành một phần": "partly",
    "không đạt": "not-achieved",
    "chưa đạt": "not-achieved",
    "không hoàn thành": "not-achieved",
    "chưa hoàn thành": "not-achieved",
    "đang thực hiện": "in-progress",
    "chưa đánh giá": "not-assessed",
}


def normalize_assessment(word: str) -> str | None:
    """The assessment key for a key or a report's own word; None if unknown."""
    folded = " ".join(word.lower().split())
    if folded in ASSESSMENTS:
        return folded
    return ASSESSMENT_WORDS.get(folded)


# How a target moved from one period to the next (numbers.trend / compare.term_table).
TRENDS = {
    "↑": Text("↑ tăng", "↑ higher"),
    "=": Text("= giữ nguyên", "= same"),
    "↓": Text("↓ giảm", "↓ lower"),
    "≠": Text("≠\u2009khác cách đo", "≠\u2009measured differently"),
    "new": Text("mới", "new"),
    "dropped": Text("không còn", "dropped"),
}


# Abbreviations used in organization names and what they stand for, folded and in lower case:
# a reader may type either ("TT&TT" or "Thông tin và Truyền thông", "TP.HCM" or "Thành phố Hồ
# Chí Minh"); search names (vankien/searchdata.py) and the search page compare both spelled out.
ABBREVIATIONS = {
    "tt&tt": "thong tin va truyen thong",
    "tttt": "thong tin va truyen thong",
    "tphcm": "thanh pho ho chi minh",
    "tp": "thanh pho",
    "hcm": "ho chi minh",
    "ccq&dn": "cac co quan va doanh nghiep",
    "tncs": "thanh nien cong san",
    "hcmc": "ho chi minh city",
    "dic": "department of information and communications",
}

# Words naming a level of the Youth Union rather than the organization itself, folded: a reader
# looking for "Quận Đoàn Bình Tân" may type "Binh Tan" or "Quan Binh Tan"; one looking for
# "Binh Tan District Youth Union" may type "Binh Tan District" or "Binh Tan".
LEVEL_PREFIXES = ("trung uong doan", "thanh doan", "tinh doan", "quan doan", "huyen doan", "doan khoi", "chi doan")
LEVEL_SUFFIXES = ("youth union branch", "youth union", "district", "provincial", "bloc")
UNION_WORDS = ("doan thanh nien cong san ho chi minh", "doan")
