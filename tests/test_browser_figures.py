"""The comparison matrix and the topic pages on a 360 px phone (Chromium): the figure that answers
the topic is what a reader sees, the matrix scrolls in its own box, the topic column stays in view."""

from __future__ import annotations

from tests.test_browser import phone  # noqa: F401 (fixture: a 360 px context; `browser` is in conftest)


def test_matrix_on_a_phone_shows_the_answering_figures_and_keeps_topics_in_view(phone, served_site):  # noqa: F811
    page = phone.new_page()
    page.goto(served_site + "compare/", wait_until="load")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # the page itself does not scroll
    box = page.locator(".matrix-scroll")
    assert box.evaluate("b => b.scrollWidth > b.clientWidth")  # the table scrolls inside its box
    row = page.locator("#chu-de-party-admission")
    header = row.locator("th")
    assert header.inner_text() == "Kết nạp Đảng"
    cells = row.locator("td")
    assert "≥ 215 đoàn viên ưu tú" in cells.nth(1).inner_text() and "Năm 2023" in cells.nth(1).inner_text()
    # Hà Tĩnh's term II plan sets 04 đoàn viên ưu tú (at the end of its thematic-meetings target).
    assert "4 đoàn viên ưu tú" in cells.nth(0).inner_text() and "Nhiệm kỳ II (2022–2024)" in cells.nth(0).inner_text()
    assert "3.600" not in row.inner_text()
    box.evaluate("b => { b.scrollLeft = b.scrollWidth; }")
    page.wait_for_timeout(50)
    last = cells.nth(2)
    last.scroll_into_view_if_needed()
    assert "≥ 5 đoàn viên ưu tú" in last.inner_text()
    box_left = box.bounding_box()["x"]
    head = header.bounding_box()
    assert head["x"] <= box_left + 2 and head["width"] > 50  # the topic stays at the box's left edge
    assert last.bounding_box()["x"] >= head["x"] + head["width"] - 2  # figures pass under, not over it
    topics_order = page.locator("tbody th").all_inner_texts()
    assert (
        topics_order.index("Kết nạp Đảng") < topics_order.index("Sáng kiến") < topics_order.index("Xếp loại đoàn viên")
    )


def test_english_matrix_is_in_english_order(phone, served_site):  # noqa: F811
    page = phone.new_page()
    page.goto(served_site + "en/compare/", wait_until="load")
    topics_order = page.locator("tbody th").all_inner_texts()
    assert topics_order == sorted(topics_order, key=str.casefold)
    assert "≥ 215 outstanding members" in page.locator("#chu-de-party-admission").inner_text()


def test_topic_page_on_a_phone_shows_the_answering_figure(phone, served_site):  # noqa: F811
    page = phone.new_page()
    page.goto(served_site + "topics/party-admission/", wait_until="load")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    figures = page.locator(".topic-table strong.figure")
    shown = figures.all_inner_texts()
    for figure in ("≥ 215 đoàn viên ưu tú", "4 đoàn viên", "≥ 7 đoàn viên", "≥ 5 đoàn viên ưu tú"):
        assert figure in shown, shown
        assert figures.nth(shown.index(figure)).is_visible()
    assert "3.600 đoàn viên" not in shown and "≥ 6 đoàn viên ưu tú" not in shown
