import json
import pytest
from conftest import TUESDAY_9, at, enrolled, signed_up

CI = ["我出去一下", "我出去买菜了", "测试一下", "你是机器人吗", "几点了", "我按错了", "不用叫救护车", "？？？", "120", "我去医院看病了 下午回来"]
@pytest.mark.parametrize("words", CI)
async def test_ci(people, app, clock, words):
    zhang, rid = await enrolled(people, app)
    await at(app, clock, TUESDAY_9)
    n = len(zhang.inbox)
    await zhang.send(words)
    st = (await app.svc.checkins.state(rid)).answer
    print("CI", words, st, [t.replace("\n"," / ")[:70] for t in zhang.texts()[n:]], [t[:40].replace("\n"," ") for t in people("李社工").texts()])

LONG = ["我想问一下养老金 这个月还没到账 我这两天腿疼得厉害",
        "喂 你好 我是王老伯 我想跟你说一下 我昨天晚上起来上厕所 头有点晕 现在好了 但是还是有点不放心",
        "你好啊 今天天气不错 我早上去公园走了一圈 回来有点累 腿有点疼 没什么大事",
        "我想问问老年津贴怎么领 我今年八十九了 还有我家水龙头坏了",
        "那个 我想问一下 就是那个 长护险 怎么申请 我腰不好 走路困难",
        "help me", "I am lonely", "thank you very much", "what time is it", "who are you", "I'm fine", "good morning", "test test"]
@pytest.mark.parametrize("words", LONG)
async def test_long(people, app, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    n = len(wang.inbox)
    await wang.send(words)
    print("L", words[:40], [t.replace("\n"," / ")[:70] for t in wang.texts()[n:]], [t[:40].replace("\n"," ") for t in people("李社工").texts()])
