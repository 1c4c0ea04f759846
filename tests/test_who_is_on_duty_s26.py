""""今天谁值班" (or "今天哪个社工值班") read "没太明白您的意思" — the bot knows the roster (probe, session 26). Now she reads
who is on duty now, by name, and that 🆘 reaches them at once; no phone of theirs is given (the committee's is)."""
import pytest
from conftest import TUESDAY_9, at, enrolled


@pytest.mark.parametrize("words", ["今天谁值班", "今天哪个社工值班", "现在谁在值班啊", "who is on duty today"])
async def test_she_is_told_who_is_on_duty(people, app, clock, words):
    zhang, _ = await enrolled(people, app)
    await at(app, clock, TUESDAY_9.replace(hour=11))
    await zhang.send(words)
    reply = zhang.last().text
    assert "李社工" in reply and "021-64370000" in reply, reply
    assert "13800000001" not in reply, reply  # her own phone is hers to give
    assert people("李社工").texts() == []
