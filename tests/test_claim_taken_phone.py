"""王社工 taps 🙋 我来处理 on 王老伯's call a moment after 李社工 did. She read "#1 已由 李社工 接手。" and nothing more:
to offer help or to hear whether anyone else is needed she had to look up her colleague's number. Now the line
carries 李社工's phone, one tap to ring."""
from test_staff_words_more import held


async def test_claiming_a_call_a_colleague_just_claimed_gives_her_phone(people, app):
    wang, li = await held(people)
    wa = people("王社工")
    await wa.press_data(0, "inc:claim:1")
    told = wa.inbox[-1].text
    assert "李社工" in told and "13800000001" in told, told
    assert (await app.svc.store.incident(1))["claimed_by"] == "li"
