"""The desk in a real browser at phone size: Debian's Chromium driven by Playwright (no browser download).

One browser for the whole test; a screenshot of each page lands in var/screenshots/ (look at them: Chinese on a
phone). Where Chromium is missing this test says so; under CI (CI=true) that is a failure, not a skip."""
from __future__ import annotations

import io
import os
from pathlib import Path
from urllib.parse import quote

import pytest
from aiohttp.test_utils import TestServer
from conftest import ROOT, enrolled, signed_up
from openpyxl import Workbook

from bot.desk import make_web_app
from bot.desk.auth import new_link
from bot.testing.desk import BOT_TOKEN, sign_init_data
from bot.testing.tools import Person

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
COLD_SIGNIN_MS = 120_000  # the first Mini App sign-in of a process, on a loaded machine (see its wait)
SHOTS = ROOT / "var" / "screenshots"
PHONE = {"width": 390, "height": 844}


def _browser_or_why() -> str:
    try:
        import playwright.async_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed"
    if not os.access(CHROMIUM, os.X_OK):
        return f"Chromium is missing ({CHROMIUM}): apt-get install -y chromium fonts-noto-cjk"
    return ""


@pytest.fixture
def chromium_path():
    why = _browser_or_why()
    if why:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"browser tests cannot run: {why}")
        pytest.skip(f"browser tests did not run: {why}")
    return CHROMIUM


def _xlsx(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", "电话", "路", "弄", "号", "室", "独居", "紧急联系人1", "关系1", "联系人电话1"])
    ws.append(["孙爷爷", "13900000077", "建新路", 9, 1, 101, "是", "孙红", "女儿", "13911110077"])
    ws.append(["王老伯", "13900000002", "建新路", 27, 5, 305, "是", "王丽", "女儿", "13911110002"])
    wb.save(path)
    return path


async def test_desk_pages_in_a_phone_sized_chromium(chromium_path, app, people, clock, tmp_path):
    from playwright.async_api import async_playwright, expect

    SHOTS.mkdir(parents=True, exist_ok=True)
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("救命")
    n = (await app.svc.store.open_incident_ids())[-1]
    await enrolled(people, app)
    packet = people("李社工").m.to(1001)[-1]
    server = TestServer(make_web_app(app.engine, BOT_TOKEN), host="127.0.0.1")
    await server.start_server()
    base = str(server.make_url("")).rstrip("/")
    csp_errors: list[str] = []
    try:
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=chromium_path, args=ARGS, headless=True)
            ctx = await browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="zh-CN")
            page = await ctx.new_page()
            page.on("console", lambda m: csp_errors.append(m.text) if "Content Security Policy" in m.text else None)

            async def shot(name: str) -> None:
                await page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)

            # the office PC's way in: a one-time link from /web
            await page.goto(f"{base}/signin/{await new_link(app.svc, app.settings.staff[0])}")
            await shot("01-signin-link")
            await page.click("#enter")
            await page.wait_for_selector(f"#inc-{n}")
            await shot("02-now")
            # claim from the Now page: the chat packet is edited, the resident told
            await page.click(f"#inc-{n} button.claim")
            await page.wait_for_selector(f"#inc-{n} >> text=李社工")
            assert "李社工 已接单" in packet.text and packet.edits >= 1
            assert any("李社工" in m.text for m in wang.m.to(wang.id)[-2:])
            await page.goto(f"{base}/incident/{n}")
            await page.wait_for_selector("ol.timeline li")
            assert "接单" in await page.inner_text("ol.timeline")
            await shot("03-incident")
            # residents: search by phone tail (posted, never in the address), the resident's page
            await page.goto(f"{base}/residents")
            await page.fill("#q", "0002")
            await expect(page.locator("ul.people li")).to_have_count(1)  # (no eval: the page's CSP forbids it)
            assert "0002" not in page.url
            await shot("04-residents")
            await page.click("ul.people a")
            await page.wait_for_selector("dl")
            await shot("05-resident")
            # Excel import: preview first, then confirm
            await page.goto(f"{base}/residents/import")
            await page.set_input_files("input[type=file]", str(_xlsx(tmp_path / "ledger.xlsx")))
            await page.click("#preview")
            await page.wait_for_selector("#confirm")
            assert await app.svc.store.resident_id_by_phone("13900000077") is None
            await shot("06-import-preview")
            await page.click("#confirm")
            await page.wait_for_selector("#done")
            assert await app.svc.store.resident_id_by_phone("13900000077")
            await page.goto(f"{base}/checkins")
            await page.wait_for_selector("text=张阿姨")
            await shot("07-checkins")
            await page.goto(f"{base}/reports?period=week")
            await expect(page.locator("canvas[data-drawn]")).to_have_count(4)
            await shot("08-reports")
            # inside Telegram: the Mini App opens the incident with signed initData in the fragment
            mini = await browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
            tg = await mini.new_page()
            tg.on("console", lambda m: csp_errors.append(m.text) if "Content Security Policy" in m.text else None)
            init = sign_init_data(1002, clock.ts())
            await tg.goto(f"{base}/incident/{n}#tgWebAppData={quote(init, safe='')}&tgWebAppVersion=8.0")
            # the first Mini App sign-in imports aiogram's check (bot/desk/auth.py): ~6 s of CPU on an idle machine,
            # 17 s with the cores busy, past Playwright's 30 s default when five sessions' tests share them
            await tg.wait_for_selector("ol.timeline li", timeout=COLD_SIGNIN_MS)
            await tg.screenshot(path=str(SHOTS / "09-miniapp-incident.png"), full_page=True)
            # a resident opening the same Mini App gets nothing
            stranger = await (await browser.new_context(viewport=PHONE)).new_page()
            await stranger.goto(f"{base}/incident/{n}#tgWebAppData={quote(sign_init_data(wang.id, clock.ts()), safe='')}")
            await stranger.wait_for_selector("#signin-status:has-text('只给本居委会的社工')")  # in words, not "403"
            assert "王老伯" not in await stranger.content()
            await browser.close()
    finally:
        await server.close()
    assert csp_errors == []


