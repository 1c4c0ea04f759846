"""Someone from the property management (物业) writes to the bot (session 25): "我是物业的" got only the resident's
sign-up welcome ("把您的手机号发给我，我来认一认您"), and "我是物业的 明天上午9点到12点停水" the same — staff never heard
of a water cut every door needs to know of. One from the 物业 writes because they have something for the committee:
now she is asked what it is, and what she writes then reaches staff (marked as from the property side, with ✍️ 回答);
told in one message, it reaches staff at once."""
import pytest

INTROS = ["我是物业的", "你好 我是物业公司的", "我是楼栋管家", "I'm from the property management"]


@pytest.mark.parametrize("words", INTROS)
async def test_a_property_worker_is_asked_what_happened(people, app, words):
    worker = people("小刘")
    await worker.send(words)
    said = worker.last().text
    assert "认一认您" not in said, said
    assert "021-64370000" in said and ("什么情况" in said or "What" in said), said


async def test_what_she_writes_next_reaches_staff(people, app):
    worker, li = people("小刘"), people("李社工")
    await worker.send("我是物业的")
    await worker.send("5号楼302家漏水到楼下了 家里没人")
    got = [t for t in li.texts() if "5号楼302家漏水" in t]
    assert got and "物业" in got[0] and "小刘" in got[0], li.texts()
    assert "已转给居委会社工" in worker.last().text, worker.last().text


@pytest.mark.parametrize("words", ["我是物业的 明天上午9点到12点停水", "物业通知：3号楼电梯明天检修"])
async def test_told_in_one_message_it_reaches_staff_at_once(people, app, words):
    worker, li = people("小刘"), people("李社工")
    await worker.send(words)
    got = [t for t in li.texts() if words in t]
    assert got and "物业" in got[0], li.texts()
    assert "已转给居委会社工" in worker.last().text, worker.last().text


async def test_guard_asking_for_the_property_phone_is_no_worker(people, app):
    someone = people("路人甲")
    await someone.send("物业电话是多少")
    assert "什么情况" not in someone.last().text and not any("物业" in t for t in people("李社工").texts())


async def test_guard_asking_for_the_property_phone_with_a_space_is_no_worker(people, app):
    someone = people("路人甲")
    await someone.send("物业 电话多少")
    assert "什么情况" not in someone.last().text and not any("物业或服务" in t for t in people("李社工").texts())


async def test_a_greeting_after_she_is_asked_is_not_sent_as_her_report(people, app):
    worker, li = people("小刘"), people("李社工")
    await worker.send("我是物业的")
    await worker.send("好的")
    assert li.texts() == [] and "什么情况" in worker.last().text


async def test_a_second_thing_she_reports_reaches_staff_too(people, app):
    """"还有3号楼电梯坏了" after her first report read the sign-up welcome and staff never heard it."""
    worker, li = people("小刘"), people("李社工")
    await worker.send("我是物业的")
    await worker.send("5号楼302漏水")
    await worker.send("还有3号楼电梯坏了")
    assert any("3号楼电梯坏了" in t and "小刘" in t for t in li.texts()), li.texts()
    assert "认一认您" not in worker.last().text


async def test_staff_answer_her_in_the_chat(people, app):  # guard: the question's ✍️ 回答 reaches her
    worker, li = people("小刘"), people("李社工")
    await worker.send("我是物业的 明天上午9点到12点停水")
    await li.click(li.last("小刘"), "回答")
    await li.send("收到，我们发通知给各家。")
    assert "发通知给各家" in worker.last().text
