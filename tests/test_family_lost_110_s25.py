"""A daughter's father lost now (session 25): "我爸糊涂了 走丢了" read "请马上拨打120" — an ambulance does not search for
a lost old man; 110 does — and "我妈老年痴呆 出门找不到了" named no danger at all (a request, no 🆘). The resident's own
"我老伴走丢了" reads the 110 line since session 24; his daughter now reads it too, and staff are still alerted. A phone
nobody answers is no missing person: someone goes to his door, and 120 stays her number."""
import pytest
from test_family_words_s18 import wangli_says

SOS = "紧急求助 #1"


@pytest.mark.parametrize("words", ["我爸糊涂了 走丢了", "我妈老年痴呆 出门找不到了", "我爸走丢了", "我爸走失了",
                                   "我爸早上出门到现在没回来",
                                   # (probe) were a request: a long message, Shanghainese, hours gone
                                   "我爸老年痴呆 今天早上出门买菜到现在还没回来 手机也没带 我在上班走不开 麻烦你们帮忙找找",
                                   "阿拉爷走脱了 寻勿着了", "我妈出去散步两个小时了还没回来 电话不接",
                                   # (probe) were a request, or "没太明白"
                                   "我爸找不到了", "我爸去公园了 现在找不到他了", "我爸跑丢了", "老爷子又跑出去了 找不到人"])
async def test_a_daughter_whose_father_is_lost_reads_to_call_110(people, app, clock, words):
    told, staff = await wangli_says(people, app, clock, words)
    assert "110" in told and "走失" in told, told
    assert "120" not in told, told
    assert any(SOS in t and words in t for t in staff), staff


async def test_a_phone_nobody_answers_still_reads_120(people, app, clock):
    told, staff = await wangli_says(people, app, clock, "我爸一个人在家 电话打不通")
    assert "120" in told and "110" not in told, told
    assert any(SOS in t for t in staff), staff


async def test_she_reads_whom_staff_help_her_find(people, app, clock):
    told, _ = await wangli_says(people, app, clock, "我爸糊涂了 走丢了")
    assert "找王老伯" in told, told


@pytest.mark.parametrize("words", ["my dad has dementia and he wandered off", "My father went out this morning and hasn't come back"])
async def test_lost_told_in_english_reads_110_too(people, app, clock, words):
    told, staff = await wangli_says(people, app, clock, words)
    assert "110" in told and "120" not in told, told
    assert any(SOS in t for t in staff), staff


async def test_far_away_she_reads_the_committee_reports_it_there(people, app, clock):
    """"我爸走丢了 我在外地": her 110 reaches the police where SHE is; the committee near him calls theirs."""
    told, staff = await wangli_says(people, app, clock, "我爸走丢了 我在外地")
    assert "021-64370000" in told and "110" in told and "120" not in told, told
