"""Check-in answers she read "没太明白" to (session 24 probe): "在女儿家" (safe with family), "能吃能睡",
"吃得下睡得着" (well) were counted as her answer but told she was not understood — at 82 she may think the check-in
failed and try again, or give up. And "昨天发烧今天好了" (a fever at 82, over now) told staff nothing. Now the fine ones
read the check-in's thanks, the fever reaches staff as unwell."""
import pytest
from conftest import TUESDAY_9, at, enrolled


async def _answers(people, app, clock, words):
    zhang, rid = await enrolled(people, app)
    await at(app, clock, TUESDAY_9)
    n = len(zhang.texts())
    await zhang.send(words)
    return "\n".join(zhang.texts()[n:]), (await app.svc.checkins.state(rid)).answer, people("李社工")


@pytest.mark.parametrize("words", ["在女儿家", "今天在女儿那里", "能吃能睡", "吃得下睡得着", "我能吃能睡的"])
async def test_safe_and_well_reads_the_checkins_thanks_not_not_understood(people, app, clock, words):
    told, answer, li = await _answers(people, app, clock, words)
    assert "没太明白" not in told and "放心" in told, told
    assert answer == "ok" and li.texts() == []


@pytest.mark.parametrize("words", ["昨天发烧今天好了", "前天发烧了 现在退了", "这两天拉肚子 今天好点了"])
async def test_an_illness_just_over_reaches_staff(people, app, clock, words):
    told, answer, li = await _answers(people, app, clock, words)
    assert "没太明白" not in told, told
    assert answer == "unwell" and any(words in t for t in li.texts() if "求助 #1" in t), li.texts()
