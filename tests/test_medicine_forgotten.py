"""王老伯 forgot his pills, or cannot remember whether he took them. Before: "没太明白" (or "早上的药忘了吃" read as a
greeting); now a short, safe answer — never two doses at once, ask the family doctor or the pharmacy, the committee's
phone — with nobody alarmed. Pills taken twice stays a 🆘; forgotten pills beside dizziness is read as feeling
unwell, as before."""
import pytest
from conftest import signed_up

FORGOT = ["我忘记吃药了", "早上的药忘了吃", "我不记得今天吃没吃药", "忘了吃药", "降压药忘记吃了", "我今天忘吃药了",
          "I forgot to take my pills", "I forgot my medicine"]


@pytest.mark.parametrize("words", FORGOT)
async def test_forgotten_pills_get_a_safe_answer_and_bother_nobody(people, app, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send(words)
    said = "\n".join(wang.texts())
    assert ("两次" in said and "家庭医生" in said) or ("twice" in said and "family doctor" in said), said
    assert "021-64370000" in said
    assert "没太明白" not in said and "didn't quite" not in said.lower()
    assert not [t for t in people("李社工").texts() if "#1" in t]


async def test_pills_taken_twice_is_still_an_emergency(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("药吃多了 吃了两次")
    assert "紧急求助 #1" in people("李社工").last("#1").text


async def test_forgotten_pills_and_dizzy_is_feeling_unwell(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("我忘记吃药了 现在头很晕")
    assert "#1" in people("李社工").last("#1").text
