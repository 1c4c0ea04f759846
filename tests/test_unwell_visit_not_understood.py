"""Not understanding "听到您不舒服…要不要请社工来看看您？" (session 22's probe): "你说什么", "什么", "看不懂" were answered
"好的，已经转告正在处理您求助的社工" and the question was gone — nobody knew whether she wanted the visit; "听不懂", "啥意思",
"我眼睛不好" were read as being unwell again: "听到您不舒服…要不要…" the same question once more, as often as she said it.
Now she reads it once, simpler, with what to type (要 / 不用) beside the buttons; not understood twice, someone comes
(unsure means yes, as to "您需要马上有人来吗？")."""
import pytest
from conftest import signed_up

CONFUSED = ["你说什么", "什么", "看不懂", "听不懂", "啥意思", "我眼睛不好"]


async def _asked(people):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("我有点不舒服")
    assert "要不要请社工来看看您" in wang.last().text
    return wang


async def _says(wang, words):
    seen = len(wang.inbox)
    await wang.send(words)
    return wang.inbox[seen:]


@pytest.mark.parametrize("words", CONFUSED)
async def test_not_understood_asks_once_more_simpler(people, app, words):
    wang = await _asked(people)
    she = await _says(wang, words)
    assert len(she) == 1 and "简单" in she[0].text and "打：要" in she[0].text, [m.text for m in she]
    assert she[0].buttons and "已经转告" not in she[0].text
    she = await _says(wang, "要")
    assert "已请社工来看您" in she[-1].text, [m.text for m in she]


async def test_twice_not_understood_someone_comes_no_loop(people, app):
    wang = await _asked(people)
    await _says(wang, "你说什么")
    she = await _says(wang, "听不懂")
    assert "已请社工来看您" in she[-1].text and not any("打：要" in m.text for m in she), [m.text for m in she]
    assert (await app.svc.store.incident(1))["detail"] == "居民希望有人上门看看"  # what staff read on the packet


@pytest.mark.parametrize("words", ["等一下", "稍等"])
async def test_wait_keeps_the_question_once_then_someone_comes(people, app, words):
    """"等一下" to it reached staff ("📝 又说：等一下") and the question was gone, as often as she said it."""
    wang = await _asked(people)
    she = await _says(wang, words)
    assert "要不要社工来看看您" in she[-1].text and she[-1].buttons, [m.text for m in she]
    assert not any("已经转告" in m.text for m in she), [m.text for m in she]
    she = await _says(wang, words)
    assert "已请社工来看您" in she[-1].text, [m.text for m in she]
