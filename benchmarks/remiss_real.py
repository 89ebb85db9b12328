"""Remiss answers from the real world (issue 14): OCR seconds per scanned page, PDF text in
reading order with the quality check, and the agreement of suggested stances with the hand
coding (demo answers and a held-out set in other styles)."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

OCR_PAGES = 4


def run(results: dict[str, float], large_path: Path, demo_path: Path) -> None:
    _pdf_text(results)
    _ocr(results)
    try:
        from benchmarks.stance_suggestions import run as stance_run
    except ModuleNotFoundError:
        print("(förslag till ställningstaganden: inte mätt)")
    else:
        stance_run(results, demo_path)


def _pdf_text(results: dict[str, float]) -> None:
    import random

    from benchmarks.generate import _text
    from tests.remiss_helpers import write_pdf_pages
    from utredning_app.importing.guards import read_checked
    from utredning_app.importing.pdf_text import extract_pdf_pages
    from utredning_app.importing.text_quality import check_pages

    rng = random.Random(14)
    with tempfile.TemporaryDirectory() as tmp:
        lines = [_text(rng, 12)[:95] for _ in range(40)]
        pdf = write_pdf_pages(Path(tmp) / "svar.pdf", [lines] * 20)
        checked = read_checked(pdf)
        start = time.perf_counter()
        for _ in range(5):
            pages = extract_pdf_pages(checked)
        results["remiss_pdf_text_20_pages_s"] = (time.perf_counter() - start) / 5
        start = time.perf_counter()
        check_pages(pages)
        results["remiss_text_quality_20_pages_s"] = time.perf_counter() - start


def _ocr(results: dict[str, float]) -> None:
    from tests.remiss_helpers import SCANNED_LINES, write_scanned_pdf
    from utredning_app.importing.ocr import OcrUnavailable, default_workers, ocr_pdf_pages

    body = SCANNED_LINES + SCANNED_LINES[3:7] * 6  # a full page of text
    with tempfile.TemporaryDirectory() as tmp:
        scan = write_scanned_pdf(Path(tmp) / "skannat.pdf", [body] * OCR_PAGES, dpi=200)
        data = scan.read_bytes()
        try:
            start = time.perf_counter()
            ocr_pdf_pages(data, list(range(1, OCR_PAGES + 1)))
        except OcrUnavailable as exc:
            print(f"(OCR inte mätt: {exc.message})")
            return
        elapsed = time.perf_counter() - start
    # Wall-clock seconds per page with the pages read in parallel (default_workers processes).
    results["ocr_page_s"] = elapsed / OCR_PAGES
    results["ocr_workers"] = float(default_workers())
