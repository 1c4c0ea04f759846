"""Each staff member reads alerts in her own language (bot/staff_langs.py) — also the fallback's, sent while Redis is
away. Before (session 20 probe): 李社工, whose Telegram is in English and who reads every packet in English, got the
outage alert in Chinese only ("⚠️ 系统故障，未能记录！王老伯 发来求助…") at the moment it mattered most; now hers is in
English, 王社工's in Chinese, the resident's words as said."""
from conftest import signed_up
from test_outage_journal import own_redis  # noqa: F401  (a fixture)

from bot.testing.tools import Person


async def test_a_cry_while_redis_is_away_reaches_each_staff_member_in_her_own_language(make_app, own_redis):
    app = await make_app(redis_url=own_redis.url)
    li = Person(app, 1001, "李社工", language="en")
    await li.send("/start")
    await li.click(li.inbox[-1], "English")  # asked which she reads: her profile alone no longer decides
    wang = await signed_up(Person(app, 5001, "王老伯"), "13900000002")
    own_redis.stop()
    await wang.send("救命 我摔倒了")
    hers, his = li.last("救命 我摔倒了").text, Person(app, 1002).last("救命 我摔倒了").text
    assert "System fault" in hers and "系统故障" not in hers and "王老伯" in hers, hers
    assert "系统故障" in his, his
    await wang.send("救命")  # a repeat a moment later: one short line, hers in English too
    assert "System fault" in li.last("救命").text and "系统故障" in Person(app, 1002).last("救命").text
