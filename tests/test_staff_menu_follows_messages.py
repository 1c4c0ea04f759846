"""李社工's Telegram app is in English; nothing else says which language she reads, so her alerts and lines come in
the committee's Chinese — but her "/" command menu (/open, /duty …) came in English: Telegram picks a chat's
commands by the app's language, and each app language's were registered in that language. 王社工, configured to read
English, got a Chinese menu in a Chinese app; and a staff member whose own words made her messages English kept the
menu she had. Now her menu is in the language her messages are in, whatever her app says: the one she chose, her
config's, her words'; else the committee's."""
import asyncio

from bot.handlers.command_menus import chosen_menu, register_commands
from bot.testing.tools import Person

LI, WANG = 1001, 1002


class Menus:
    """setMyCommands as Telegram keeps it: (chat, app language code) -> the commands' descriptions."""

    def __init__(self) -> None:
        self.put_: dict = {}

    async def put(self, commands, chat, code) -> None:
        self.put_[(chat, code)] = dict(commands)

    def chinese(self, chat: int) -> set[bool]:
        """Whether /open reads Chinese, for each app language her chat has a menu for."""
        return {not menu["open"].isascii() for (c, _), menu in self.put_.items() if c == chat}


async def test_her_menu_is_in_the_committees_language_when_only_her_app_says_english(app):
    menus = Menus()
    await register_commands(app, menus.put, Exception)
    assert menus.chinese(LI) == {True}, menus.put_  # also for an app in English


async def test_a_staff_member_configured_to_read_english_gets_it_for_a_chinese_app_too(make_app, settings):
    staff = [st.model_copy(update={"language": "en"}) if st.id == "wang" else st for st in settings.staff]
    app = await make_app(settings_=settings.model_copy(update={"staff": staff}))
    menus = Menus()
    await register_commands(app, menus.put, Exception)
    assert menus.chinese(WANG) == {False}, menus.put_
    assert menus.chinese(LI) == {True}


async def test_when_her_words_turn_her_messages_english_her_menu_follows(app):
    menus = Menus()
    app.svc.chat_commands = chosen_menu(app, menus.put)
    li = Person(app, LI, "李社工", language="en")
    await li.send("who is on duty now?")
    assert li.last().text.isascii() or "duty" in li.last().text.lower(), li.last().text
    for _ in range(50):  # set beside her message, not before it
        if menus.chinese(LI) == {False}:
            break
        await asyncio.sleep(0.01)
    assert menus.chinese(LI) == {False}, menus.put_
