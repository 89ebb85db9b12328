"""Structure-aware mutations of real, valid inputs, for the importer fuzzer.

Random bytes mostly test the first check a reader makes ("is this a zip?"). Mutating a *valid*
file where it has structure reaches the code behind it: the zip members of an Office package,
XML elements, attributes and text inside them, the values of worksheet cells, the tokens of a
PDF, and the tables, rows and fields of a JSON archive. Every function takes a seeded
``random.Random`` and returns the mutated input plus a short description (for the failure
message), so a failing case can be re-made from its seed.
"""

from __future__ import annotations

import copy
import io
import json
import random
import re
import zipfile
from collections.abc import Callable
from typing import Any

# Values that break naive readers: empty, huge, negative, non-numbers, formulas, markup,
# escapes Excel decodes into control characters, right-to-left text, surrogates' escapes.
INTERESTING_TEXT = [
    "",
    " ",
    "0",
    "-1",
    "1e308",
    "-1e308",
    "NaN",
    "inf",
    "18446744073709551617",
    "9" * 400,
    "2023-13-45",
    "=1+1",
    '=HYPERLINK("http://example.invalid","x")',
    "_x001B_[31m",
    "_x0000_",
    "&amp;&lt;&gt;",
    "&#1;",
    "Å" * 5000,
    "\u202etxt.exe",
    "ja",
    "nej",
    "Tillstyrker",
    "Avstyrker",
    "bolag",
    "A1",
    "XFD1048576",
    "A1:XFD1048576",
]
INTERESTING_NUMBERS = [
    "0",
    "-1",
    "1",
    "2",
    "65536",
    "1048577",
    "2147483648",
    "-2147483649",
    "18446744073709551616",
    "99999999999999999999",
    "1e308",
    "-0",
    "0.5",
    "NaN",
    "",
]

_TAG = re.compile(rb"<([A-Za-z_][\w.:-]*)(\s[^<>]*)?/?>")
_ATTR = re.compile(rb'([A-Za-z_][\w.:-]*)="([^"<>]*)"')
_TEXT = re.compile(rb">([^<>]{1,200})<")


def _escape(text: str) -> bytes:
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .encode("utf-8", "surrogatepass")
    )


# ------------------------------------------------------------------ XML (bytes, no parse)


def mutate_xml(rng: random.Random, xml: bytes) -> tuple[bytes, str]:
    """One structure-aware change of an XML part."""
    choice = rng.randrange(8)
    tags = list(_TAG.finditer(xml))
    if choice == 0 and tags:  # delete an element's start tag (leaves its end: malformed)
        m = rng.choice(tags)
        return xml[: m.start()] + xml[m.end() :], f"start-tagg bort {m.group(1)[:30]!r}"
    if choice == 1 and tags:  # duplicate a whole element (start..matching end, if simple)
        m = rng.choice(tags)
        name = m.group(1)
        end = xml.find(b"</" + name + b">", m.end())
        if m.group(0).endswith(b"/>"):
            end_pos = m.end()
        elif end != -1:
            end_pos = end + len(name) + 3
        else:
            end_pos = m.end()
        element = xml[m.start() : end_pos]
        copies = rng.choice([1, 2, 50])
        return (
            xml[:end_pos] + element * copies + xml[end_pos:],
            f"element {name[:30]!r} ×{copies + 1}",
        )
    if choice == 2 and tags:  # remove a whole element
        m = rng.choice(tags)
        name = m.group(1)
        end = xml.find(b"</" + name + b">", m.end())
        end_pos = m.end() if m.group(0).endswith(b"/>") or end == -1 else end + len(name) + 3
        return xml[: m.start()] + xml[end_pos:], f"element {name[:30]!r} bort"
    attrs = list(_ATTR.finditer(xml))
    if choice in (3, 4) and attrs:  # change an attribute value
        m = rng.choice(attrs)
        pool = INTERESTING_NUMBERS if m.group(2).strip(b"-.0123456789") == b"" else None
        value = (
            rng.choice(pool).encode()
            if pool and rng.random() < 0.7
            else _escape(rng.choice(INTERESTING_TEXT))
        )
        return (
            xml[: m.start(2)] + value + xml[m.end(2) :],
            f"attribut {m.group(1)[:30]!r}={value[:40]!r}",
        )
    if choice == 5 and attrs:  # remove an attribute
        m = rng.choice(attrs)
        return xml[: m.start()] + xml[m.end() :], f"attribut {m.group(1)[:30]!r} bort"
    texts = list(_TEXT.finditer(xml))
    if choice == 6 and texts:  # replace element text
        m = rng.choice(texts)
        value = _escape(rng.choice(INTERESTING_TEXT + INTERESTING_NUMBERS))
        return xml[: m.start(1)] + value + xml[m.end(1) :], f"text → {value[:40]!r}"
    if not xml:
        return b"<", "tom del → <"
    # truncate or flip a byte
    if rng.random() < 0.5:
        cut = rng.randrange(len(xml))
        return xml[:cut], f"kapad vid {cut}"
    pos = rng.randrange(len(xml))
    return (
        xml[:pos] + bytes([rng.randrange(256)]) + xml[pos + 1 :],
        f"byte {pos} ändrad",
    )


