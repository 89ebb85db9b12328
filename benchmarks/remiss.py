"""Remiss figures (issue 5): send-out, import of 300 answers (docx/pdf/xlsx, ~20 pages for the
free-form ones), full-text search latency (target < 50 ms per query) and file size growth.

Answer files are generated once per run under a temporary folder: 100 Word answers, 100 PDFs
(10 converted by LibreOffice, each copied 10 times with a varying trailer so every file is
distinct) and 100 filled-in svarsmallar from the send-out.
"""

from __future__ import annotations

import random
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.generate import _text
from tests.remiss_helpers import convert_to_pdf, fill_form, write_docx_answer

PLACES = [
    "Solna",
    "Sundbyberg",
    "Huddinge",
    "Botkyrka",
    "Haninge",
    "Nacka",
    "Täby",
    "Järfälla",
    "Sollentuna",
    "Södertälje",
    "Norrtälje",
    "Lidingö",
    "Vallentuna",
    "Värmdö",
    "Tyresö",
    "Upplands Väsby",
    "Sigtuna",
    "Ekerö",
    "Österåker",
    "Vaxholm",
    "Nynäshamn",
    "Salem",
    "Nykvarn",
    "Danderyd",
    "Upplands-Bro",
    "Stockholm",
    "Gotland",
    "Uppsala",
    "Enköping",
    "Tierp",
]
KINDS = [
    "{p}s kommun",
    "Vårdcentralen {p} AB",
    "Pensionärsrådet i {p}",
    "Patientföreningen {p}",
    "Socialnämnden i {p}",
    "Kommunal sektion {p}",
    "Närsjukvården {p}",
    "Äldreomsorgen {p}",
    "Funktionsrätt {p}",
    "Hemsjukvården {p}",
]
QUERIES = ["styrning", "omvårdnad", "akutsjukhus", "kostnadsutveckling", "beställar", "nämnd"]


def _names() -> list[str]:
    return [k.format(p=p) for k in KINDS for p in PLACES]


def run(results: dict[str, float], large_path: Path, demo_path: Path) -> None:
    import datetime as dt

    from utredning_app.domain.enums import ConsulteeType, StanceKind
    from utredning_app.services.responses import analyse_files, commit_import
    from utredning_app.services.search import search
    from utredning_app.services.sendout import create_sendout
    from utredning_app.storage import models as m
    from utredning_app.storage.database import open_database

    rng = random.Random(5)
    names = _names()
    # A new round in the large investigation with 300 consultees and its proposals.
    with open_database(large_path) as db, db.transaction() as s:
        proposals = [p.id for p in s.query(m.Proposal).order_by(m.Proposal.number).limit(12)]
        rnd = m.ConsultationRound(
            name="Benchmark-remiss", sent_date=dt.date(2024, 1, 8), deadline=dt.date(2024, 3, 1)
        )
        s.add(rnd)
        s.flush()
        for pid in proposals:
            s.add(m.RoundProposal(round_id=rnd.id, proposal_id=pid))
        types = list(ConsulteeType)
        for i, name in enumerate(names):
            s.add(m.Consultee(round_id=rnd.id, name=name, type=types[i % len(types)]))
    size_before = large_path.stat().st_size
    with tempfile.TemporaryDirectory(prefix="remiss-bench-") as tmp_name:
        tmp = Path(tmp_name)
        start = time.perf_counter()
        items = create_sendout(large_path, tmp / "utskick", round_ref="Benchmark-remiss")
        results["remiss_sendout_300_s"] = time.perf_counter() - start
        labels = [k.label for k in StanceKind]
        files: list[Path] = []
        by_name = {item.consultee: item.form for item in items}
        for name in names[200:300]:
            form = by_name[name]
            fill_form(form, [rng.choice(labels) for _ in proposals], ["Kommentar."] * 12)
            files.append(form)
        pages = [_text(rng, 3000) for _ in range(20)]
        for i, name in enumerate(names[:100]):
            files.append(
                write_docx_answer(tmp / f"Yttrande {i:03d}.docx", name, pages[i % 20 :] + pages)
            )
        source_dir = tmp / "pdfkälla"
        source_dir.mkdir()
        sources = [
            write_docx_answer(source_dir / f"{i}.docx", names[100 + i], pages) for i in range(10)
        ]
        start = time.perf_counter()
        pdfs = convert_to_pdf(sources, tmp / "pdf", tmp / "lo-profil")
        results["remiss_libreoffice_10_pdf_s"] = time.perf_counter() - start
        for i, pdf in enumerate(pdfs):
            data = pdf.read_bytes()
            for j in range(10):
                copy = tmp / "pdf" / f"svar {i:02d}-{j:02d}.pdf"
                copy.write_bytes(data + f"\n%variant {j}\n".encode())
                files.append(copy)
        shutil.rmtree(source_dir)
        with open_database(large_path) as db:
            start = time.perf_counter()
            found = analyse_files(db, files, round_ref="Benchmark-remiss")
            analysed = time.perf_counter() - start
            for p in found:
                p.accepted = p.ok and p.consultee_id is not None  # as if the user confirmed
            start = time.perf_counter()
            result = commit_import(db, found, round_ref="Benchmark-remiss")
            committed = time.perf_counter() - start
            if len(result.imported) != 300:
                raise RuntimeError(
                    f"bara {len(result.imported)} av 300 svar lästes in: {result.rejected[:3]}"
                )
            results["remiss_import_300_analyse_s"] = analysed
            results["remiss_import_300_commit_s"] = committed
            results["remiss_import_300_s"] = analysed + committed
            times: list[float] = []
            for _ in range(3):
                for query in QUERIES:
                    start = time.perf_counter()
                    search(db, query, limit=50)
                    times.append(time.perf_counter() - start)
            results["remiss_search_median_s"] = statistics.median(times)
            results["remiss_search_max_s"] = max(times)
            start = time.perf_counter()
            search(db, "styrning", types=[ConsulteeType.NAMND], stances=[StanceKind.AVSTYRKER])
            results["remiss_search_filtered_s"] = time.perf_counter() - start
    results["remiss_file_growth_300_answers_mib"] = (
        large_path.stat().st_size - size_before
    ) / 1024**2
    results["remiss_file_size_after_mib"] = large_path.stat().st_size / 1024**2
