"""A stranger's later words joined her question for staff's phones (session 25), but the stored question kept only
her first (session 26): a colleague opening it later (/questions, ✍️ 回答) read "我爸一个人住在你们小区 能不能去看看他"
without where he lives or his phone, and the answer she got quoted only that. Now the question holds all she said, in
order. And once staff had answered her, her next words still came with ✍️ 回答, whose tap said "已经有人回答了":
she was never answered again. Now her new words open the question again."""
FIRST = "我爸一个人住在你们小区 能不能去看看他"


async def test_staff_opening_her_question_later_read_all_she_said_in_order(people, app):
    x, wang = people("路人甲"), people("王社工")
    await x.send(FIRST)
    await x.send("他住3号楼502")
    await x.send("他电话是13912345678")
    await wang.send("/questions")
    listed = wang.last("#1").text
    assert FIRST in listed and "3号楼502" in listed and "13912345678" in listed, listed
    assert listed.index(FIRST) < listed.index("3号楼502") < listed.index("13912345678"), listed
    await wang.click(wang.last("#1"), "回答")
    asked = wang.last().text
    assert FIRST in asked and "3号楼502" in asked and "13912345678" in asked, asked


async def test_her_words_after_staff_answered_can_be_answered(people, app):
    x, li = people("路人甲"), people("李社工")
    await x.send(FIRST)
    await li.click(li.last("路人甲"), "回答")
    await li.send("好的，我们今天下午去看他。")
    await x.send("他耳朵不好，要多敲几下门")
    await li.click(li.last("耳朵不好"), "回答")
    assert "已经有人回答了" not in li.last().text, li.last().text
    await li.send("知道了，谢谢提醒。")
    assert "谢谢提醒" in x.last().text, x.texts()