# ------------------------------------------------------------------ Office packages (zip)


def _read_zip(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return [(i.filename, zf.read(i)) for i in zf.infolist()]


def _write_zip(members: list[tuple[str, bytes]]) -> bytes:
    import warnings

    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # duplicate names are meant
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in members:
                zf.writestr(name, data)
    return buffer.getvalue()


def mutate_package(
    rng: random.Random, data: bytes, focus: Callable[[str], bool] | None = None
) -> tuple[bytes, str]:
    """Mutate an Office package: mostly inside its XML parts (``focus`` picks the parts the
    reader cares about, e.g. worksheets), sometimes its member list."""
    members = _read_zip(data)
    roll = rng.random()
    if roll < 0.08:  # drop a member
        index = rng.randrange(len(members))
        name = members.pop(index)[0]
        return _write_zip(members), f"del {name} bort"
    if roll < 0.12:  # duplicate a member name (zip allows it; readers take one of them)
        name, content = rng.choice(members)
        changed, how = mutate_xml(rng, content)
        return _write_zip([*members, (name, changed)]), f"del {name} dubblerad ({how})"
    if roll < 0.15:  # swap the contents of two members
        a, b = rng.sample(range(len(members)), 2)
        (na, ca), (nb, cb) = members[a], members[b]
        members[a], members[b] = (na, cb), (nb, ca)
        return _write_zip(members), f"innehåll {na} ↔ {nb}"
    if roll < 0.17:  # the whole package truncated
        cut = rng.randrange(len(data))
        return data[:cut], f"paketet kapat vid {cut}"
    candidates = [
        i
        for i, (name, _c) in enumerate(members)
        if name.endswith((".xml", ".rels")) and (focus is None or focus(name))
    ] or [i for i, (name, _c) in enumerate(members) if name.endswith((".xml", ".rels"))]
    index = rng.choice(candidates)
    name, content = members[index]
    how_many = rng.choice([1, 1, 1, 2, 3])
    notes = []
    for _ in range(how_many):
        content, how = mutate_xml(rng, content)
        notes.append(how)
    members[index] = (name, content)
    return _write_zip(members), f"{name}: " + "; ".join(notes)


def mutate_cells(rng: random.Random, data: bytes, sheets: list[str] | None = None) -> bytes:
    """Set one to three cells of a workbook (as Excel would save them) to odd values."""
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data))
    names = [n for n in wb.sheetnames if sheets is None or n in sheets] or wb.sheetnames
    for _ in range(rng.choice([1, 2, 3])):
        ws = wb[rng.choice(names)]
        row = rng.randrange(1, max(ws.max_row, 1) + 3)
        col = rng.randrange(1, max(ws.max_column, 1) + 2)
        value: Any = rng.choice(
            [
                None,
                0,
                -1,
                1e308,
                -1e308,
                10**15,
                0.5,
                True,
                "=SUM(A1:A2)",
                "",
                "text",
                "12 mnkr",
                "Tillstyrker",
                "2099-01-01",
                "Å" * 300,
            ]
        )
        cell = ws.cell(row, col)
        if type(cell).__name__ == "MergedCell":  # read-only part of a merged range
            continue
        cell.value = value
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


# ------------------------------------------------------------------ PDF


