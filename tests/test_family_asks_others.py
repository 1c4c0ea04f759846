"""刘强, registered as 刘奶奶's son, asked "王老伯今天签到了吗" and was told about 刘奶奶 as if that were the answer
("刘奶奶没有开通…", or her check-in under a question about someone else). Now a contact who asks about someone who is
not theirs is told plainly whom they can ask about — the same words whoever they named, registered here or not, so
nothing is learnt of anyone else, not even that they are on the register. A doctor of two who names one of his is
answered about that one."""
import pytest
from conftest import TUESDAY_9, at, enrolled, signed_up

WANG_SEEN = ("09:05", "已签到", "11-24", "王老伯今天", "没有开通")


async def wang_answered_at_five_past_nine(people, app, clock):
    wang, _ = await enrolled(people, app, "王老伯", "13900000002")
    await at(app, clock, TUESDAY_9)
    clock.set(TUESDAY_9.replace(minute=5))
    await wang.click(wang.last("身体好吗"), "我很好")
    clock.set(TUESDAY_9.replace(minute=20))


@pytest.mark.parametrize("words", ["王老伯今天签到了吗", "请问王老伯最近怎么样", "隔壁老王今天报平安了吗"])
async def test_a_son_asking_about_someone_not_his_is_told_he_can_ask_only_about_his_mother(people, app, clock, words):
    await wang_answered_at_five_past_nine(people, app, clock)
    liuqiang = await signed_up(people("刘强"), "13911110003")
    before = len(liuqiang.inbox)
    await liuqiang.send(words)
    said = [s.text for s in liuqiang.inbox[before:]]
    assert len(said) == 1 and "只能" in said[0] and "刘奶奶" in said[0], said
    assert not any(w in said[0] for w in WANG_SEEN) and "王" not in said[0]
    assert "刘奶奶没有开通" not in said[0] and "刘奶奶今天" not in said[0]  # not his mother's news as the answer
    assert people("李社工").texts() == []


async def test_the_answer_is_the_same_whether_the_one_named_is_on_the_register_or_not(people, app, clock):
    await wang_answered_at_five_past_nine(people, app, clock)
    liuqiang = await signed_up(people("刘强"), "13911110003")
    await liuqiang.send("王老伯今天签到了吗")  # on the register
    registered = liuqiang.last().text
    await liuqiang.send("李大爷今天签到了吗")  # nobody of that name here
    assert liuqiang.last().text == registered


async def test_his_own_mother_asked_after_by_name_or_as_mother_is_answered(people, app, clock):
    liuqiang = await signed_up(people("刘强"), "13911110003")
    for words in ("刘奶奶今天签到了吗", "我妈今天签到了吗", "今天签到了吗"):
        await liuqiang.send(words)
        assert "刘奶奶没有开通" in liuqiang.texts()[-2], words


async def test_a_doctor_of_two_who_names_one_is_answered_about_that_one(people, app, clock):
    await wang_answered_at_five_past_nine(people, app, clock)
    zhao = await signed_up(people("赵医生"), "13922220001")
    await zhao.send("王老伯今天签到了吗")
    assert "王老伯今天 09:05 已签到" in zhao.last("王老伯今天").text
    assert not any("哪一位" in t for t in zhao.texts())
    await zhao.send("刘奶奶今天签到了吗")  # not his patient
    said = zhao.last().text
    assert "只能" in said and "张阿姨" in said and "王老伯" in said and "刘" not in said