NARROW = {"width": 360, "height": 740}  # a small Android phone
TAPPABLE = "button, select, input:not([type=hidden]):not([type=checkbox]), label.check, textarea, nav a, .tools a"


async def _fits_a_narrow_phone(page, name: str) -> list[str]:
    """What a thumb cannot use on this page: a button (or nav link, field) under ~44 px tall, or anything running
    off the right edge of a 360 px screen. (Read in one call into the page: Playwright's own, which the page's CSP
    does not govern.)"""
    await page.screenshot(path=str(SHOTS / f"360-{name}.png"), full_page=True)
    found = await page.evaluate("""([tappable, width]) => {
        const bad = [];
        for (const el of document.querySelectorAll(tappable)) {
            const r = el.getBoundingClientRect();
            if (r.height && r.height < 43.5) bad.push(`${(el.innerText || el.name || el.tagName).trim()} is ${Math.round(r.height)} px`);
        }
        for (const el of document.querySelectorAll("main *, nav *")) {
            const r = el.getBoundingClientRect();
            if (r.width && r.right > width + 0.5) { bad.push(`<${el.tagName}> reaches ${Math.round(r.right)} px`); break; }
        }
        if (document.documentElement.scrollWidth > width) bad.push(`the page scrolls sideways`);
        return bad;
    }""", [TAPPABLE, NARROW["width"]])
    return [f"{name}: {b}" for b in found]


