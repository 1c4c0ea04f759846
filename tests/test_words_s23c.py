"""A second battery probed in session 23 (words12). "覅来了" (Shanghainese "don't come") raised a 🆘 with 120; "我感冒了",
"鼻子塞住了", "我家的猫抓伤了我", "孙子明天来看我", "我去买汰烧了", "my neighbour is too noisy" were "没太明白";
"手上起了好多疹子" raised a 🆘; "the soup is boiling" paged staff with a request."""
import pytest
from test_words_s22 import _wang_says

SOS, REQ = "紧急求助 #1", "求助 #1"


def _calm(said, staff):
    assert "需要马上有人来吗" not in said and "🆘 已通知" not in said and "没太明白" not in said, said
    assert not any(SOS in t for t in staff), staff


@pytest.mark.parametrize("words", ["覅来了", "覅了", "勿要来了"])
async def test_dont_come_in_shanghainese_is_no_cry(people, app, words):
    _, said, staff = await _wang_says(people, words)
    _calm(said, staff)
    assert staff == [], staff


async def test_dont_come_in_shanghainese_answers_the_need_question_as_no(people, app):
    wang, said, _ = await _wang_says(people, "我头晕")
    assert "需要马上有人来吗" in said
    await wang.send("覅来了")
    assert "社工还是会联系您确认一下" in wang.last().text, wang.texts()


@pytest.mark.parametrize("words", ["我感冒了", "鼻子塞住了", "流鼻涕 打喷嚏", "我家的猫抓伤了我", "手上起了好多疹子",
                                   "腿上擦伤了一块", "身上起了红疙瘩"])
async def test_a_cold_a_scratch_or_a_rash_is_unwell_for_staff(people, app, words):
    _, said, staff = await _wang_says(people, words)
    _calm(said, staff)
    assert "听到您不舒服" in said, said
    assert any(words in t for t in staff if REQ in t), staff


@pytest.mark.parametrize("words, line", [("孙子明天来看我", "惦记"), ("女儿下午要来看我", "惦记"),
                                         ("我去买汰烧了", "路上小心"), ("the soup is boiling", "慢慢来"),
                                         ("the kettle has boiled", "慢慢来")])
async def test_everyday_news_gets_a_warm_word_and_bothers_nobody(people, app, words, line):
    _, said, staff = await _wang_says(people, words)
    _calm(said, staff)
    assert line in said.lower() and staff == [], (said, staff)


@pytest.mark.parametrize("words", ["my neighbour is too noisy", "the neighbours upstairs are so loud"])
async def test_a_noisy_neighbour_in_english_is_the_neighbours_line(people, app, words):
    _, said, staff = await _wang_says(people, words)
    _calm(said, staff)
