"""A family doctor's or a daughter's own visit, planned ("我明天上门给张阿姨量血压", "我明天去看我爸"), was read as a
need: the doctor read "如果张阿姨现在很不舒服，请马上拨打120" and staff got a 🤒 call to claim; the daughter read that
staff would go to see her father too. A visit of their own is information: staff read it as a note on the resident
(no call, nobody sent), the teller reads a short thanks."""
import pytest
from conftest import signed_up


def notes(person) -> list[str]:
    return [t for t in person.texts() if t.startswith("📝")]


@pytest.mark.parametrize("words", ["我明天上门给张阿姨量血压", "下午我去张阿姨家给她量个血压"])
async def test_a_doctors_visit_planned_is_a_note_for_staff_and_a_thanks_for_her(people, app, words):
    zhao = await signed_up(people("赵医生"), "13922220001")
    await zhao.send(words)
    told = zhao.last().text
    assert "谢谢" in told and "120" not in told and "哪一位" not in told
    li = people("李社工")
    note = li.last(words).text
    assert "张阿姨" in note and "赵医生" in note and "不用处理" in note
    assert not any("求助 #" in t for t in li.texts())
    assert await app.svc.store.open_incident_ids() == []


@pytest.mark.parametrize("words", ["我明天去看我爸", "我周末回来看我爸", "我下午过去陪陪他", "明天我去看我爸，谢谢"])
async def test_a_daughters_visit_planned_sends_nobody(people, app, words):
    wangli = await signed_up(people("王丽"), "13911110002")
    await wangli.send(words)
    told = wangli.last().text
    assert "谢谢" in told and "也会去看" not in told
    note = people("李社工").last(words).text
    assert "王老伯" in note and "王丽" in note and "不用处理" in note
    assert await app.svc.store.open_incident_ids() == []


@pytest.mark.parametrize("words", ["我明天去不了 能帮我去看看我爸吗", "我明天去看我爸，你们今天能先去看看吗",
                                   "我马上过去 我爸摔倒了起不来", "我明天去看我爸 他最近老咳嗽"])
async def test_a_plan_beside_a_need_or_a_danger_still_reaches_staff_as_one(people, app, words):
    """Guard: her plan beside a need or a danger is no note."""
    wangli = await signed_up(people("王丽"), "13911110002")
    await wangli.send(words)
    assert any("求助 #1" in t for t in people("李社工").texts())
    assert "不用处理" not in people("李社工").last().text


async def test_news_beside_a_visit_is_never_filed_as_a_note(people, app):
    """Guard: "…他腿肿了走不动" after her visit is no plan to note (how it is read otherwise is not this module's)."""
    wangli = await signed_up(people("王丽"), "13911110002")
    await wangli.send("我今天去看了我爸 他腿肿了走不动")
    assert not any("不用处理" in t for t in people("李社工").texts())
    assert not any("谢谢您告诉我们" in t for t in wangli.texts())
