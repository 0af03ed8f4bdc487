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
