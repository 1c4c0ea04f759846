"""A resident's long voice-typed message, with the right door number said in its middle (the real case: the wrong
door was in the words): the desk's call page showed only the packet, whose words are cut to 300 characters, so the
door could not be read there at all. Now the page shows all of what the packet had to cut short. Run in Debian's
Chromium through Playwright, at phone size, as the other desk tests are."""
from __future__ import annotations

from aiohttp.test_utils import TestServer
from conftest import signed_up
from test_desk_browser import ARGS, PHONE, chromium_path  # noqa: F401  (the fixture: skipped where no Chromium)

from bot.desk import make_web_app
from bot.desk.auth import new_link
from bot.testing.desk import BOT_TOKEN

CHATTER = ("我儿子在外地工作很忙，平时不大回来，女儿也嫁到苏州去了，我老伴走了好几年了，我一个人住在这里，"
           "楼下的邻居对我蛮好的，有时候会帮我买点菜，") * 3
DOOR = "你们登记的门牌不对，我家其实是5号楼203室不是302"
WORDS = "救命 我在卫生间摔倒了起不来，" + CHATTER + DOOR + "，" + CHATTER + "快点来"


async def test_the_call_page_shows_all_of_a_long_message(chromium_path, app, people):  # noqa: F811
    from playwright.async_api import async_playwright

    await (await signed_up(people("张阿姨"), "13900000001")).send(WORDS)
    n = (await app.svc.store.open_incident_ids())[-1]
    assert DOOR not in people("李社工").last(f"#{n}").text  # the packet cuts its middle: the page must not
    server = TestServer(make_web_app(app.engine, BOT_TOKEN), host="127.0.0.1")
    await server.start_server()
    base = str(server.make_url("")).rstrip("/")
    try:
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=chromium_path, args=ARGS, headless=True)
            page = await (await browser.new_context(viewport=PHONE, is_mobile=True, locale="zh-CN")).new_page()
            await page.goto(f"{base}/signin/{await new_link(app.svc, app.settings.staff[0])}")
            await page.click("#enter")
            await page.wait_for_selector(f"#inc-{n}")
            await page.goto(f"{base}/incident/{n}")
            await page.wait_for_selector("ol.timeline li")
            shown = await page.inner_text("main")
            await browser.close()
    finally:
        await server.close()
    assert DOOR in shown, shown
    assert "快点来" in shown
