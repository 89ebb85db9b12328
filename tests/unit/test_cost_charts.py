"""The charts draw from the domain results and give real PNGs (read back with matplotlib)."""

from __future__ import annotations

import io

import pytest

from tests.costs_helpers import A, small_appraisal, small_model
from utredning_app.domain.appraisal import compare_profiles, sensitivity
from utredning_app.domain.costs import cost_summary
from utredning_app.domain.uncertainty import simulate, tornado
from utredning_app.exporting import charts, cost_charts


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
