"""Hostile documents for every reader of outside files: remissvar (docx/xlsx/pdf), the returned
cost workbook, and Word templates. Each gets a clear refusal (never a traceback) in bounded
time, and the investigation file stays byte for byte as it was.

This is an independent corpus on top of the readers' own tests (importing/guards.py is the
remiss area's); it drives the same entry points the CLI and GUI use.
"""

from __future__ import annotations

import hashlib
import io
import random
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.reliability.stats import record
from utredning_app.errors import UserError

HANG_GUARD_S = 60

BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'.encode()
        for i in range(1, 10)
    )
    + b']>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
)
XXE = (
    b'<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def _docx_with(document_xml: bytes, good_docx: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(good_docx)) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    members["word/document.xml"] = document_xml
    return _zip(members)


def _xlsx_with(part: str, xml: bytes, good_xlsx: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(good_xlsx)) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    members[part] = xml
    return _zip(members)


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """A real docx, xlsx and pdf to mutate (written with the libraries the app uses)."""
    import docx
    from openpyxl import Workbook
    from pypdf import PdfWriter

    folder = tmp_path_factory.mktemp("prov")
    document = docx.Document()
    document.add_paragraph("Remissvar från Hälso- och sjukvårdsnämnden: tillstyrker.")
    document.save(folder / "a.docx")
    wb = Workbook()
    wb.active["A1"] = "Svarsmall"
    wb.save(folder / "a.xlsx")
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    with (folder / "a.pdf").open("wb") as fh:
        writer.write(fh)
    encrypted = PdfWriter()
    encrypted.add_blank_page(595, 842)
    encrypted.encrypt("hemligt")
    with (folder / "krypterad.pdf").open("wb") as fh:
        encrypted.write(fh)
    return {
        "docx": (folder / "a.docx").read_bytes(),
        "xlsx": (folder / "a.xlsx").read_bytes(),
        "pdf": (folder / "a.pdf").read_bytes(),
        "encrypted_pdf": (folder / "krypterad.pdf").read_bytes(),
    }


def hostile_corpus(samples: dict[str, bytes]) -> dict[str, bytes]:
    """File name → bytes. The suffix says what the file claims to be."""
    rng = random.Random(7)
    noise = bytes(rng.randrange(256) for _ in range(20_000))
    zeros = b"\x00" * (60 * 1024**2)
    many = {f"word/m{i}.xml": b"<a/>" for i in range(6000)}
    nested_pdf = (
        b"%PDF-1.4\n1 0 obj\n" + b"[" * 50_000 + b"]" * 50_000 + b"\nendobj\ntrailer<<>>\n%%EOF"
    )
    return {
        "tom.docx": b"",
        "slumpbyte.docx": noise,
        "slumpbyte.xlsx": noise,
        "slumpbyte.pdf": noise,
        "pdf-huvud-skräp.pdf": b"%PDF-1.7\n" + noise,
        "kapad.docx": samples["docx"][: len(samples["docx"]) // 2],
        "kapad.xlsx": samples["xlsx"][: len(samples["xlsx"]) // 2],
        "kapad.pdf": samples["pdf"][: len(samples["pdf"]) // 2],
        "zip-bomb.docx": _docx_with(zeros, samples["docx"]),
        "zip-bomb.xlsx": _xlsx_with("xl/sharedStrings.xml", zeros, samples["xlsx"]),
        "många-delar.docx": _zip({**many, "word/document.xml": b"<a/>"}),
        "billion-laughs.docx": _docx_with(BILLION_LAUGHS, samples["docx"]),
        "billion-laughs.xlsx": _xlsx_with("xl/sharedStrings.xml", BILLION_LAUGHS, samples["xlsx"]),
        "xxe.docx": _docx_with(XXE, samples["docx"]),
        "fel-typ-xlsx-som-docx.docx": samples["xlsx"],
        "fel-typ-pdf-som-xlsx.xlsx": samples["pdf"],
        "png-som-pdf.pdf": b"\x89PNG\r\n\x1a\n" + noise,
        "krypterad.pdf": samples["encrypted_pdf"],
        "nästlad.pdf": nested_pdf,
        "ole-gammal-doc.docx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + noise,
    }


def _refuses(
    case: str, investigation: Path, action: Callable[[], object], *, may_succeed: bool = False
) -> str:
    before = _sha(investigation)
    started = time.monotonic()
    outcome = "accepted"
    try:
        action()
    except UserError:
        outcome = "refused"
    except BaseException:
        record("fuzz", case, survived=False)
        raise
    elapsed = time.monotonic() - started
    assert elapsed < HANG_GUARD_S, f"{case}: {elapsed:.0f} s"
    assert _sha(investigation) == before or outcome == "accepted", f"{case}: file changed"
    record("fuzz", case, survived=True)
    assert may_succeed or outcome == "refused", f"{case}: was accepted"
    return outcome


def test_hostile_remissvar_are_rejected_and_nothing_is_imported(
    demo_path: Path, tmp_path: Path, samples: dict[str, bytes]
) -> None:
    from utredning_app.services.responses import import_answers

    before = _sha(demo_path)
    for name, content in hostile_corpus(samples).items():
        path = tmp_path / name
        path.write_bytes(content)
        started = time.monotonic()
        try:
            result = import_answers(demo_path, [path])
        except UserError:
            result = None
        except BaseException:
            record("fuzz", f"remissvar-{name}", survived=False)
            raise
        assert time.monotonic() - started < HANG_GUARD_S, name
        if result is not None:
            assert result.imported == [], f"{name} was imported"
            assert [n for n, _ in result.rejected] == [name]
            reason = result.rejected[0][1]
            assert (reason and name in reason) or reason, name
        record("fuzz", f"remissvar-{name}", survived=True)
        path.unlink()
    assert _sha(demo_path) == before


def test_hostile_cost_workbooks_are_refused_untouched(
    demo_path: Path, tmp_path: Path, samples: dict[str, bytes]
) -> None:
    from utredning_app.services.estimates import import_cost_workbook
    from utredning_app.services.exports import export_xlsx, xlsx_kinds

    kind = next(k for k in xlsx_kinds() if "kost" in k)
    real = export_xlsx(kind, demo_path, tmp_path / "kostnader.xlsx").out.read_bytes()
    corpus = {n: c for n, c in hostile_corpus(samples).items() if n.endswith(".xlsx")}
    with zipfile.ZipFile(io.BytesIO(real)) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    sheets = [n for n in members if n.startswith("xl/worksheets/")]

    def every_sheet(change: Callable[[bytes], bytes]) -> bytes:
        return _zip({n: change(d) if n in sheets else d for n, d in members.items()})

    huge = b'<c r="A1" t="inlineStr"><is><t>' + b"9" * 5_000_000 + b"</t></is></c>"
    corpus["arbetsbok-trasiga-blad.xlsx"] = every_sheet(lambda d: d[: len(d) // 2])
    corpus["arbetsbok-billion-laughs.xlsx"] = every_sheet(lambda d: BILLION_LAUGHS)
    corpus["arbetsbok-kapad.xlsx"] = real[: len(real) * 2 // 3]
    corpus["arbetsbok-jättecell.xlsx"] = every_sheet(
        lambda d: d.replace(b'<c r="A1"', huge + b'<c r="X1"', 1)
    )
    for name, content in corpus.items():
        path = tmp_path / name
        path.write_bytes(content)
        _refuses(f"kostnader-{name}", demo_path, lambda p=path: import_cost_workbook(demo_path, p))


def test_hostile_word_templates_are_refused_and_write_nothing(
    demo_path: Path, tmp_path: Path, samples: dict[str, bytes]
) -> None:
    from utredning_app import paths
    from utredning_app.services.exports import export_document

    real = (paths.templates_dir() / "region.docx").read_bytes()
    corpus = {n: c for n, c in hostile_corpus(samples).items() if n.endswith(".docx")}
    corpus["mall-billion-laughs-styles.docx"] = _xlsx_with("word/styles.xml", BILLION_LAUGHS, real)
    corpus["mall-utan-stilar.docx"] = samples["docx"]
    out = tmp_path / "ut" / "rapport.docx"
    out.parent.mkdir()
    for name, content in corpus.items():
        template = tmp_path / name
        template.write_bytes(content)
        outcome = _refuses(
            f"mall-{name}",
            demo_path,
            lambda t=template: export_document(
                "delrapport", demo_path, out, template=t, current=True
            ),
            may_succeed=name == "mall-utan-stilar.docx",
        )
        if outcome == "refused":
            assert not out.exists(), f"{name}: a document was written"
            assert list(out.parent.iterdir()) == [], f"{name}: temporary files left"
        out.unlink(missing_ok=True)


def test_hostile_consultee_lists_are_refused(tmp_path: Path, samples: dict[str, bytes]) -> None:
    from utredning_app.services.consultees import read_sheet

    corpus = {n: c for n, c in hostile_corpus(samples).items() if n.endswith(".xlsx")}
    for name, content in corpus.items():
        path = tmp_path / name
        path.write_bytes(content)
        started = time.monotonic()
        try:
            read_sheet(path)
        except UserError:
            pass
        except BaseException:
            record("fuzz", f"instanslista-{name}", survived=False)
            raise
        assert time.monotonic() - started < HANG_GUARD_S
        record("fuzz", f"instanslista-{name}", survived=True)


def _outline_cases() -> dict[str, bytes]:
    return {
        "tom.toml": b"",
        "slump.toml": bytes(random.Random(3).randrange(256) for _ in range(3000)),
        "latin1.toml": 'rubrik = "Förslag"'.encode("latin-1"),
        "djup.json": b"[" * 100_000 + b"]" * 100_000,
        "djup.toml": b"a = " + b"[" * 100_000 + b"]" * 100_000,
        "lista.json": b"[1, 2, 3]",
        "sträng.json": b'"kapitel"',
        "kapitel-fel-typ.toml": b'kapitel = "alla"',
        "block-okänt.toml": b'[[kapitel]]\nrubrik = "X"\nblock = [{ typ = "rm -rf" }]',
        "block-ej-lista.toml": b'[[kapitel]]\nrubrik = "X"\nblock = 5',
        "jätterubrik.toml": b'[[kapitel]]\nrubrik = "' + b"A" * 2_000_000 + b'"\nblock = []',
    }


def test_hostile_outlines_are_refused(demo_path: Path, tmp_path: Path) -> None:
    from utredning_app.services.exports import export_document

    out = tmp_path / "ut" / "rapport.docx"
    out.parent.mkdir()
    for name, content in _outline_cases().items():
        outline = tmp_path / name
        outline.write_bytes(content)
        outcome = _refuses(
            f"disposition-{name}",
            demo_path,
            lambda o=outline: export_document(
                "delrapport", demo_path, out, outline=o, current=True
            ),
            may_succeed=name == "jätterubrik.toml",
        )
        if outcome == "refused":
            assert not out.exists(), name
        out.unlink(missing_ok=True)
