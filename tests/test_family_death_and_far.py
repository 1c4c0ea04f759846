"""A daughter whose father died writes "我爸去世了": she read "🆘 已通知值班社工，他们会马上联系王老伯。情况危急请马上拨打120"
and staff got a loud emergency with an ambulance in mind; "我爸走了" got "再见，保重身体！". Now she reads that we are
sorry, that staff will contact her to help with what comes next, and 120 only if it was just found and is not
certain; staff get it as a request about him (报告去世), not an emergency. Words that are still a cry ("我爸好像死了
叫不醒", "我爸疼死了", "我爸走丢了") stay a cry.

A daughter far away ("我爸说胸口疼 我在外地") was told to dial 120, which reaches the ambulance where SHE is. Now she
is told that, and to phone the committee, which sends someone near him. One near him is told the number for what
happened: 119 for a fire or gas, 110 for someone breaking in, 120 otherwise."""
import pytest
from conftest import signed_up

DEATH = ["我爸去世了", "我爸走了", "我爸昨晚走了 后事怎么办", "我爸今天早上过世了"]


@pytest.mark.parametrize("words", DEATH)
async def test_a_daughter_telling_her_father_died_reads_condolences_and_staff_get_a_request(people, app, words):
    wangli, li = await signed_up(people("王丽"), "13911110002"), people("李社工")
    before = len(wangli.inbox)
    await wangli.send(words)
    said = "\n".join(wangli.texts()[before:])
    assert "节哀" in said and "联系您" in said, said
    assert "🆘" not in said and "情况危急" not in said and "再见" not in said
    packet = li.last("求助 #1").text
    assert words in packet and "去世" in packet and "王老伯" in packet
    assert not any("紧急求助" in t for t in li.texts())


@pytest.mark.parametrize("words", ["我爸好像死了 叫不醒", "我爸疼死了", "我爸走丢了", "我爸快不行了"])
async def test_words_that_are_still_a_cry_stay_a_cry(people, app, words):
    wangli, li = await signed_up(people("王丽"), "13911110002"), people("李社工")
    await wangli.send(words)
    assert "紧急求助 #1" in li.last("#1").text
    assert "节哀" not in wangli.last().text


@pytest.mark.parametrize("words", ["我爸死了吗", "我爸是不是死了"])
async def test_a_daughter_afraid_he_has_died_reaches_staff_and_reads_no_condolences(people, app, words):
    wangli, li = await signed_up(people("王丽"), "13911110002"), people("李社工")
    await wangli.send(words)
    assert words in li.last("#1").text
    said = "\n".join(wangli.texts()[-2:])
    assert "节哀" not in said and "没太明白" not in said


@pytest.mark.parametrize("words", ["我爸说胸口疼 我在外地", "我在国外 我爸两天没接电话了", "我在美国 我爸两天没回微信"])
async def test_a_daughter_far_away_is_told_her_120_is_where_she_is_and_to_phone_the_committee(people, app, words):
    wangli, li = await signed_up(people("王丽"), "13911110002"), people("李社工")
    await wangli.send(words)
    assert "紧急求助 #1" in li.last("#1").text
    said = wangli.last().text
    assert "当地" in said and app.settings.community.committee_phone in said, said


async def test_a_daughter_near_him_is_still_told_120(people, app):
    wangli = await signed_up(people("王丽"), "13911110002")
    await wangli.send("我爸摔倒了起不来")
    said = wangli.last().text
    assert "120" in said and "当地" not in said


@pytest.mark.parametrize("words,number", [("我爸家里煤气味很重", "119"), ("我爸家着火了", "119"),
                                          ("我爸说有人撬门 他很害怕", "110")])
async def test_a_daughter_near_him_is_told_the_number_for_what_happened(people, app, words, number):
    wangli = await signed_up(people("王丽"), "13911110002")
    await wangli.send(words)
    assert number in wangli.last().text, wangli.last().text


async def test_a_father_away_from_home_is_no_daughter_far_away(people, app):
    wangli = await signed_up(people("王丽"), "13911110002")
    await wangli.send("我爸不在身边的时候摔倒了")  # he, not she, is away: not her far-away 120
    assert "当地" not in wangli.last().text
