"""OCR of scanned (or garbled) PDF pages with Tesseract and its Swedish language data.

Pages are rendered with PDFium (pypdfium2) at 300 dpi in this process and handed to the
``tesseract`` program on its standard input (no temporary files); its text comes back on
standard output. Tesseract's own OpenMP threads make a page ~5× slower on two shared cores
(DESIGN.md), so each process runs with ``OMP_THREAD_LIMIT=1`` and pages are read by several
processes at once instead. ``tick`` is called after each page; raising from it (the user
cancelled) stops the processes still running.

Where Tesseract is missing, :class:`OcrUnavailable` says in Swedish how to install it; the
caller rejects only the files that need OCR and imports the rest.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from pathlib import Path

from utredning_app.errors import os_reason
from utredning_app.importing.guards import FileRejected

TESSERACT_ENV = "UTREDNING_TESSERACT"  # path to the tesseract program, if not on PATH
LANGUAGE = "swe"
DPI = 300
PAGE_TIMEOUT_S = 300
WINDOWS_DEFAULT = Path(r"C:\Program Files\Tesseract-OCR\tesseract.exe")

INSTALL_HELP = (
    "Installera Tesseract med svenska språkdata för att läsa inskannade svar: "
    "Windows – installationsprogrammet från UB Mannheim (github.com/UB-Mannheim/tesseract), "
    "kryssa i «Swedish» under «Additional language data»; "
    "macOS – «brew install tesseract tesseract-lang»; "
    "Linux (Debian/Ubuntu) – «sudo apt install tesseract-ocr tesseract-ocr-swe». "
    "Starta sedan om programmet."
)


class OcrUnavailable(FileRejected):
    """Tesseract (or its Swedish data) is missing: the message says how to install it."""


class OcrFailed(FileRejected):
    pass


def tesseract_program() -> str | None:
    configured = os.environ.get(TESSERACT_ENV)
    if configured:
        return configured if Path(configured).is_file() else None
    found = shutil.which("tesseract")
    if found:
        return found
    if sys.platform == "win32" and WINDOWS_DEFAULT.is_file():
        return str(WINDOWS_DEFAULT)
    return None


_checked: dict[str, str] = {}
_checked_lock = threading.Lock()


def require_tesseract(file_name: str = "") -> str:
    """The tesseract program, checked to have Swedish; else :class:`OcrUnavailable`."""
    where = f"{file_name}: " if file_name else ""
    program = tesseract_program()
    if program is None:
        raise OcrUnavailable(f"{where}filen behöver OCR men Tesseract finns inte. {INSTALL_HELP}")
    with _checked_lock:
        if program in _checked:
            return _checked[program]
    try:
        listed = subprocess.run(
            [program, "--list-langs"],
            capture_output=True,
            text=True,
            timeout=30,
            env=_env(),
            check=False,
        )
    except OSError as exc:
        raise OcrUnavailable(
            f"{where}filen behöver OCR men Tesseract kunde inte startas ({os_reason(exc)}). "
            f"{INSTALL_HELP}"
        ) from exc
    languages = set((listed.stdout + listed.stderr).split())
    if LANGUAGE not in languages:
        raise OcrUnavailable(
            f"{where}filen behöver OCR men Tesseract saknar svenska språkdata (swe). {INSTALL_HELP}"
        )
    with _checked_lock:
        _checked[program] = program
    return program


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["OMP_THREAD_LIMIT"] = "1"
    return env


def default_workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def render_page(document: object, index: int, dpi: int = DPI) -> bytes:
    """Page ``index`` (0-based) as a grayscale PNM image, the format Tesseract reads fastest."""
    page = document[index]  # type: ignore[index]
    try:
        bitmap = page.render(scale=dpi / 72, grayscale=True)
        image = bitmap.to_pil().convert("L")
    finally:
        page.close()
    buffer = io.BytesIO()
    image.save(buffer, format="PPM")
    return buffer.getvalue()


def ocr_image(program: str, image: bytes, started: list[subprocess.Popen[bytes]]) -> str:
    process = subprocess.Popen(
        [program, "stdin", "stdout", "-l", LANGUAGE, "--dpi", str(DPI), "--psm", "3"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
    )
    started.append(process)
    out, err = process.communicate(image, timeout=PAGE_TIMEOUT_S)
    if process.returncode != 0:
        message = err.decode("utf-8", "replace").strip().splitlines()[-1:] or ["okänt fel"]
        raise OcrFailed(f"Tesseract kunde inte läsa sidan ({message[0]}).")
    return out.decode("utf-8", "replace")


def ocr_pdf_pages(
    data: bytes,
    pages: list[int],
    *,
    file_name: str = "",
    workers: int | None = None,
    tick: Callable[[int, int], None] | None = None,
) -> dict[int, str]:
    """OCR text of ``pages`` (1-based) of the PDF ``data``: {page: text}."""
    import pypdfium2 as pdfium

    program = require_tesseract(file_name)
    if not pages:
        return {}
    document = pdfium.PdfDocument(data)
    started: list[subprocess.Popen[bytes]] = []
    results: dict[int, str] = {}
    pool = ThreadPoolExecutor(max_workers=workers or default_workers())
    pending: dict[Future[str], int] = {}
    todo = list(pages)
    try:
        limit = workers or default_workers()
        while todo or pending:
            while todo and len(pending) < limit:
                number = todo.pop(0)
                image = render_page(document, number - 1)  # PDFium: one thread only
                pending[pool.submit(ocr_image, program, image, started)] = number
            done, _running = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                number = pending.pop(future)
                try:
                    results[number] = _tidy(future.result())
                except subprocess.TimeoutExpired as exc:
                    raise OcrFailed(f"{file_name}: OCR av sida {number} tog för lång tid.") from exc
                except OcrFailed as exc:
                    raise OcrFailed(f"{file_name}: sida {number}: {exc.message}") from exc
                if tick is not None:
                    tick(len(results), len(pages))
    finally:
        for process in started:
            if process.poll() is None:
                process.kill()
        pool.shutdown(wait=True, cancel_futures=True)
        document.close()
    return results


def _tidy(text: str) -> str:
    lines = [line.rstrip() for line in text.replace("\f", "\n").split("\n")]
    out: list[str] = []
    for line in lines:
        if not line and out and not out[-1]:
            continue
        out.append(line)
    return "\n".join(out).strip()
