"""Remissvar that arrive by e-mail, saved from the mail program: .eml (the standard format,
read with the standard library) and Outlook .msg (read with extract-msg).

What is taken: the sender (name and address: evidence for who answered), the date it was
received (the inkom date), the body, and the attachments (each checked by the same guards as
a file dropped on its own, then read as Word, PDF or svarsmall). The e-mail file itself is kept
unchanged in the investigation file as the original.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import email.utils
import io
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from utredning_app.importing.guards import FileRejected, check_size

EMAIL_SUFFIXES = (".eml", ".msg")
MEDIA_TYPES = {".eml": "message/rfc822", ".msg": "application/vnd.ms-outlook"}
MAX_ATTACHMENTS = 50


@dataclass
class EmailAnswer:
    sender: str = ""  # as written: "Anna Berg <anna.berg@example.se>"
    sender_address: str = ""
    subject: str = ""
    received: dt.date | None = None
    body: str = ""
    attachments: list[tuple[str, bytes]] = field(default_factory=list)


def read_email(name: str, data: bytes) -> EmailAnswer:
    check_size(name, len(data))
    if name.lower().endswith(".msg"):
        return _read_msg(name, data)
    return _read_eml(name, data)


def _read_eml(name: str, data: bytes) -> EmailAnswer:
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise FileRejected(f"{name}: filen är ett Outlook-meddelande; spara det som .msg.")
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
    except Exception as exc:  # untrusted input
        raise FileRejected(f"{name}: e-postmeddelandet är skadat och kan inte läsas.") from exc
    if not message.keys():
        raise FileRejected(f"{name}: filen är inget e-postmeddelande (.eml).")
    answer = EmailAnswer()
    answer.sender = str(message.get("From", "") or "")
    answer.sender_address = email.utils.parseaddr(answer.sender)[1]
    answer.subject = str(message.get("Subject", "") or "")
    answer.received = _received_date(message)
    plain: list[str] = []
    html: list[str] = []
    try:
        for part in message.walk():
            if part.is_multipart():
                continue
            filename = part.get_filename()
            disposition = part.get_content_disposition()
            if filename or disposition == "attachment":
                payload = part.get_payload(decode=True)
                if isinstance(payload, bytes) and len(answer.attachments) < MAX_ATTACHMENTS:
                    answer.attachments.append((_safe_name(filename or "bilaga"), payload))
                continue
            if part.get_content_type() == "text/plain":
                plain.append(str(part.get_content()))
            elif part.get_content_type() == "text/html":
                html.append(_html_text(str(part.get_content())))
    except Exception as exc:  # untrusted input: a broken part
        raise FileRejected(f"{name}: e-postmeddelandet är skadat och kan inte läsas.") from exc
    answer.body = _tidy("\n".join(plain) if plain else "\n".join(html))
    return answer


def _received_date(message: email.message.Message) -> dt.date | None:
    """When the region's mail server received it (the newest Received header), else Date."""
    for header in message.get_all("Received", []) or []:
        stamp = str(header).rsplit(";", 1)[-1].strip()
        parsed = _parse_date(stamp)
        if parsed is not None:
            return parsed
    return _parse_date(str(message.get("Date", "") or ""))


def _parse_date(text: str) -> dt.date | None:
    if not text:
        return None
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is not None:
        when = when.astimezone()  # the user's local date
    return when.date()


def _read_msg(name: str, data: bytes) -> EmailAnswer:
    try:
        import extract_msg

        message = extract_msg.openMsg(io.BytesIO(data))
    except Exception as exc:  # untrusted input, or not an Outlook message at all
        raise FileRejected(
            f"{name}: Outlook-meddelandet är skadat eller krypterat och kan inte läsas."
        ) from exc
    try:
        answer = EmailAnswer()
        answer.sender, answer.sender_address = _msg_sender(message)
        answer.subject = str(getattr(message, "subject", "") or "")
        when = getattr(message, "receivedTime", None) or getattr(message, "date", None)
        if isinstance(when, dt.datetime):
            answer.received = (when.astimezone() if when.tzinfo else when).date()
        body = getattr(message, "body", None)
        if not body:
            html = getattr(message, "htmlBody", None)
            body = _html_text(html.decode("utf-8", "replace")) if html else ""
        answer.body = _tidy(str(body))
        for attachment in list(getattr(message, "attachments", []))[:MAX_ATTACHMENTS]:
            payload = getattr(attachment, "data", None)
            filename = getattr(attachment, "longFilename", None) or getattr(
                attachment, "shortFilename", None
            )
            if isinstance(payload, bytes):
                answer.attachments.append((_safe_name(filename or "bilaga"), payload))
    except FileRejected:
        raise
    except Exception as exc:  # untrusted input
        raise FileRejected(f"{name}: Outlook-meddelandet är skadat och kan inte läsas.") from exc
    finally:
        message.close()
    return answer


def _msg_sender(message: object) -> tuple[str, str]:
    """("Name <address>", address) of an Outlook message: from its transport headers, else
    the sender properties (SMTP address, then the sender's and the represented sender's)."""
    msg: Any = message
    header = getattr(msg, "header", None)
    written = str(header.get("From", "") or "") if header is not None else ""
    name, address = email.utils.parseaddr(written)
    if "@" not in address:
        address = ""
        for stream in ("__substg1.0_5D01", "__substg1.0_0C1F", "__substg1.0_0065"):
            value = msg.getStringStream(stream)
            if isinstance(value, str) and "@" in value:
                address = value.strip()
                break
    display = str(getattr(msg, "sender", "") or "") or name
    if "@" in display:
        return display, email.utils.parseaddr(display)[1] or address
    sender = f"{display} <{address}>" if display and address else (display or address)
    return sender, address


def _safe_name(name: str) -> str:
    name = re.sub(r"[\\/:*?\"<>|\x00-\x1f]", "_", name).strip() or "bilaga"
    return name[-200:]


class _TextOf(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in ("br", "p", "div", "tr", "li", "h1", "h2", "h3"):
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _html_text(html: str) -> str:
    parser = _TextOf()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


def _tidy(text: str) -> str:
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    out: list[str] = []
    for line in lines:
        if not line and out and not out[-1]:
            continue
        out.append(line)
    return "\n".join(out).strip()
