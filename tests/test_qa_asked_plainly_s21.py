"""Plain questions residents ask that were handed off ("这个问题我不太确定") though the knowledge base has the answer
(session 21's probes): which card the allowance is paid to, what the severely disabled get, help for someone who
cannot see, and a subsidy for paying a carer."""
import pytest

from nlu.qa import KnowledgeBase


@pytest.fixture(scope="module")
def kb():
    return KnowledgeBase()


@pytest.mark.parametrize("question, topic, words", [
    ("津贴打到哪张卡上", "allowance.senior", "敬老卡"),
    ("津贴是打在哪张卡上的", "allowance.senior", "敬老卡"),
    ("老年津贴打在什么卡里", "allowance.senior", "敬老卡"),
    ("重残补贴多少钱", "assistance.disability", "重度残疾人护理补贴"),
    ("我眼睛看不见有补贴吗", "assistance.disability", "残疾"),
    ("眼睛瞎了有补贴吗", "assistance.disability", "残疾"),
    ("重残补贴一个月多少", "assistance.disability", "重度残疾人护理补贴"),
    ("耳朵聋了有没有补助", "assistance.disability", "残疾"),
    ("请保姆有补贴吗", "subsidy.elderly_care", "补贴"),
    ("请个保姆能有补贴吗", "subsidy.elderly_care", "补贴"),
    ("请护工有补贴吗", "subsidy.elderly_care", "补贴"),
    ("请人上门照顾能补贴吗", "subsidy.elderly_care", "补贴"),
])
def test_answered_from_the_entry_not_handed_off(kb, question, topic, words):
    got = kb.answer(question)
    assert not got.handoff and got.topic == topic, (question, got.topic, got.answer)
    assert words in got.answer


async def test_a_resident_reads_which_card_and_the_source(people, app):
    from conftest import signed_up
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("津贴打到哪张卡上")
    answer = wang.last("来源").text
    assert "敬老卡" in answer and "社保卡" in answer


@pytest.mark.parametrize("words", ["我眼睛突然看不见了", "我眼睛看不见了 头好痛"])
async def test_guard_sudden_blindness_is_still_an_emergency(people, app, words):
    from conftest import signed_up
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send(words)
    assert any("紧急求助" in t for t in people("李社工").texts())
