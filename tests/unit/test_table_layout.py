"""Column widths from the content; a table too wide for the page is split, never cut."""

from __future__ import annotations

from utredning_app.exporting import table_layout as tl


def test_widths_follow_content_and_fill_the_text_width() -> None:
    headers = ["Remissinstans", "Ställningstagande", "Synpunkt"]
    rows = [["Vårdförbundet", "Tillstyrker", "Anställningsvillkoren ska säkras " * 4]] * 3
    needs = tl.column_needs(headers, rows)
    widths = tl.fit_widths(needs)
    assert widths is not None
    assert abs(sum(widths) - tl.TEXT_WIDTH_CM) < 1e-6
    assert widths[2] > widths[0] and widths[2] > widths[1]  # the comment gets the room
    for width, need in zip(widths, needs, strict=True):
        assert width >= need.least - 1e-9  # never narrower than the longest word


def test_wide_matrix_is_split_into_tables_that_fit() -> None:
    headers = ["Bedömningsgrund", *[f"Alternativ {i:02d}" for i in range(50)]]
    rows = [["Legala aspekter", *["3,5"] * 50]] * 5
    needs = tl.column_needs(headers, rows)
    assert tl.fit_widths(needs) is None
    groups = tl.split_columns(needs)
    assert len(groups) > 1
    assert sorted({i for g in groups for i in g}) == list(range(51))
    for group in groups:
        assert group[0] == 0  # the row names repeat in every part
        widths = tl.fit_widths([needs[i] for i in group])
        assert widths is not None and sum(widths) <= tl.TEXT_WIDTH_CM + 1e-6


def test_soft_hyphens_are_break_points() -> None:
    (plain,) = tl.column_needs(["Tillstyrker"], [])
    (soft,) = tl.column_needs(["Till\u00adstyrker"], [])
    assert soft.least < plain.least


def test_numbers_with_no_break_spaces_are_one_word() -> None:
    (number,) = tl.column_needs(["Nuvärde"], [["2\u00a0582,3 (2\u00a0171,4\u00a0– 3\u00a0040,0)"]])
    (short,) = tl.column_needs(["Nuvärde"], [["2 582,3"]])
    assert number.least > short.least
