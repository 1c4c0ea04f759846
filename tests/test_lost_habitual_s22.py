"""A daughter's worry about a habit, not an event (session 22, words11's note): "我妈老年痴呆 老是走丢", "我爸有点老年痴呆
经常找不到家" raised a 🆘 (the red flag for someone lost now); staff should hear it as a worry to follow up, as "我爸一个人
在家我不放心" is. Someone lost now ("我妈走丢了", "我爸痴呆 刚才跑出去了") stays the cry it is."""
import pytest
from test_family_words_s18 import wangli_says

SOS, REQ = "紧急求助 #1", "求助 #1"


@pytest.mark.parametrize("words", ["我爸老年痴呆 老是走丢", "我爸有点老年痴呆 经常找不到家", "我爸糊涂了 总是找不到回家的路",
                                   "我爸糊涂了 出门经常找不到"])
async def test_a_habit_of_getting_lost_is_a_worry_for_staff(people, app, clock, words):
    told, staff = await wangli_says(people, app, clock, words)
    assert any(REQ in t and words in t for t in staff) and not any(SOS in t for t in staff), staff


@pytest.mark.parametrize("words", ["我爸走丢了", "我爸痴呆 刚才跑出去了", "我爸找不到家了"])
async def test_someone_lost_now_is_a_cry(people, app, clock, words):
    told, staff = await wangli_says(people, app, clock, words)
    assert any(SOS in t for t in staff), staff
