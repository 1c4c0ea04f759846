"""A "no" that says more (probe, session 26): to "您需要马上有人来吗？", "不要告诉我女儿" was read as "nobody need come" —
the call marked a possible false alarm, and staff never read her words; to the address read back, it was a "❌ 不对"
and her words were lost the same way. Now words that ask not to tell someone are her words for staff and the question
again; a no with more in it ("不用来了 门没锁 钥匙在地垫下面") is still a no, and staff read all of it."""
import pytest
from conftest import enrolled


async def _need_asked(people, app):
    zhang, _ = await enrolled(people, app)
    await zhang.send("我摔倒了")
    assert "需要马上" in zhang.last().text
    return zhang, people("李社工")


@pytest.mark.parametrize("words", ["不要告诉我女儿", "别通知我儿子"])
async def test_dont_tell_my_family_is_no_no_need(people, app, words):
    zhang, li = await _need_asked(people, app)
    before = len(li.inbox)
    await zhang.send(words)
    assert any(words in m.text for m in li.inbox[before:]), [m.text for m in li.inbox[before:]]
    assert "可能是误报" not in li.last("紧急求助 #1").text
    assert "需要马上" in zhang.last().text, zhang.last().text


async def test_a_no_with_more_words_reaches_staff_whole(people, app):
    zhang, li = await _need_asked(people, app)
    before = len(li.inbox)
    await zhang.send("不用来了 门没锁 钥匙在地垫下面")
    assert any("钥匙在地垫下面" in m.text for m in li.inbox[before:]), [m.text for m in li.inbox[before:]]


async def test_dont_tell_my_family_at_the_read_back_reaches_staff(people, app):
    zhang, _ = await enrolled(people, app)
    li = people("李社工")
    await zhang.send("🆘 紧急求助")
    before = len(li.inbox)
    await zhang.send("不要告诉我女儿")
    assert any("不要告诉我女儿" in m.text for m in li.inbox[before:]), [m.text for m in li.inbox[before:]]
    assert "请确认您现在的地址" in zhang.last().text, zhang.last().text


async def test_guard_a_plain_no_is_still_a_no_and_rings_nobody(people, app):
    zhang, li = await _need_asked(people, app)
    before = len(li.inbox)
    await zhang.send("不用了")
    assert "可能是误报" in li.last("紧急求助 #1").text
    assert not [m for m in li.inbox[before:] if "又说" in m.text]
