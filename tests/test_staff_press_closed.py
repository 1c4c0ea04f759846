"""A staff member presses an old button of a call that is over: a claim from the digest of a call joined meanwhile to
the same resident's other call answered "#2 已经解决了" — and nobody went, though the resident's call #1 was still
waiting. Now a joined call's button says which call it joined and offers that call's buttons; a call truly closed
says who closed it and how."""
from test_named_call_joins import doctor_names
from test_staff_words_more import held


def datas(seen) -> list[str]:
    return [d for _, d in seen.buttons]


async def test_claiming_a_call_joined_to_another_points_to_the_open_one(people, app):
    await doctor_names(people, app, "🆘 紧急求助")
    wa = people("王社工")
    await wa.press_data(0, "inc:claim:2")  # an old digest's claim button
    told = wa.inbox[-1]
    assert "#1" in told.text and "已经解决" not in told.text
    assert "inc:claim:1" in datas(told)
    await wa.click(told, "我来处理")
    assert (await app.svc.store.incident(1))["claimed_by"] == "wang"


async def test_claiming_a_closed_call_says_who_closed_it_and_how(people, app):
    wang, li = await held(people)
    wa = people("王社工")
    await li.click(li.last("紧急求助 #1"), "已解决")
    await li.click(li.last("结果是"), "送医")
    await wa.press_data(0, "inc:claim:1")
    told = wa.inbox[-1].text
    assert "#1" in told and "李社工" in told and "送医" in told
