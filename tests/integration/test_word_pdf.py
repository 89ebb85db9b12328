"""The demo's four documents open in LibreOffice: converted to PDF, paged, text where expected.

One LibreOffice run converts all four (a private profile per run, so parallel test workers
don't collide); each test then checks one document.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import docx
import pytest

from tests.word_helpers import docx_text, headings, pdf_pages_text, to_pdf
from utredning_app.exporting.outline import load_outline
from utredning_app.exporting.reports import DOCUMENT_KINDS
from utredning_app.services.exports import DOCUMENTS, export_document
from utredning_app.services.report_data import load_report_data

pytestmark = pytest.mark.libreoffice

# Pages LibreOffice gives the demo's documents (A4): lower and upper bounds that catch an empty
# or runaway document without tying the test to exact line breaks.
PAGES = {
    "delrapport": (8, 40),
    "slutrapport": (10, 45),
    "remissammanstallning": (5, 30),
    "tjansteutlatande": (1, 4),  # the region's memo: a warning past four pages
}


def _squash(text: str) -> str:
    """Text without whitespace or hyphens: PDF extraction breaks lines and words freely."""
    return re.sub(r"[\s\u00ad\-–]+", "", text).casefold()


@pytest.fixture(scope="module")
def demo_pdfs(
    demo_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, tuple[Path, Path]]:
    if shutil.which("soffice") is None:
        pytest.fail("LibreOffice (soffice) saknas: installera det för att köra dokumenttesterna")
    work = tmp_path_factory.mktemp("demo-pdf")
    source = work / "demo.utredning"
    shutil.copyfile(demo_template, source)
    result: dict[str, tuple[Path, Path]] = {}
    for kind in DOCUMENTS:
        out = work / f"{kind}.docx"
        export_document(kind, source, out)
        result[kind] = (out, to_pdf(out, work))
    return result


@pytest.mark.parametrize("kind", tuple(DOCUMENTS))
def test_demo_document_in_libreoffice(
    kind: str, demo_pdfs: dict[str, tuple[Path, Path]], demo_template: Path
) -> None:
    out, pdf = demo_pdfs[kind]
    pages = pdf_pages_text(pdf)
    low, high = PAGES[kind]
    assert low <= len(pages) <= high, f"{kind}: {len(pages)} sidor"
    text = _squash("\n".join(pages))
    level = load_outline(kind).heading_level
    for heading in headings(out, level):
        assert _squash(heading) in text, f"{kind}: rubriken {heading!r} saknas i PDF:en"
    data = load_report_data(demo_template)
    if kind in ("slutrapport", "delrapport", "remissammanstallning"):
        proposals = data.proposals_for(DOCUMENT_KINDS[kind])
        if kind == "remissammanstallning":
            proposals = [p for p in data.proposals if p.id in data.rounds[-1].proposal_ids]
        assert proposals
        for p in proposals:
            assert _squash(f"Förslag {p.number}. {p.title}") in text, p.title
    if kind == "tjansteutlatande":
        for p in data.proposals_for(DOCUMENT_KINDS[kind]):
            start = p.text_md.split("\n")[0][:40]
            assert _squash(start.replace("*", "")) in text
    # Page footer "Sida X av Y" is rendered with real numbers.
    n = len(pages)
    assert f"Sida {n} av {n}" in pages[-1]


def test_demo_documents_read_back(demo_pdfs: dict[str, tuple[Path, Path]]) -> None:
    for kind, (out, _) in demo_pdfs.items():
        text = docx_text(out)
        # The demo holds a party's unreleased draft; it never reaches a document.
        assert "Utkast: Moderaternas synpunkter" not in text, kind
        document = docx.Document(str(out))
        assert document.core_properties.language == "sv-SE"
    slut = docx_text(demo_pdfs["slutrapport"][0])
    assert "Reservation av" in slut and "Särskilt yttrande av" in slut
    # The demo's cost model is complete: present values and differences from domain/costs.py.
    assert "Nuvärde, bas (låg – hög)" in slut
    assert "Kostnadsmodellen är inte komplett" not in slut
    assert "Nuvärde, bas (låg – hög)" in docx_text(demo_pdfs["delrapport"][0])


def test_demo_documents_as_printed(demo_pdfs: dict[str, tuple[Path, Path]]) -> None:
    """What LibreOffice prints: ordered intervals, a named signatory and every recipient,
    Utredningens kommentar under each proposal on remiss."""
    from tests.word_helpers import disordered_intervals, printed_intervals

    printed = {kind: "\n".join(pdf_pages_text(pdf)) for kind, (_, pdf) in demo_pdfs.items()}
    for kind, text in printed.items():
        # PDF text breaks lines anywhere; join them before reading "x (a – b)".
        flat = re.sub(r"\s*\n\s*", " ", text)
        assert disordered_intervals(flat) == [], kind
    assert printed_intervals(re.sub(r"\s*\n\s*", " ", printed["slutrapport"]))
    memo = _squash(printed["tjansteutlatande"])
    assert _squash("Johan Bergqvist Regiondirektör") in memo
    assert "medflera" not in memo
    assert _squash("Regionstyrelsen föreslår regionfullmäktige besluta") in memo
    compilation = printed["remissammanstallning"]
    assert compilation.count("Utredningens kommentar") >= 6
