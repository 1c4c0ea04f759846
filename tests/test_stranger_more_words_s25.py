"""A stranger's words after her first wish or worry (session 25): staff heard only the first each hour; her later
words ("她住3号楼502", "电话是139…") were dropped while she read "已告诉". Now a few more each hour join her first
(staff read them under its number); beyond that she is told plainly to phone the committee, never "已告诉"."""
FIRST = "我爸一个人住在你们小区 能不能去看看他"


async def test_her_later_details_reach_staff(people, app):
    x, li = people("路人甲"), people("李社工")
    await x.send(FIRST)
    await x.send("他住3号楼502")
    await x.send("他电话是13912345678")
    told = "\n".join(li.texts())
    assert "3号楼502" in told and "13912345678" in told, li.texts()
    assert "已告诉" in x.last().text


async def test_beyond_a_few_she_is_told_to_phone_not_told_staff_know(people, app):
    x, li = people("路人甲"), people("李社工")
    await x.send(FIRST)
    for i in range(12):
        await x.send(f"我爸住{i + 1}号楼502")
    assert sum("路人甲" in t for t in li.texts()) <= 5
    reply = x.last().text
    assert "已告诉" not in reply and "021-64370000" in reply


async def test_the_same_words_again_are_not_sent_twice(people, app):
    x, li = people("路人甲"), people("李社工")
    for _ in range(3):
        await x.send(FIRST)
    assert sum("路人甲" in t for t in li.texts()) == 1
    assert "已告诉" in x.last().text  # true: staff have those very words


async def test_a_cry_in_a_later_message_reaches_staff_as_a_cry(people, app):
    x, li = people("路人甲"), people("李社工")
    await x.send(FIRST)
    for i in range(6):
        await x.send(f"他住{i + 1}号楼502")
    await x.send("现在有烟冒出来了")
    assert any("🆘" in t and "路人甲" in t for t in li.texts()), li.texts()
    assert "120" in "\n".join(x.texts()[-2:])


async def test_words_an_hour_later_are_not_joined(people, app, clock):
    x, li = people("路人甲"), people("李社工")
    await x.send(FIRST)
    clock.advance(2 * 3600)
    await x.send("他住3号楼502")
    assert not any("3号楼502" in t for t in li.texts())


async def test_later_words_that_reached_nobody_are_not_said_told(people, app):
    x = people("路人甲")
    await x.send(FIRST)
    for st in app.settings.staff:
        app.svc.outbox.messenger.blocked.add(st.telegram_id)
    await x.send("他住3号楼502")
    assert "已告诉" not in x.last().text and "021-64370000" in x.last().text
