"""The charts draw from the domain results and give real PNGs (read back with matplotlib)."""

from __future__ import annotations

import io

import pytest

from tests.costs_helpers import A, small_appraisal, small_model
from utredning_app.charts import cost_charts
from utredning_app.charts import drawing as charts
from utredning_app.domain.appraisal import compare_profiles, sensitivity
from utredning_app.domain.costs import cost_summary
from utredning_app.domain.uncertainty import simulate, tornado


def _image_size(png: bytes) -> tuple[int, int]:
    from matplotlib.image import imread

    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    image = imread(io.BytesIO(png), format="png")
    assert image.std() > 0.01  # not a blank canvas
    return image.shape[1], image.shape[0]


@pytest.mark.parametrize("difference", [False, True])
def test_cost_range_chart(difference: bool) -> None:
    width, height = _image_size(
        cost_charts.cost_ranges_png(cost_summary(small_model()), difference=difference)
    )
    assert abs(width - 16 / 2.54 * charts.DPI) <= 1
    assert height > 300


def test_every_chart_renders() -> None:
    model = small_model()
    summary = cost_summary(model)
    data = small_appraisal()
    rankings = compare_profiles(data)
    for png in (
        cost_charts.cost_over_years_png(summary),
        cost_charts.tornado_png(tornado(model, A.id)),
        cost_charts.simulation_png(simulate(model, draws=500)),
        cost_charts.party_rankings_png(rankings),
        cost_charts.party_rankings_png(()),
        cost_charts.stability_png(sensitivity(data, rankings[0].profile)),
    ):
        _image_size(png)


def _rgb(colour: str) -> tuple[float, float, float]:
    from matplotlib.colors import to_rgb

    r, g, b = to_rgb(colour)
    return r, g, b


def test_colours_are_colour_blind_safe() -> None:
    """Okabe–Ito colours, no red/green coding: under deuteranopia (simulated by mixing red
    and green) the low and high tornado bars stay far apart, and no two series colours of
    the range chart collapse into one."""

    def deutan(colour: str) -> tuple[float, float, float]:
        r, g, b = _rgb(colour)
        mixed = (r + g) / 2  # red and green become indistinguishable
        return mixed, mixed, b

    def distance(a: str, b: str) -> float:
        return sum((x - y) ** 2 for x, y in zip(deutan(a), deutan(b), strict=True)) ** 0.5

    assert distance(cost_charts.LOW_COLOUR, cost_charts.HIGH_COLOUR) > 0.3
    for palette in (cost_charts.PALETTE, charts.PALETTE):
        for i, a in enumerate(palette):
            for b in palette[i + 1 :]:
                assert distance(a, b) > 0.1, (a, b)
    assert cost_charts.RANK_COLOURS != "RdYlGn_r"


def test_long_labels_are_wrapped_never_cut() -> None:
    name = "Akutsjukhusen i en gemensam nämnd med regiongemensam produktionsplanering i hela länet"
    label = cost_charts._label(name)
    assert "…" not in label and label.replace("\n", " ") == name
    assert all(len(line) <= 40 for line in label.split("\n"))


def test_chart_font_follows_the_template() -> None:
    charts.set_chart_font("Arial")
    try:
        assert charts.resolved_chart_font() in ("Arial", "Liberation Sans")
        png = cost_charts.cost_ranges_png(cost_summary(small_model()))
        assert png.startswith(b"\x89PNG")
        charts.set_chart_font("Ett typsnitt som inte finns")
        assert charts.resolved_chart_font() is None
    finally:
        charts.set_chart_font(None)
