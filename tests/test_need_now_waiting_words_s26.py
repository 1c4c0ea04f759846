"""Asked "您需要马上有人来吗？" after "我不行了", she typed "还没人来吗" (or "怎么还没人来", "人呢"): read as no answer at all
— staff read "又说", she was asked the same question again, and her address was never read back. Someone asking where
help is needs someone: it is a yes (probe, session 26)."""
import pytest
from conftest import TUESDAY_9, at, enrolled


@pytest.mark.parametrize("words", ["还没人来吗", "怎么还没人来", "人呢", "有人来吗", "等了好久了", "nobody has come yet"])
async def test_asking_where_help_is_answers_yes_and_reads_her_address_back(people, app, clock, words):
    zhang, _ = await enrolled(people, app)
    await at(app, clock, TUESDAY_9)
    await zhang.send("我不行了")
    assert "需要马上有人来吗" in zhang.last().text or "someone to come" in zhang.last().text
    await zhang.send(words)
    said = "\n".join(zhang.texts()[-2:])
    assert "建新路27弄3号602室" in said, said
