"""刘强, registered as 刘奶奶's son, wrote "王老伯最近不肯吃药": it became a request about his own mother and he was
told staff would look in on 刘奶奶. Now a worry (or a fall told as over) that names someone who is not his is told
plainly that he can only ask about 刘奶奶 — the same words whoever was named, on the register or not — and no request
about 刘奶奶 is opened from it. His worries about his mother, named or not, still reach staff."""
import pytest
from conftest import signed_up


@pytest.mark.parametrize("words", ["王老伯最近不肯吃药", "隔壁老王这几天睡不着", "王老伯不肯吃药",
                                   "王老伯昨天摔了一跤，现在没事了", "李大爷最近不肯吃药"])
async def test_a_sons_worry_about_someone_not_his_is_told_he_can_ask_only_about_his_mother(people, app, words):
    liuqiang = await signed_up(people("刘强"), "13911110003")
    before = len(liuqiang.inbox)
    await liuqiang.send(words)
    said = [s.text for s in liuqiang.inbox[before:]]
    assert len(said) == 1 and "只能" in said[0] and "刘奶奶" in said[0], said
    assert "王" not in said[0] and "李大爷" not in said[0] and "去看看" not in said[0]
    assert people("李社工").texts() == []
    assert await app.svc.store.open_incident_ids() == []


async def test_the_same_words_whoever_was_named(people, app):
    liuqiang = await signed_up(people("刘强"), "13911110003")
    await liuqiang.send("王老伯最近不肯吃药")  # on the register
    registered = liuqiang.last().text
    await liuqiang.send("李大爷最近不肯吃药")  # nobody of that name here
    assert liuqiang.last().text == registered


@pytest.mark.parametrize("words", ["刘奶奶最近不肯吃药", "我妈最近不肯吃药", "周末我妈不吃药", "老妈这几天胸口闷",
                                   "我担心刘奶奶最近睡不着", "保姆王阿姨说我妈最近不吃饭",
                                   "老毛病又犯了，最近不肯吃药", "高血压最近又高了", "钱被骗了怎么办"])
async def test_his_worry_about_his_mother_or_naming_nobody_else_still_reaches_staff(people, app, words):
    liuqiang = await signed_up(people("刘强"), "13911110003")
    await liuqiang.send(words)
    packet = people("李社工").last("#1").text
    assert words in packet and "刘奶奶" in packet
    assert "刘奶奶" in liuqiang.last().text and "只能" not in liuqiang.last().text
