"""Someone not signed up who cannot find or press the "📱 发送我的手机号" button (session 21's probe): "我不会按" after
/start read the same welcome again, word for word — a dead end at the very first step. Now she reads where the button
is in plain words (and how to bring it back when the keyboard hides it), staff are told she needs help signing up (✍️
回答 reaches her in this chat), and the committee phone is there; the button comes with it."""
import pytest

CANNOT = ["我不会按", "按钮在哪里", "找不到按钮", "我按不了", "怎么发手机号", "不会弄", "I can't find the button"]


@pytest.mark.parametrize("words", CANNOT)
async def test_she_reads_where_the_button_is_and_staff_hear(people, app, words):
    sun, li = people("孙阿婆"), people("李社工")
    await sun.send("/start")
    welcome = sun.last().text
    await sun.send(words)
    said = " ".join(sun.texts()[-2:])
    assert sun.last().text != welcome, said
    assert "最下面" in said or "bottom" in said, said
    assert "021-64370000" in said
    assert sun.last().request == "contact"
    told = li.last("孙阿婆").text
    assert words in told
    assert await app.svc.store.resident_by_tg(sun.id) is None


async def test_asking_again_tells_her_again_but_staff_only_once(people, app):
    sun, li = people("孙阿婆"), people("李社工")
    for _ in range(3):
        await sun.send("我不会按")
    assert "最下面" in sun.last().text or "最下面" in sun.texts()[-2]
    assert sum("孙阿婆" in t for t in li.texts()) == 1


@pytest.mark.parametrize("words", ["我不会按 我摔倒了起不来", "救命 我不会弄"])
async def test_guard_a_cry_with_it_is_still_a_cry(people, app, words):
    sun, li = people("孙阿婆"), people("李社工")
    await sun.send(words)
    assert any("紧急求助" in t for t in li.texts())
