"""What a property worker (物业) writes after her first report (session 26). Her second thing went to staff as
"🆕 未登记的用户又说" (no longer marked as from the property side) and she read the stranger's "想登记的话…"; a "好的"
paged staff; a notice an hour later ("明天停电…") read the sign-up welcome and reached nobody; and once she had sent her
phone as invited ("方便的话，按下面的按钮发来手机号"), everything she wrote read "居委会还在确认您的登记" and reached
nobody — as did a stranger's details about her father once she had sent hers. Now all of it reaches staff, under her
question, marked as hers."""


async def test_her_second_thing_stays_marked_as_from_the_property_side(people, app):
    worker, li = people("小刘"), people("李社工")
    await worker.send("我是物业的")
    await worker.send("5号楼302漏水")
    await worker.send("还有3号楼电梯坏了")
    got = [t for t in li.texts() if "3号楼电梯坏了" in t]
    assert got and "物业" in got[0] and "#1" in got[0], li.texts()
    assert "已转给居委会社工" in worker.last().text and "想登记" not in worker.last().text, worker.last().text


async def test_her_ok_after_her_report_pages_nobody(people, app):
    worker, li = people("小刘"), people("李社工")
    await worker.send("我是物业的 5号楼302漏水")
    before = len(li.texts())
    await worker.send("好的")
    assert len(li.texts()) == before, li.texts()


async def test_her_notice_an_hour_later_still_reaches_staff(people, app, clock):
    worker, li = people("小刘"), people("李社工")
    await worker.send("我是物业的 明天上午9点到12点停水")
    clock.advance(90 * 60)
    await worker.send("后天早上8点到10点停电")
    got = [t for t in li.texts() if "停电" in t]
    assert got and "物业" in got[0], li.texts()
    assert "认一认您" not in worker.last().text, worker.last().text


async def test_after_she_sent_her_phone_her_words_still_reach_staff(people, app):
    worker, li = people("小刘"), people("李社工")
    await worker.send("我是物业的 明天上午9点到12点停水")
    await worker.share_contact("13955556666")
    await worker.send("还有3号楼电梯坏了")
    got = [t for t in li.texts() if "3号楼电梯坏了" in t]
    assert got and "物业" in got[0], li.texts()
    said = worker.last().text
    assert "已转给" in said and "021-64370000" in said, said


async def test_a_strangers_details_after_she_sent_her_phone_still_reach_staff(people, app):
    x, li = people("路人甲"), people("李社工")
    await x.send("我爸一个人住在你们小区 能不能去看看他")
    await x.share_contact("13955556666")
    await x.send("他住3号楼502")
    assert any("3号楼502" in t for t in li.texts()), li.texts()
    assert "已转给" in x.last().text or "已告诉" in x.last().text, x.last().text


async def test_a_worry_written_after_sending_her_phone_reaches_staff(people, app):
    """The sign-up line staff get has her name and phone, none of her words."""
    x, li = people("路人甲"), people("李社工")
    await x.share_contact("13955556666")
    await x.send("隔壁王老伯最近腿脚不好 一个人住")
    assert any("腿脚不好" in t for t in li.texts()), li.texts()


async def test_a_strangers_ok_after_her_worry_pages_nobody(people, app):
    x, li = people("路人甲"), people("李社工")
    await x.send("我爸一个人住在你们小区 能不能去看看他")
    before = len(li.texts())
    await x.send("好的")
    assert len(li.texts()) == before, li.texts()
