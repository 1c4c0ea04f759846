"""A two-person shift: 李社工 and 王社工 are both on duty. 李社工 says "我今天请假" and 陈书记 takes it. Before, the next
🆘 reached 陈书记 alone: the cover replaced BOTH on-duty staff, so 王社工 — who never asked to leave — heard nothing
until the escalation minutes later. Only the one leaving is replaced."""
import pytest
from conftest import signed_up


@pytest.fixture
def settings(settings):
    roster = [sh.model_copy(update={"staff": ["li", "wang"]}) if "li" in sh.staff and "mon" in sh.days
              and sh.from_ == "08:00" else sh for sh in settings.roster]
    return settings.model_copy(update={"roster": roster})


async def test_a_cover_replaces_only_the_one_on_leave_not_her_shift_partner(people, app):
    li, wa, chen = people("李社工"), people("王社工"), people("陈书记")
    await wa.send("🕒 值班")
    assert wa.last("现在值班").text.splitlines()[0] == "🕒 现在值班：李社工、王社工"
    await li.send("我今天请假")
    await chen.click(chen.last("谁来接班"), "我来值班")
    assert "陈书记" in li.last("接班了").text
    assert not any(t.startswith("🕒 陈书记接班了") for t in wa.texts())  # her duty did not change: not told it did

    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("🆘 紧急求助")
    assert "紧急求助 #1" in chen.last("紧急求助").text
    assert "紧急求助 #1" in wa.last("紧急求助").text  # her partner still hears it at once
    assert not any("紧急求助 #1" in t for t in li.texts())  # she is on leave
    await wa.send("🕒 值班")
    view = wa.last("现在值班").text.splitlines()
    assert set(view[0].split("：")[1].split("、")) == {"陈书记", "王社工"}
    assert "请假" in view[1] and "李社工" in view[1]  # nobody counts on her today
    assert "先发给陈书记" not in wa.last("替李社工").text  # her own alerts did not stop


async def test_handing_back_the_cover_leaves_the_partner_on_duty_not_the_one_on_leave(people, app):
    li, wa, chen = people("李社工"), people("王社工"), people("陈书记")
    await li.send("我今天请假")
    await chen.click(chen.last("谁来接班"), "我来值班")
    await chen.send("🕒 值班")
    await chen.click(chen.last("现在值班"), "交还值班")
    said = chen.inbox[-1].text
    assert "李社工" in said and "请假" in said and "现在值班：王社工" in said, said

    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("🆘 紧急求助")
    assert "紧急求助 #1" in wa.last("紧急求助").text
    assert not any("紧急求助 #1" in t for t in li.texts() + chen.texts())
