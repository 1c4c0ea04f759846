"""Out-of-scope subjects were matched as bare substrings (session 16's probes): a word beside the question sent it to
staff as one the bot "cannot answer" — "菜价又涨了" (prices went up), "我头昏脑涨的", "隔壁王阿姨说…" (a neighbour as
the one who told her), "我住在隔壁小区". The bot must still never discuss a neighbour's money nor a rise not announced."""
import pytest
from conftest import signed_up


async def _asks(people, words):
    liu = await signed_up(people("刘奶奶"), "13900000003")
    await liu.send("❓ 养老金/补贴")
    await liu.send(words)
    return liu


@pytest.mark.parametrize("words, expected", [
    ("物价涨得厉害，我的养老金几号发", "12333"),
    ("菜价又涨了 老年津贴什么时候发", "10月"),
    ("我头昏脑涨的，养老金认证怎么弄", "认证"),
    ("隔壁王阿姨说养老金认证要刷脸，我怎么弄", "认证"),
    ("邻居告诉我老年卡可以领津贴，我怎么申请", "150元"),
    ("我住在隔壁小区，老年卡在哪里办", "受理服务中心"),
])
async def test_a_word_beside_the_question_does_not_stop_its_answer(people, app, words, expected):
    liu = await _asks(people, words)
    answer = liu.last()
    assert "来源" in answer.text and expected in answer.text, answer.text
    assert "不太确定" not in answer.text


@pytest.mark.parametrize("words", ["隔壁李家阿婆退休金一个月几钿", "明年养老金涨多少", "今年养老金涨了没有",
                                   "老年津贴会不会涨", "邻居的养老金比我多", "退休金涨了多少"])
async def test_a_neighbours_money_or_a_rise_not_announced_still_goes_to_a_person(people, app, words):
    liu = await _asks(people, words)
    offer = liu.last()
    assert "不太确定" in offer.text and "来源" not in offer.text
