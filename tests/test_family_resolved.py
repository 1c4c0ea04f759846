"""A daughter who called for help about her father, or was alerted when nobody claimed his call, heard nothing when
staff closed it: she was left to phone round. Now the family contacts who were told of the call hear one short
line when it is resolved (who closed it, how, the committee's phone) — and nobody's personal data; a contact never
told of the call hears nothing."""
from conftest import signed_up

CLOSED = "王老伯的求助已处理完毕"


async def resolved_by_li(li, title: str = "紧急求助 #1", outcome: str = "已处理"):
    await li.click(li.last(title), "我来处理")
    await li.click(li.last(title), "已解决")
    await li.click(li.last("结果是"), outcome)


def private_data_in(text: str) -> list[str]:
    return [d for d in ("13900000002", "建新路", "耳背", "13911110002", "13922220001") if d in text]


async def test_the_daughter_who_called_hears_when_her_fathers_call_is_closed(people, app):
    wangli = await signed_up(people("王丽"), "13911110002")
    sister = await signed_up(people("王秀英"), "13911110012")  # his contact too, never told of this call
    zhangming = await signed_up(people("张明"), "13911110001")  # another family's contact
    await wangli.send("我爸爸摔倒了起不来")
    await resolved_by_li(people("李社工"), outcome="送医")
    line = wangli.last(CLOSED).text
    assert "送医" in line and "李社工" in line and "021-64370000" in line
    assert private_data_in(line) == []
    assert not any(CLOSED in t or "已解决" in t for t in sister.texts() + zhangming.texts())


async def test_family_alerted_by_escalation_hear_the_close_in_family_words(people, app, clock):
    wangli = await signed_up(people("王丽"), "13911110002")
    doctor = await signed_up(people("赵医生"), "13922220001")
    zhangming = await signed_up(people("张明"), "13911110001")
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    clock.advance(minutes=8.1)
    await app.engine.tick()
    await app.engine.tick()
    assert any("您的家人发出求助" in t for t in wangli.texts())
    await resolved_by_li(people("李社工"))
    for person in (wangli, doctor):
        line = person.last(CLOSED).text
        assert "李社工" in line and "021-64370000" in line and private_data_in(line) == []
        assert sum(CLOSED in t or "谢谢大家" in t for t in person.texts()) == 1  # one line, not the staff's as well
    assert not any(CLOSED in t for t in zhangming.texts())


async def test_a_request_she_made_is_closed_to_her_too(people, app):
    wangli = await signed_up(people("王丽"), "13911110002")
    await wangli.send("能帮我去看看我爸吗")
    await resolved_by_li(people("李社工"), "求助 #1")
    assert "李社工" in wangli.last(CLOSED).text


async def test_a_daughter_who_calls_on_his_open_call_hears_when_it_is_closed(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    wangli = await signed_up(people("王丽"), "13911110002")
    await wangli.send("我爸摔倒了起不来")  # the same call: staff reminded
    assert await app.svc.store.open_incident_ids() == [1]
    await resolved_by_li(people("李社工"))
    assert "李社工" in wangli.last(CLOSED).text
