"""Signing up by sharing one's own phone number; strangers, family and staff."""
from conftest import signed_up


async def test_start_asks_for_the_phone_with_one_big_button(people):
    zhang = people("张阿姨")
    await zhang.send("/start")
    msg = zhang.last()
    assert msg.request == "contact"
    assert msg.keyboard == ["📱 发送我的手机号"]


async def test_own_contact_links_the_resident_and_reads_back_the_address(people):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    msg = zhang.last()
    assert "张阿姨" in msg.text and "建新路27弄3号602室" in msg.text
    assert msg.keyboard == ["🆘 紧急求助", "🙋 找居委会帮忙", "❓ 养老金/补贴", "☎️ 联系居委会"]


async def test_someone_elses_contact_is_refused(people, app):
    zhang = people("张阿姨")
    await zhang.send("/start")
    await zhang.share_contact("13900000002", own=False)
    assert "不是您自己的" in zhang.last().text
    assert await app.svc.store.resident_by_tg(zhang.id) is None


async def test_unknown_number_waits_for_staff_approval(people, app):
    newcomer = people("孙阿婆")
    li = people("李社工")
    await newcomer.send("/start")
    await newcomer.share_contact("13700001234")
    assert "还没有登记" in newcomer.last().text
    ask = li.last("申请使用助手")
    assert "13700001234" in ask.text
    await li.click(ask, "同意")
    assert "已同意" in li.last().text
    assert "孙阿婆" in newcomer.last().text
    assert newcomer.last().keyboard[0] == "🆘 紧急求助"
    person = await app.svc.store.resident_by_tg(newcomer.id)
    assert person["phone"] == "13700001234"


async def test_a_second_decision_on_the_same_signup_changes_nothing(people, app):
    newcomer, li = people("孙阿婆"), people("李社工")
    await newcomer.share_contact("13700001234")
    ask = li.last("申请使用助手")
    approve = ask.data("同意")  # an old copy of the message, still showing its buttons
    await li.click(ask, "拒绝")
    assert "没有找到您的登记" in newcomer.last().text
    await li.press_data(ask.message_id, approve)
    assert "已拒绝 孙阿婆 的申请（李社工）" in li.last().text  # what was decided and by whom (test_signup_double_tap.py)
    assert await app.svc.store.resident_by_tg(newcomer.id) is None


async def test_staff_get_the_staff_menu(people):
    li = people("李社工")
    await li.send("/start")
    assert li.last().keyboard == ["📋 待处理", "🕒 值班", "✅ 今日签到", "💬 居民提问", "🗂 工作台"]


async def test_family_contact_signs_up_as_family(people, app):
    son = people("张明")
    await son.share_contact("13911110001")
    assert "张阿姨" in son.last().text and "紧急联系人" in son.last().text
    acc = await app.svc.store.contact_account(son.id)
    assert acc["links"][0]["kind"] == "family"


async def test_state_survives_a_restart(make_app, people, app):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("🙋 找居委会帮忙")
    await app.close()
    again = await make_app()  # same Redis, same prefix: a new process would see the same
    from bot.testing.tools import Person

    zhang2 = Person(again, zhang.id, "张阿姨")
    await zhang2.click(zhang.last("需要帮什么忙"), "买东西")
    assert "已经告诉居委会社工" in zhang2.last().text


async def test_family_menu_gives_the_committee_phone(people):
    son = people("张明")
    await son.share_contact("13911110001")
    await son.send("☎️ 联系居委会")
    assert "021-64370000" in son.last().text
