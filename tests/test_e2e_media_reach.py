"""Help-path media end to end (the real Telegram clients over HTTP): what is sent during a call reaches someone even
when the staff alerted blocked the bot since; a photo crying for help in a group follows its call; a location in a
group reaches staff beside the registered address."""
from test_e2e_family import signed_up_daughter

GROUP = -100126


def forwards(telegram, user) -> int:
    return sum(1 for m in telegram.api.sent_to(user.id) if m.kind == "forward")


async def test_a_voice_during_a_call_reaches_other_staff_when_the_one_alerted_blocked_the_bot(telegram):
    wang, li = await telegram.signed_up("王老伯", "13900000002"), telegram.user("李社工")
    await wang.send_text("🆘 紧急求助")
    await telegram.said(li, "紧急求助 #1")
    telegram.api.block_chat(li.id)
    await wang.send_voice()
    await telegram.said(wang, "已转给社工")
    assert forwards(telegram, telegram.user("王社工")) + forwards(telegram, telegram.user("陈书记")) >= 1


async def test_a_photo_crying_in_a_group_follows_the_call_when_the_bot_cannot_write_to_him(telegram):
    wang, li = await telegram.signed_up("王老伯", "13900000002"), telegram.user("李社工")
    telegram.api.block_chat(wang.id)
    await telegram.api.group(GROUP).send_photo(wang, "救命 我摔倒了起不来")
    await telegram.said(li, "请直接打电话")
    fwd = await telegram.api.wait_for_message(li.id, lambda m: m.kind == "forward")
    assert fwd.forwarded_from[0] == GROUP
    assert "120" in (await telegram.api.wait_for_message(GROUP, "120")).text


async def test_a_daughters_location_in_a_group_reaches_staff_beside_her_fathers_address(telegram):
    daughter, li = await signed_up_daughter(telegram), telegram.user("李社工")
    await telegram.api.group(GROUP).send_location(daughter, 31.21001, 121.44002)
    packet = await telegram.said(li, "紧急联系人发来位置")
    assert "建新路27弄5号302室" in packet.text and "31.21001, 121.44002" in packet.text and "群里" in packet.text
    assert forwards(telegram, li) == 1
    told = await telegram.api.wait_for_message(GROUP, "120")
    assert "021-64370000" in told.text and "建新路" not in told.text


async def test_a_voice_in_a_group_that_reaches_no_staff_member_is_not_called_passed_on(telegram):
    wang = await telegram.signed_up("王老伯", "13900000002")
    for name in ("李社工", "王社工", "陈书记"):  # every staff member blocked the bot
        telegram.api.block_chat(telegram.user(name).id)
    group = telegram.api.group(GROUP)
    await group.send_voice(wang)
    told = await telegram.api.wait_for_message(GROUP, "120")
    assert "暂时没联系上社工" in told.text and "021-64370000" in told.text and "已转给" not in told.text
    await group.send_voice(telegram.user("路人甲"))  # a stranger's, the same
    told = await telegram.api.wait_for_message(GROUP, "120", after=1)
    assert "暂时没联系上社工" in told.text and "已转给" not in told.text


async def test_a_voice_from_the_staff_holding_a_call_reaches_the_head_over_telegram(telegram):
    wang, li, chen = await telegram.signed_up("王老伯", "13900000002"), telegram.user("李社工"), telegram.user("陈书记")
    await wang.send_text("🆘 紧急求助")
    await li.click(await telegram.said(li, "紧急求助 #1"), "我来处理")
    await telegram.said(wang, "李社工")
    await li.send_voice()
    assert "陈书记" in (await telegram.said(li, "已记在 #1")).text
    assert "李社工 发来语音" in (await telegram.said(chen, "#1 王老伯")).text
    fwd = await telegram.api.wait_for_message(chen.id, lambda m: m.kind == "forward")
    assert fwd.forwarded_from[0] == li.id
