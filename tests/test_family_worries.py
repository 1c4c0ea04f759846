"""A daughter's worry about her father's health or safety, worded like a question ("我爸最近怎么样都不肯吃药",
"我妈这几天老说胸口闷怎么办"), got his check-in status (or "没太明白") and a [📨 转给社工] to tap: the worry waited on
her noticing the button. Now it reaches staff at once as a request about him, as her other requests do, and she
is told so; a plain question ("我爸今天签到了吗") still gets the check-in, troubling nobody."""
import pytest
from conftest import TUESDAY_9, at, enrolled, signed_up

WORRIES = [("王丽", "13911110002", "王老伯", "我爸最近怎么样都不肯吃药"),
           ("张明", "13911110001", "张阿姨", "我妈这几天老说腿疼怎么办"),
           ("王丽", "13911110002", "王老伯", "我爸这两天好不好？他说晚上老睡不着，饭也吃不下"),
           ("张明", "13911110001", "张阿姨", "我妈最近怎么样，听说她晚上老是忘了关煤气")]


@pytest.mark.parametrize("who,phone,name,words", WORRIES)
async def test_a_worry_worded_like_a_question_reaches_staff_and_she_is_told_so(people, app, clock, who, phone, name,
                                                                               words):
    await enrolled(people, app, name, "13900000002" if name == "王老伯" else "13900000001")
    await at(app, clock, TUESDAY_9)
    family = await signed_up(people(who), phone)
    await family.send(words)
    packet = people("李社工").last("求助 #1").text
    assert words in packet and name in packet and who in packet
    told = family.last().text
    assert "已经告诉" in told and name in told and "021-64370000" in told
    assert not any("签到" in t or "转给社工" in t or "没太明白" in t for t in family.texts()[-2:])
    assert not any("紧急求助" in t for t in people("李社工").texts())


async def test_a_tight_chest_told_by_family_reaches_staff_as_an_emergency(people, app, clock):
    """A chest that has felt tight for days (胸口闷, a chest red flag since session 12) is for staff at once, loudly."""
    await enrolled(people, app, "张阿姨", "13900000001")
    await at(app, clock, TUESDAY_9)
    family = await signed_up(people("张明"), "13911110001")
    await family.send("我妈这几天老说胸口闷怎么办")
    assert "胸口闷" in people("李社工").last("紧急求助 #1").text
    assert "张阿姨" in family.last("已通知值班社工").text


@pytest.mark.parametrize("words", ["我爸今天签到了吗", "我爸这两天好不好", "我爸最近怎么样"])
async def test_a_plain_question_still_gets_the_check_in_and_troubles_nobody(people, app, clock, words):
    await enrolled(people, app, "王老伯", "13900000002")
    await at(app, clock, TUESDAY_9)
    wangli = await signed_up(people("王丽"), "13911110002")
    await wangli.send(words)
    assert "王老伯今天还没有签到" in wangli.last("王老伯今天").text
    assert people("李社工").texts() == []
