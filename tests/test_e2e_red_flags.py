"""Understanding v2 through the bot: a flag only talked about does not alert; an uncertain text is asked about."""
import pytest

from conftest import signed_up
from bot.testing.tools import Person
from nlu import NLU


class _Unsure:
    """A model that leans towards emergency without being sure, whatever the text."""

    def rank(self, text):
        return [("greet", 0.55), ("emergency", 0.35), ("thank", 0.1)]


@pytest.mark.parametrize("words", ["新闻里说有个老人摔倒了没人扶", "叫救护车要不要钱", "我年轻时候摔过一跤，现在腿脚还行",
                                   "这天热死人了，煤气灶都不想开"])
async def test_a_flag_only_talked_about_does_not_alert(people, app, words):
    zhang, li = await signed_up(people("张阿姨"), "13900000001"), people("李社工")
    await zhang.send(words)
    assert not [m for m in li.inbox if "紧急求助" in m.text]
    assert await app.svc.store.open_incident_ids() == []
    assert not [m for m in zhang.inbox if "您需要马上有人来吗" in m.text]


async def test_an_uncertain_text_gets_the_one_tap_question(make_app):
    app = await make_app(nlu=NLU(_Unsure()))
    zhang = await signed_up(Person(app, 7001, "张阿姨"), "13900000001")
    await zhang.send("我这里不太对劲")
    ask = zhang.last("您需要马上有人来吗")
    assert [b[0] for b in ask.buttons] == ["🆘 是，马上来", "🙂 不用，我没事"]


async def test_staff_see_the_triggering_words_and_a_played_down_wound_still_alerts(people, app):
    zhang, li = await signed_up(people("张阿姨"), "13900000001"), people("李社工")
    await zhang.send("没事没事，就是切菜割了个大口子，血止不住，毛巾都红了")
    alert = li.last("紧急求助 #1")
    assert "⚠️ 危险信号：血止不住、毛巾都红" in alert.text


async def test_a_bare_cry_or_harmless_words_carry_no_danger_line(people, app):
    zhang, li = await signed_up(people("张阿姨"), "13900000001"), people("李社工")
    await zhang.send("🆘 紧急求助")
    assert "危险信号" not in li.last("紧急求助 #1").text
