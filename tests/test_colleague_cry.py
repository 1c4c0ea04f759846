"""A staff member who types 救命 (fallen on a visit, threatened at a door) was told "请用下面的按钮": staff were
never read for a cry. Now their colleagues and the head hear it at once, and they get 120 and 110."""
from conftest import signed_up


async def test_a_staff_members_cry_reaches_her_colleagues_and_the_head_at_once(people, app):
    li, wa, chen = people("李社工"), people("王社工"), people("陈书记")
    await li.send("救命 我在5号楼楼梯摔倒了起不来")
    for colleague in (wa, chen):
        alert = colleague.last("李社工")
        assert "我在5号楼楼梯摔倒了起不来" in alert.text and "🆘" in alert.text
    told = li.last().text
    assert "120" in told and "已通知" in told and "请用下面的按钮" not in told


async def test_a_staff_members_ordinary_words_still_get_the_menu_hint(people, app):
    li = people("李社工")
    await li.send("今天天气不错")
    assert "请用下面的按钮" in li.last().text
    assert people("王社工").texts() == []


async def test_a_staff_members_cry_when_no_colleague_can_be_reached_tells_her_to_phone(people, app):
    li = people("李社工")
    app.svc.outbox.messenger.blocked.update((1002, 1003))  # 王社工 and 陈书记 blocked the bot
    await li.send("救命")
    told = li.last().text
    assert "120" in told and "已通知" not in told