_PDF_NUMBER = re.compile(rb"(?<![\w.])-?\d+(?:\.\d+)?(?![\w.])")
_PDF_KEYWORDS = [b"obj", b"endobj", b"stream", b"endstream", b"xref", b"trailer", b"/Length"]


def mutate_pdf(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    """Change a number (object ids, lengths, offsets), drop a keyword, cut or repeat a slice."""
    roll = rng.random()
    numbers = list(_PDF_NUMBER.finditer(data))
    if roll < 0.45 and numbers:
        m = rng.choice(numbers)
        value = rng.choice(INTERESTING_NUMBERS).encode() or b"0"
        return data[: m.start()] + value + data[m.end() :], f"tal {m.group()!r} → {value!r}"
    if roll < 0.65:
        keyword = rng.choice(_PDF_KEYWORDS)
        pos = data.find(keyword, rng.randrange(len(data)))
        if pos == -1:
            pos = data.find(keyword)
        if pos != -1:
            return data[:pos] + data[pos + len(keyword) :], f"nyckelord {keyword!r} bort"
    if roll < 0.8:
        cut = rng.randrange(len(data))
        return data[:cut], f"kapad vid {cut}"
    start = rng.randrange(len(data))
    end = min(len(data), start + rng.randrange(1, 200))
    return data[:end] + data[start:end] * rng.choice([2, 100]) + data[end:], "bit upprepad"


# ------------------------------------------------------------------ JSON archive


def _json_value(rng: random.Random, depth: int = 0) -> Any:
    kinds = ["none", "bool", "int", "bigint", "float", "text", "surrogate"]
    if depth < 2:
        kinds += ["list", "dict"]
    kind = rng.choice(kinds)
    if kind == "none":
        return None
    if kind == "bool":
        return rng.random() < 0.5
    if kind == "int":
        return rng.choice([0, -1, 1, 2**31, -(2**31), 2**63 - 1, -(2**63)])
    if kind == "bigint":
        return rng.choice([2**63, -(2**63) - 1, 2**64, 10**30])
    if kind == "float":
        return rng.choice([0.5, -1e308, 1e308, 1e-320, 3.14])
    if kind == "surrogate":
        return rng.choice(["\ud800", "a\udfffb", "\udc80"])
    if kind == "list":
        return [_json_value(rng, depth + 1) for _ in range(rng.randrange(3))]
    if kind == "dict":
        return {str(i): _json_value(rng, depth + 1) for i in range(rng.randrange(3))}
    return rng.choice(INTERESTING_TEXT)


def mutate_archive(rng: random.Random, base: dict[str, Any]) -> tuple[bytes, str]:
    """Change tables, rows and fields of a real archive; serialised as JSON (surrogates as
    ``\\ud800`` escapes, as another program could write them)."""
    data = copy.deepcopy(base)
    tables = data["tables"]
    notes = []
    for _ in range(rng.choice([1, 1, 2, 3])):
        action = rng.choice(["set", "set", "set", "drop", "add", "dup", "swap-id", "root", "type"])
        table = rng.choice(sorted(tables))
        rows = tables[table]
        if action == "root":
            key = rng.choice(sorted(data))
            data[key] = _json_value(rng)
            notes.append(f"{key} = …")
            continue
        if action == "type":
            tables[table] = _json_value(rng)
            notes.append(f"tabell {table} = …")
            continue
        if not isinstance(rows, list) or not rows or not isinstance(rows[0], dict):
            continue
        row = rng.choice(rows)
        if not isinstance(row, dict) or not row:
            continue
        field = rng.choice(sorted(row))
        if action == "set":
            row[field] = _json_value(rng)
        elif action == "drop":
            row.pop(field)
        elif action == "add":
            row[rng.choice(["hack", "", "id2", field + "_x"])] = _json_value(rng)
        elif action == "dup":
            rows.append(copy.deepcopy(row))
        elif action == "swap-id":
            other = tables[rng.choice(sorted(tables))]
            if isinstance(other, list) and other and isinstance(other[0], dict):
                row["id"] = other[0].get("id")
        notes.append(f"{action} {table}.{field}")
    return json.dumps(data, ensure_ascii=True).encode("utf-8"), "; ".join(notes)
