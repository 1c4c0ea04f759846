"""A daughter or son typing about a parent, the way they do (session 17's probe of 70 phrasings). A child who
cannot reach a parent, or a parent gone missing, reaches staff at once as a welfare call ("我爸两天没消息了" and
"我爸没接电话 你们能去看一下吗" were a quiet request while "我爸一天没接电话了" alerted; "我爸出去买菜到现在还没回
来" got "有紧急情况时，居委会会通知您"); a scam under way she reports alerts ("…他儿子被抓了要打钱" got "没太明白");
a danger alerts; a worry or a visit wanted is a request."""
import pytest
from conftest import TUESDAY_9, at, enrolled, signed_up

SOS, REQ = "紧急求助 #1", "求助 #1"
TABLE = [  # (words from 王丽 about her father 王老伯, what staff get)
    # cannot reach him
    ("我爸电话打不通", SOS), ("我爸一天没接电话了", SOS), ("打我爸电话一直没人接", SOS), ("联系不上我爸", SOS),
    ("我爸手机关机了 联系不上", SOS), ("给我爸打了好几个电话都没人接", SOS), ("我爸从早上到现在都没回消息", SOS),
    ("我爸两天没消息了", SOS), ("我爸好几天没联系上了", SOS), ("我爸没接电话 你们能去看一下吗", SOS),
    ("我爸今天没接我电话", SOS), ("我爸不回我微信 电话也不接", SOS), ("邻居说好几天没看到我爸了", SOS),
    ("我爸家门敲不开", SOS),
    # gone missing
    ("我爸出去买菜到现在还没回来", SOS), ("我爸昨晚没回家", SOS), ("我爸早上出门到现在没回来", SOS), ("我爸走丢了", SOS),
    # a danger she was told of
    ("我爸好像又摔了", SOS), ("我爸说他摔了一跤 现在起不来", SOS), ("我爸刚才电话里说胸口疼", SOS),
    ("我爸说话不清楚了 嘴也歪了", SOS), ("我爸说他喘不上气", SOS), ("我爸说家里煤气味很重", SOS),
    ("我爸手被烫了", SOS), ("我爸说他头痛得要裂开了", SOS), ("我爸电话里说不出话", SOS),
    ("我爸说有人打电话说他儿子被抓了要打钱", SOS), ("有人打电话让我爸转账 说是公安局的", SOS),
    # a worry or a visit: staff hear it, no alarm
    ("帮我去看看我爸", REQ), ("能不能去我爸家看一下", REQ), ("我爸最近老是忘事", REQ), ("我爸这几天吃不下饭", REQ),
    ("我出差了 这几天麻烦你们多看看我爸", REQ), ("我爸发烧了 38度", REQ),
    # 39 at his age is a high fever (session 21: the weak red flag from 39.0, was 39.5), as 40 always was
    ("我爸发烧了 39度", SOS),
]


@pytest.mark.parametrize("words,staff_get", TABLE)
async def test_what_a_child_types_about_a_parent_reaches_staff_as_it_should(people, app, clock, words, staff_get):
    await enrolled(people, app, "王老伯", "13900000002")
    await at(app, clock, TUESDAY_9)
    wangli = await signed_up(people("王丽"), "13911110002")
    n = len(wangli.texts())
    await wangli.send(words)
    staff = people("李社工").texts()
    got = [t for t in staff if staff_get in t]
    assert got and words in got[0] and "王老伯" in got[0], staff
    if staff_get == REQ:
        assert not any(SOS in t for t in staff), staff
    told = " ".join(wangli.texts()[n:])
    assert "王老伯" in told and "021-64370000" in told, told
    assert "没太明白" not in told


@pytest.mark.parametrize("words", ["我妈电话打不通", "我妈说她胸口闷", "我妈一天没接电话了"])
async def test_a_son_who_cannot_reach_his_mother_or_hears_of_her_chest_alerts_staff(people, app, clock, words):
    await enrolled(people, app, "张阿姨", "13900000001")
    await at(app, clock, TUESDAY_9)
    zhangming = await signed_up(people("张明"), "13911110001")
    await zhangming.send(words)
    alert = people("李社工").last(SOS).text
    assert words in alert and "张阿姨" in alert
    assert "张阿姨" in zhangming.last("已通知值班社工").text
