"""李社工 approves a newcomer's sign-up on her phone; the tap seems slow, so she taps again — on ❌ 拒绝, which sat just
beside it. The second tap replaced her message's record "✅ 已同意 新邻居 的申请（李社工）" with "这个申请已经有人处理过了":
she no longer knew what had happened, or who had done it. Now a late tap keeps saying what was decided, and by whom."""


async def test_a_second_tap_on_a_decided_sign_up_keeps_saying_what_was_decided_and_by_whom(people, app):
    li, new = people("李社工"), people("新邻居")
    await new.send("/start")
    await new.share_contact("13912345678")
    ask = li.last("有人申请")
    await li.press_data(ask.message_id, f"su:ok:{new.id}")
    await li.press_data(ask.message_id, f"su:no:{new.id}")
    now = next(s for s in li.inbox if s.message_id == ask.message_id).text
    assert "已同意" in now and "新邻居" in now and "李社工" in now, now
    assert "已经登记" in "".join(new.texts()) or await app.svc.store.resident_by_tg(new.id)
