"""Test tools for the staff desk: Telegram-signed Mini App initData, and a signed-in test client."""
from __future__ import annotations

import hashlib
import hmac
import json
import re
from urllib.parse import urlencode

BOT_TOKEN = "123456:TEST-desk-token"


def sign_init_data(user_id: int, auth_date: float, *, token: str = BOT_TOKEN, first_name: str = "x") -> str:
    """initData as Telegram builds it for a Mini App (fields, then a hash keyed with the bot token)."""
    fields = {"auth_date": str(int(auth_date)), "query_id": "AAH-test",
              "user": json.dumps({"id": user_id, "first_name": first_name}, separators=(",", ":"))}
    check = "\n".join(f"{k}={v}" for k, v in sorted(fields.items()))
    secret = hmac.new(b"WebAppData", token.encode(), hashlib.sha256).digest()
    fields["hash"] = hmac.new(secret, check.encode(), hashlib.sha256).hexdigest()
    return urlencode(fields)


def csrf_of(html: str) -> str:
    m = re.search(r'name="csrf" value="([^"]+)"', html)
    assert m, "no CSRF field on the page"
    return m.group(1)


async def sign_in(client, user_id: int, auth_date: float, token: str = BOT_TOKEN) -> str:
    """Signs in as the Mini App would; returns the CSRF token of the signed-in session."""
    resp = await client.post("/auth/webapp", data={"init_data": sign_init_data(user_id, auth_date, token=token)})
    assert resp.status == 204, await resp.text()
    page = await client.get("/")
    assert page.status == 200
    return csrf_of(await page.text())
