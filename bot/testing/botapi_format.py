"""Request decoding and parse_mode rendering for the fake Bot API server.

Both clients flatten every parameter to a string (aiogram: multipart, PTB: urlencoded),
so the server has to turn them back into typed values the way Telegram does.
Formatted text is checked like Telegram checks it, so a bot that forgets to escape a
resident's name fails here, not in production.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

from aiohttp import MultipartReader

# Parameters that Telegram treats as strings even when they look like numbers or JSON.
STRING_PARAMS = frozenset(
    "text caption parse_mode url secret_token callback_query_id action language_code ip_address "
    "title description short_description name data emoji first_name last_name phone_number "
    "address inline_message_id business_connection_id message_effect_id file_id vcard "
    "foursquare_id google_place_id question".split()
)


class APIError(Exception):
    """An answer with ok=false; raised anywhere inside a method handler."""

    def __init__(self, code: int, description: str, retry_after: int | None = None):
        super().__init__(description)
        self.code, self.description, self.retry_after = code, description, retry_after


def bad_request(reason: str) -> APIError:
    return APIError(400, f"Bad Request: {reason}")


def decode_value(key: str, value: Any) -> Any:
    if not isinstance(value, str) or key in STRING_PARAMS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value  # e.g. "@channel" or a file_id


class UploadedFile(dict):
    """A file part of a multipart request: its name and size as params, its bytes in `.data`."""

    data: bytes = b""


def decode_params(raw: dict[str, Any]) -> dict[str, Any]:
    params = dict(raw)
    for key, value in raw.items():
        name = value.removeprefix("attach://") if isinstance(value, str) else None
        if name != value and isinstance(params.get(name), UploadedFile):
            params[key] = params.pop(name)  # aiogram uploads files under a random field name
    return {key: decode_value(key, value) for key, value in params.items()}


async def read_multipart(reader: MultipartReader) -> dict[str, Any]:
    raw: dict[str, Any] = {}
    while (part := await reader.next()) is not None:
        if part.filename:
            data = await part.read()
            raw[part.name] = UploadedFile(file_name=part.filename, size=len(data))
            raw[part.name].data = data
        else:
            raw[part.name] = await part.text()
    return raw


# --- parse_mode ------------------------------------------------------------------------
HTML_TAGS = frozenset("b strong i em u ins s strike del span tg-spoiler a tg-emoji code pre blockquote".split())
TAG_RE = re.compile(r"<(/?)([a-zA-Z][\w-]*)(\s[^<>]*)?>")
MDV2_RESERVED = set(".!-=+#{}>")  # never markup (except '>' opening a quote line)
MDV2_MARKUP = set("_*~|`[]")  # "(" and ")" only as part of [text](url)


def entities_error(reason: str) -> APIError:
    return bad_request(f"can't parse entities: {reason}")


def render_html(text: str) -> str:
    """Return what the user sees, or raise the error Telegram gives for malformed HTML."""
    out, stack, pos = [], [], 0
    while (lt := text.find("<", pos)) != -1:
        out.append(text[pos:lt])
        m = TAG_RE.match(text, lt)
        offset = len(text[:lt].encode())
        if not m:
            raise entities_error(f"Unsupported start tag \"\" at byte offset {offset}")
        closing, name = m.group(1), m.group(2).lower()
        if name not in HTML_TAGS:
            raise entities_error(f'Unsupported start tag "{name}" at byte offset {offset}')
        if not closing:
            stack.append(name)
        elif not stack or stack[-1] != name:
            expected = f'"</{stack[-1]}>"' if stack else "no end tag"
            raise entities_error(f'Unmatched end tag at byte offset {offset}, expected {expected}, found "</{name}>"')
        else:
            stack.pop()
        pos = m.end()
    if stack:
        raise entities_error(f'Can\'t find end tag corresponding to start tag "{stack[-1]}"')
    out.append(text[pos:])
    return html.unescape("".join(out))


def render_markdown_v2(text: str) -> str:
    out, i, in_code, in_url = [], 0, False, False
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            out.append("" if in_url else text[i + 1])
            i += 2
            continue
        if ch == "`":
            in_code = not in_code
        elif in_code:
            out.append(ch)
        elif ch == "(" and i > 0 and text[i - 1] == "]":
            in_url = True
        elif ch == ")" and in_url:
            in_url = False
        elif in_url:
            pass
        elif ch in MDV2_RESERVED and not (ch == ">" and (i == 0 or text[i - 1] == "\n")) or ch in "()":
            raise entities_error(f"Character '{ch}' is reserved and must be escaped with the preceding '\\'")
        elif ch not in MDV2_MARKUP and not (ch == ">" and (i == 0 or text[i - 1] == "\n")):
            out.append(ch)
        i += 1
    return "".join(out)


def render_markdown(text: str) -> str:
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"[*_`]", "", text)


def render(text: str, parse_mode: str | None) -> str:
    mode = (parse_mode or "").lower()
    if not mode:
        return text
    renderers = {"html": render_html, "markdownv2": render_markdown_v2, "markdown": render_markdown}
    if mode not in renderers:
        raise bad_request("unsupported parse_mode")
    return renderers[mode](text)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2