async def test_a_staff_member_on_a_360_px_phone(chromium_path, app, people, clock):
    """Every page at 360 px (buttons a thumb can hit, nothing cut off), a resident the register has no phone or address
    for, a note with a line break saved untouched, a session that ran out under an open page, and a Mini App opened
    with Telegram's sign-in too old."""
    from playwright.async_api import async_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    store = app.svc.store
    await store.save_resident({"id": "r90", "name": "孙阿婆", "phone": "", "tg_id": 7090, "road": "", "lane": "",
                               "building": "", "room": "", "lives_alone": True, "birth_date": "", "contacts": [],
                               "doctor": None, "notes": ""})
    zhang = await store.resident("r1")
    await store.save_resident({**zhang, "notes": "高血压\n钥匙在隔壁302"})
    await Person(app, 7090, "孙阿婆").send("救命")
    n = (await store.open_incident_ids())[-1]
    server = TestServer(make_web_app(app.engine, BOT_TOKEN), host="127.0.0.1")
    await server.start_server()
    base = str(server.make_url("")).rstrip("/")
    try:
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=chromium_path, args=ARGS, headless=True)
            ctx = await browser.new_context(viewport=NARROW, is_mobile=True, has_touch=True, locale="zh-CN")
            page = await ctx.new_page()
            await page.goto(f"{base}/signin/{await new_link(app.svc, app.settings.staff[0])}")
            await page.click("#enter")
            await page.wait_for_selector(f"#inc-{n}")
            bad = []
            for name, path in (("now", "/"), ("incident", f"/incident/{n}"), ("residents", "/residents"),
                               ("resident", "/residents/r90"), ("edit", "/residents/r90/edit"),
                               ("checkins", "/checkins"), ("reports", "/reports"), ("import", "/residents/import")):
                await page.goto(base + path)
                bad += await _fits_a_narrow_phone(page, name)
            assert bad == [], "\n".join(bad)
            # 张阿姨's note has two lines: saving her form for another reason leaves it as it was
            await page.goto(f"{base}/residents/r1/edit")
            await page.fill("input[name=room]", "603")
            await page.fill("input[name=reason]", "换了房间")
            await page.click("button.big")
            await page.wait_for_selector("dl")
            assert (await store.resident("r1"))["notes"] == "高血压\n钥匙在隔壁302"
            # she signs in again in another tab (a new session): the first tab's tap is refused (its CSRF token is
            # the old session's), and the page comes back fresh instead of ignoring her, so a second tap works
            await page.goto(base + "/")
            other = await ctx.new_page()
            await other.goto(f"{base}/signin/{await new_link(app.svc, app.settings.staff[0])}")
            await other.click("#enter")
            await other.wait_for_selector(f"#inc-{n}")
            async with page.expect_navigation():
                await page.click(f"#inc-{n} button.claim")
            await page.click(f"#inc-{n} button.claim")
            await page.wait_for_selector(f"#inc-{n} >> text=李社工")
            assert (await store.incident(n))["claimed_by"] == "li"
            # her session runs out while the Now page stays open on the phone: a tap says to sign in again
            await app.svc.incidents.resolve(n, app.settings.staff[0], "handled")
            await Person(app, 7090, "孙阿婆").send("救命")
            n = (await store.open_incident_ids())[-1]
            await page.goto(base + "/")
            clock.advance(minutes=31)
            await page.click(f"#inc-{n} button.claim")
            await page.wait_for_selector("#signin")
            assert "重新" in await page.inner_text("#signin")
            assert (await store.incident(n))["status"] == "open"
            # the Mini App with Telegram's sign-in from long ago (a page reloaded an hour later): what to do, in words
            mini = await (await browser.new_context(viewport=NARROW, is_mobile=True)).new_page()
            old = sign_init_data(1001, clock.ts() - 3600)
            await mini.goto(f"{base}/incident/{n}#tgWebAppData={quote(old, safe='')}&tgWebAppVersion=8.0")
            await mini.wait_for_selector("#signin-status:has-text('机器人')")
            status = await mini.inner_text("#signin-status")
            assert "403" not in status and "孙阿婆" not in await mini.content()
            await browser.close()
    finally:
        await server.close()
