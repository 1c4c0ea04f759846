"""Words at 🙋 找居委会帮忙's menu ("需要帮什么忙？" [🛒 买东西] [🔧 修东西] …) that pick nothing (session 23's brief).
"听不懂" opened a 🤒 身体不舒服 request for staff ("听到您不舒服…要不要请社工来看看您？"); "等一下" reached staff as a
request ("✏️ 其他：等一下"); "什么意思", "啊?" were "这个我答不上来，不想说错" as if she had asked a question; "看不懂",
"不知道", "嗯嗯", "3" were "没太明白" and the menu was gone. Now the menu is said again, more simply, with a person one tap
away ([☎️ 请社工给我回电话]); not understood again, no third menu: only the person is offered. Nobody is paged until
she asks."""
import pytest
from test_cant_press_buttons import _says
from test_up_again_on_call import zhang_after

UNCLEAR = ["听不懂", "看不懂", "什么意思", "啊?", "不知道", "嗯嗯", "等一下", "我看不懂这个", "3"]
CALLBACK = "请社工给我回电话"


def _labels(message) -> list[str]:
    return [label for row in message.buttons for label, _ in ([row] if isinstance(row, tuple) else row)]


async def _menu(people, app):
    return await zhang_after(people, app, ["🙋 找居委会帮忙"], "需要帮什么忙")


@pytest.mark.parametrize("words", UNCLEAR)
async def test_the_menu_not_understood_is_said_again_simply_with_a_person_offered(people, app, words):
    zhang, li = await _menu(people, app)
    she, staff = await _says(zhang, li, words)
    assert staff == [], staff
    assert await app.svc.store.incident(1) is None
    assert not any(t in m.text for m in she for t in ("不舒服", "没太明白", "答不上来", "已经告诉")), [m.text for m in she]
    labels = _labels(she[-1])
    assert any("买东西" in x for x in labels) and any(CALLBACK in x for x in labels), [m.text for m in she]
    she, staff = await _says(zhang, li, words)  # again: no third menu, the person
    assert staff == [] and await app.svc.store.incident(1) is None, staff
    labels = _labels(she[-1])
    assert not any("买东西" in x for x in labels) and any(CALLBACK in x for x in labels), [m.text for m in she]
    await zhang.click(she[-1], CALLBACK)
    assert any("#1" in t for t in li.texts()), li.texts()


async def test_after_the_simpler_menu_a_press_still_picks(people, app):
    zhang, li = await _menu(people, app)
    she, _ = await _says(zhang, li, "听不懂")
    await zhang.click(she[-1], "取药")
    assert (await app.svc.store.incident(1))["category"] == "medicine"


@pytest.mark.parametrize("words, category", [("帮我取药", "medicine"), ("我腿疼", "unwell"), ("修水龙头", "repair")])
async def test_guard_words_that_pick_still_pick(people, app, words, category):
    zhang, li = await _menu(people, app)
    await _says(zhang, li, words)
    assert (await app.svc.store.incident(1))["category"] == category


async def test_guard_a_cry_at_the_menu_is_a_cry(people, app):
    zhang, li = await _menu(people, app)
    _, staff = await _says(zhang, li, "听不懂 我摔倒了")
    assert (await app.svc.store.incident(1))["kind"] == "emergency"
