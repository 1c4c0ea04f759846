"""李社工's Telegram app is in English; she reads Chinese and chose it with "/lang 中文" — her alerts came in Chinese
from then on, but her command menu (the "/" button: /open, /duty …) stayed English: Telegram picks a chat's commands
by the app's language, and only that was registered. Now choosing a language with /lang registers her chat's
commands in it, for every app language (through the real client libraries, against the local Bot API server)."""
import asyncio


def _menu(api, chat: int, code: str) -> list[dict]:
    return api.my_commands.get((f"chat:{chat}", code)) or []


async def _until(check, seconds: float = 5.0) -> bool:
    for _ in range(int(seconds / 0.05)):
        if check():
            return True
        await asyncio.sleep(0.05)
    return check()


def _described(commands: list[dict], chinese: bool) -> bool:
    open_ = next((c["description"] for c in commands if c["command"] == "open"), "")
    return bool(open_) and open_.isascii() != chinese


async def test_staff_who_chooses_chinese_gets_her_command_menu_in_chinese_whatever_her_app_says(telegram):
    api, li = telegram.api, telegram.user("李社工")
    # registered at start in the language her messages are in: the committee's, for an English app too
    assert await _until(lambda: _described(_menu(api, li.id, "en"), chinese=True)), _menu(api, li.id, "en")
    await li.send_command("/lang", "en")
    await telegram.said(li, "Language set to English")
    assert await _until(lambda: _described(_menu(api, li.id, "en"), chinese=False)), _menu(api, li.id, "en")
    await li.send_command("/lang", "中文")
    await telegram.said(li, "已切换为中文")
    assert await _until(lambda: _described(_menu(api, li.id, "en"), chinese=True)), _menu(api, li.id, "en")
    assert _described(_menu(api, li.id, ""), chinese=True), _menu(api, li.id, "")


async def test_staff_who_chooses_english_gets_it_in_english_for_a_chinese_app_too(telegram):
    api, li = telegram.api, telegram.user("李社工")
    assert await _until(lambda: _described(_menu(api, li.id, ""), chinese=True))
    await li.send_command("/lang", "en")
    await telegram.said(li, "Language set to English")
    assert await _until(lambda: _described(_menu(api, li.id, ""), chinese=False)), _menu(api, li.id, "")
    assert _described(_menu(api, li.id, "en"), chinese=False)
