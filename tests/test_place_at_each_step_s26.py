"""Where she is, said at each step of her call (probe, session 26) — staff's phone must ring with a place that is not
the register's (⚠️⚠️ 不一样), and words that are no place must not ring it as one:

- at the read-back (🆘, "请确认您现在的地址"), "在菜场", "我在女儿家", "I am at the market" only edited the packet:
  no message, so no phone rang (the same words to "您需要马上有人来吗？" did ring);
- after her ✅ 对, a bare "我在女儿家" / "在菜场" read "好的，您没事就好" and the packet kept "✅ 居民已确认地址";
- a cry with a place after ✅ 对, or to "您需要马上有人来吗？" ("我在女儿家摔倒了"), reached staff only as a repeat
  cry: the packet kept the register's address (confirmed, or waiting) and the place was lost;
- asked where she is (after ❌ 不对), "好的", "谢谢" rang staff with "⚠️⚠️ 说的地址和登记的不一样！原话：“好的”", and
  "不用了" was taken for a place too."""
import pytest
from conftest import enrolled

DIFFERS = "不一样"


async def _sos(people, app):
    zhang, _ = await enrolled(people, app)
    await zhang.send("🆘 紧急求助")
    assert "请确认您现在的地址" in zhang.last().text
    return zhang, people("李社工")


def _new(li, before):
    return [m.text for m in li.inbox[before:]]


@pytest.mark.parametrize("words", ["在菜场", "我在女儿家", "I am at the market"])
async def test_a_place_at_the_read_back_rings_staff(people, app, words):
    zhang, li = await _sos(people, app)
    before = len(li.inbox)
    await zhang.send(words)
    assert any(DIFFERS in t and words in t for t in _new(li, before)), _new(li, before)
    assert "确认地址" in zhang.last().text or "地址告诉社工" in zhang.last().text, zhang.last().text


@pytest.mark.parametrize("words", ["在卫生间", "我在床上", "在家里"])
async def test_guard_a_room_of_her_home_at_the_read_back_is_a_yes(people, app, words):
    zhang, li = await _sos(people, app)
    before = len(li.inbox)
    await zhang.send(words)
    assert not any(DIFFERS in t for t in _new(li, before)), _new(li, before)


@pytest.mark.parametrize("words", ["我在女儿家", "在菜场", "I am at the market"])
async def test_a_bare_place_after_her_yes_takes_the_confirmation_off(people, app, words):
    zhang, li = await _sos(people, app)
    await zhang.click(zhang.last(), "对")
    before = len(li.inbox)
    await zhang.send(words)
    assert any(DIFFERS in t and words in t for t in _new(li, before)), _new(li, before)
    assert "没事就好" not in zhang.last().text, zhang.last().text
    assert "✅ 居民已确认地址" not in li.last("紧急求助 #1").text


@pytest.mark.parametrize("words", ["我在门口", "我在卫生间", "我在里面", "我在屋里头", "我在这里"])
async def test_guard_her_own_door_after_her_yes_keeps_it(people, app, words):
    zhang, li = await _sos(people, app)
    await zhang.click(zhang.last(), "对")
    await zhang.send(words)
    assert "✅ 居民已确认地址" in li.last("紧急求助 #1").text


@pytest.mark.parametrize("when", ["after_yes", "need_now"])
async def test_a_cry_with_a_place_after_yes_or_to_need_now_rings_the_place(people, app, when):
    zhang, _ = await enrolled(people, app)
    li = people("李社工")
    if when == "after_yes":
        await zhang.send("🆘 紧急求助")
        await zhang.click(zhang.last(), "对")
    else:
        await zhang.send("我摔倒了")
        assert "需要马上" in zhang.last().text
    before = len(li.inbox)
    await zhang.send("我在女儿家摔倒了")
    new = _new(li, before)
    assert any("又发来求助" in t for t in new), new
    assert any(DIFFERS in t and "女儿家" in t for t in new), new
    packet = li.last("紧急求助 #1").text
    assert "✅ 居民已确认地址" not in packet and "正在请居民确认地址" not in packet, packet


@pytest.mark.parametrize("words", ["好的", "谢谢"])
async def test_an_ok_when_asked_where_is_no_place(people, app, words):
    zhang, li = await _sos(people, app)
    await zhang.click(zhang.last(), "不对")
    before = len(li.inbox)
    await zhang.send(words)
    assert not any(DIFFERS in t for t in _new(li, before)), _new(li, before)
    assert "在哪里" in zhang.last().text, zhang.last().text
    await zhang.send("在菜场")  # her answer next is still where she is
    assert any(DIFFERS in t and "在菜场" in t for t in _new(li, before)), _new(li, before)


async def test_no_need_when_asked_where_is_no_place(people, app):
    zhang, li = await _sos(people, app)
    await zhang.click(zhang.last(), "不对")
    before = len(li.inbox)
    await zhang.send("不用了")
    assert not any(DIFFERS in t for t in _new(li, before)), _new(li, before)
    assert "社工还是会联系您" in zhang.last().text, zhang.last().text
    inc = await app.svc.store.incident(1)
    assert inc["kind"] == "emergency" and inc["status"] == "open"


@pytest.mark.parametrize("words", ["我在女儿家摔倒了", "在菜场摔倒了 起不来"])
async def test_a_place_in_the_first_cry_is_where_she_is_not_the_register(people, app, words):
    """Her first words "我在女儿家摔倒了": the packet read "⏳ 正在请居民确认地址" beside the register's door, and after
    "要" she was asked to confirm her home address — where she said she was not."""
    zhang, _ = await enrolled(people, app)
    li = people("李社工")
    await zhang.send(words)
    packet = li.last("紧急求助 #1").text
    assert "正在请居民确认地址" not in packet and "⚠️⚠️" in packet, packet
    await zhang.send("要")
    assert "请确认您现在的地址" not in zhang.last().text, zhang.last().text


async def test_guard_a_room_of_her_home_in_the_first_cry_still_reads_the_register_back(people, app):
    zhang, _ = await enrolled(people, app)
    await zhang.send("我在卫生间摔倒了")
    await zhang.send("要")
    assert "请确认您现在的地址" in zhang.last().text


async def test_an_ok_after_the_place_was_asked_again_rings_nobody_twice(people, app):
    """"在菜场" (asked "能说得再具体一点吗？"), then "好的": staff rang again with "在菜场；好的"."""
    zhang, li = await _sos(people, app)
    await zhang.click(zhang.last(), "不对")
    await zhang.send("在菜场")
    before = len(li.inbox)
    await zhang.send("好的")
    assert not any(DIFFERS in t for t in _new(li, before)), _new(li, before)
    assert "社工" in zhang.last().text and "具体" not in zhang.last().text, zhang.last().text


@pytest.mark.parametrize("words", ["no", "好的"])
async def test_no_place_twice_is_left_to_a_phone_call(people, app, words):
    zhang, li = await _sos(people, app)
    await zhang.click(zhang.last(), "不对")
    await zhang.send(words)
    before = len(li.inbox)
    await zhang.send(words)
    assert not any(DIFFERS in t for t in _new(li, before)), _new(li, before)
    assert "电话" in zhang.last().text, zhang.last().text
