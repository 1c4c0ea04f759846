"""A fall told in passing ("我摔了一下没事了") was taken for "I'm fine" and reached nobody. An old person's fall, even
one they call harmless, is something the committee wants to hear of (a visit); one they cannot get up from is still
an emergency."""
import pytest
from conftest import TUESDAY_9, at, enrolled, signed_up

KIND_REPLY = ("已告诉社工", "来看看您")


def visit_note(people, words: str) -> str:
    """What staff read: a non-urgent request about the fall, with the resident's own words."""
    note = people("李社工").last("求助 #1").text
    assert words in note and "紧急求助" not in note and "摔" in note.split("\n")[0]
    return note


@pytest.mark.parametrize("words", ["我摔了一下没事了", "早上跌了一跤，现在好了", "昨天摔了一跤不要紧",
                                   "差点摔倒，还好扶住了", "今天差一点跌倒", "下楼梯险些摔跤"])
async def test_a_fall_told_as_harmless_in_the_check_in_reaches_staff_for_a_visit(people, app, clock, words):
    """A near fall ("差点摔倒，还好扶住了") too: it is the warning before a fall."""
    zhang, rid = await enrolled(people, app)
    await at(app, clock, TUESDAY_9)
    await zhang.send(words)
    assert (await app.svc.checkins.state(rid)).answer == "unwell"
    visit_note(people, words)
    assert all(w in zhang.last().text for w in KIND_REPLY)
    assert not any("平安" in t or "需要马上有人来吗" in t or "已通知值班社工" in t for t in zhang.texts())
    await at(app, clock, TUESDAY_9.replace(minute=30))
    assert not any("还没收到" in t for t in zhang.texts())  # answered: no reminder


@pytest.mark.parametrize("words", ["摔了起不来", "我摔了一下，起不来了", "摔了一跤，起不来，没事", "我摔倒了，不能起来",
                                   "我摔倒了，没事吧", "我摔了一下，头有点晕"])
async def test_a_fall_they_cannot_get_up_from_stays_an_emergency_in_the_check_in(people, app, clock, words):
    zhang, _ = await enrolled(people, app)
    await at(app, clock, TUESDAY_9)
    await zhang.send(words)
    assert "紧急求助 #1" in people("李社工").last().text


@pytest.mark.parametrize("words", ["我今天摔了一下，没事", "刚才摔到了，没什么", "跌了一跤，不要紧的", "掼了一跤，还好",
                                   "摔了个跤，自己爬起来了", "昨天在浴室滑了一跤，今天没事了", "早上跌了一记，没啥事体",
                                   "老伴昨天摔了一跤，现在没事了", "I fell this morning, I'm fine now",
                                   "上礼拜摔的那跤已经没事了", "摔了个跟头，还好没骨折", "跌了一跤，勿要紧", "率倒了，没事",
                                   "我摔了一跤，不过没事", "I fell but I'm ok"])
async def test_a_fall_told_as_harmless_at_any_time_reaches_staff_as_a_visit_note(people, app, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send(words)
    visit_note(people, words)
    told = "\n".join(wang.texts())
    assert "没太明白" not in told and "需要马上有人来吗" not in told and "平安" not in told
    assert (await app.svc.store.incident(1))["kind"] == "help"


@pytest.mark.parametrize("words", ["我摔了一下", "我摔跤了", "我跌了个跤", "阿拉掼了一跤", "摔到了，腿好痛"])
async def test_a_fall_told_without_saying_it_is_over_is_asked_about_as_an_emergency(people, app, words):
    """"我摔了一下" was "没太明白" and reached nobody."""
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send(words)
    assert "紧急求助 #1" in people("李社工").last().text
    assert "需要马上有人来吗" in wang.last().text


@pytest.mark.parametrize("words", ["我没摔倒，放心", "我年轻时候摔过一跤", "股票又跌了一下",
                                   "万一摔倒了怎么办", "新闻里说有个老人摔倒了"])
async def test_no_fall_now_and_no_recent_fall_is_no_visit_note(people, app, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send(words)
    assert not any("摔" in t and "求助 #" in t for t in people("李社工").texts())
    assert not any("已通知值班社工" in t for t in wang.texts())

