"""What a resident types outside an emergency, and what they read back (session 13's probe of ~180 phrases).

Before: "测试一下" and "我出去一下" reached staff as help requests (staff bothered, the resident learnt nothing); "test"
and "我不小心按了" raised a full 🆘 alert; "你是机器人吗", "几点了", "你们电话多少", "社区最近有什么活动", "好的" were
"没太明白"; "119" and "110" typed alone were "没太明白" too, and "12345" was taken for an address."""
import pytest
from conftest import signed_up

WANG = ("王老伯", "13900000002")


async def _wang(people):
    return await signed_up(people(WANG[0]), WANG[1])


def _staff_heard(people) -> list[str]:
    return [t for t in people("李社工").texts() if "#1" in t]


# --- trying the bot out, going out, a mistaken press with nothing open: a kind word, staff not bothered ----------

@pytest.mark.parametrize("words", ["测试一下", "我试试这个按钮", "试试", "测试", "test", "Testing", "试一下 看看灵不灵",
                                   "test test", "just a test"])
async def test_trying_the_bot_out_gets_told_it_works_and_how_to_call_help(people, app, words):
    wang = await _wang(people)
    await wang.send(words)
    told = wang.last().text
    assert "收到" in told and "🆘" in told
    assert _staff_heard(people) == []
    assert not any("没太明白" in t for t in wang.texts())


@pytest.mark.parametrize("words", ["我出去一下", "我出去买菜了", "出门了", "我去散步了", "我下楼走走"])
async def test_going_out_gets_a_kind_word_and_bothers_nobody(people, app, words):
    wang = await _wang(people)
    await wang.send(words)
    assert "路上小心" in wang.last().text
    assert _staff_heard(people) == []


@pytest.mark.parametrize("words", ["我按错了", "我不小心按了", "按错了 不好意思"])
async def test_a_mistaken_press_with_no_call_open_is_told_never_mind(people, app, words):
    wang = await _wang(people)
    await wang.send(words)
    assert "没关系" in wang.last().text
    assert _staff_heard(people) == []


async def test_testing_words_with_a_fall_in_them_are_still_a_cry(people, app):
    wang = await _wang(people)
    await wang.send("测试一下 我摔倒了起不来")
    assert any("紧急求助 #1" in t for t in people("李社工").texts())


# --- what the bot truly knows: who it is, the time, the committee's phone; else one tap to a person -----------

@pytest.mark.parametrize("words", ["你是机器人吗", "你是谁", "你是真人吗", "你叫什么名字", "who are you", "Are you a robot?"])
async def test_asked_what_it_is_the_bot_says_so_and_offers_a_person(people, app, words):
    wang = await _wang(people)
    await wang.send(words)
    last = wang.last()
    assert "小助手" in last.text and "不是真人" in last.text
    assert any("回电" in label for label, _ in last.buttons)
    assert _staff_heard(people) == []
    await wang.click(last, "回电")
    assert "请回电话" in people("李社工").last("求助 #1").text


@pytest.mark.parametrize("words", ["几点了", "现在几点钟了", "几点钟了"])
async def test_the_time_comes_from_the_bots_clock(people, app, words):
    wang = await _wang(people)
    await wang.send(words)
    assert "10:00" in wang.last().text


@pytest.mark.parametrize("words", ["你吃饭了吗", "吃过了伐", "你吃饭了伐"])
async def test_asked_if_it_has_eaten_it_answers_kindly(people, app, words):
    wang = await _wang(people)
    await wang.send(words)
    assert "不用吃饭" in wang.last().text
    assert not any("没太明白" in t for t in wang.texts())


@pytest.mark.parametrize("words", ["你们电话多少", "怎么联系你们", "居委会电话是多少"])
async def test_asked_for_the_phone_it_gives_the_committees(people, app, words):
    wang = await _wang(people)
    await wang.send(words)
    assert "021-64370000" in wang.last().text
    assert not any("没太明白" in t for t in wang.texts())


@pytest.mark.parametrize("words", ["今天天气怎么样", "明天会下雨吗", "社区最近有什么活动", "最近有什么活动吗",
                                   "社区食堂今天吃什么", "怎么报名老年大学"])
async def test_a_question_it_cannot_answer_is_offered_to_a_person_not_called_misunderstood(people, app, words):
    wang = await _wang(people)
    await wang.send(words)
    assert not any("没太明白" in t for t in wang.texts())
    offer = wang.last("社工")
    await wang.click(offer, "社工")
    assert words in people("李社工").last("求助 #1").text


@pytest.mark.parametrize("words", ["好的", "嗯", "哦", "OK", "好", "行", "算了", "不用了", "👍"])
async def test_a_plain_ok_with_nothing_asked_is_acknowledged(people, app, words):
    wang = await _wang(people)
    await wang.send(words)
    assert not any("没太明白" in t for t in wang.texts())
    assert "好的" in wang.last().text
    assert _staff_heard(people) == []


@pytest.mark.parametrize("words", ["?", "？？？", "。。。", "...", "😊"])
async def test_only_punctuation_gets_a_gentle_prompt(people, app, words):
    wang = await _wang(people)
    await wang.send(words)
    assert not any("没太明白" in t for t in wang.texts())
    assert "我在" in wang.last().text and "🆘" in wang.last().text


@pytest.mark.parametrize("words", ["我不会打字", "我不识字", "我要语音", "打字太慢了"])
async def test_someone_who_cannot_type_is_told_a_voice_message_reaches_a_person(people, app, words):
    wang = await _wang(people)
    await wang.send(words)
    assert "语音" in wang.last().text
    assert not any("没太明白" in t for t in wang.texts())


# --- loneliness keeps reaching staff as company ---------------------------------------------------------------

@pytest.mark.parametrize("words", ["陪我聊聊天吧", "我就是想说说话", "我想我妈妈", "想找人聊聊天"])
async def test_wanting_to_talk_reaches_staff_as_company(people, app, words):
    wang = await _wang(people)
    await wang.send(words)
    request = people("李社工").last("求助 #1").text
    assert words in request and "说说话" in request


# --- news and praise are not needs: "今天是我生日" reached staff as feeling ill, "居委会的人真好" as "请回电话" -----

async def test_a_birthday_gets_wishes_not_a_request_about_feeling_ill(people, app):
    wang = await _wang(people)
    await wang.send("今天是我生日")
    assert "生日快乐" in wang.last().text
    assert _staff_heard(people) == []


@pytest.mark.parametrize("words, reply", [("居委会的人真好", "不客气"), ("你们真好", "不客气"),
                                          ("阿拉屋里厢蛮好", "很好"), ("我今朝老开心额", "很好")])
async def test_praise_and_good_news_in_plain_words_or_shanghainese_get_a_kind_word(people, app, words, reply):
    wang = await _wang(people)
    await wang.send(words)
    assert reply in wang.last().text
    assert _staff_heard(people) == []


@pytest.mark.parametrize("words, reply", [("好的", "好的"), ("OK", "好的"), ("几点了", "10:00"), ("你是机器人吗", "小助手"),
                                          ("？？？", "我在"), ("我出去一下", "路上小心")])
async def test_everyday_words_after_a_pension_answer_are_not_taken_for_another_question(people, app, words, reply):
    """Each was "这个问题我不太确定…要我帮您问问社工吗？" after an answer ("？？？" a 🆘 alert)."""
    wang = await _wang(people)
    await wang.send("老年津贴多少钱")
    await wang.send(words)
    assert reply in wang.last().text
    assert not any("不太确定" in t for t in wang.texts())
    assert _staff_heard(people) == []


@pytest.mark.parametrize("words", ["好的", "要", "好", "嗯"])
async def test_yes_typed_to_shall_i_ask_staff_asks_them(people, app, words):
    """"这个问题我不太确定…要我帮您问问社工吗？" answered "好的" was another question the bot was unsure of."""
    wang = await _wang(people)
    await wang.send("有没有免费体检")
    assert "问问社工" in wang.last().text
    await wang.send(words)
    assert any("有没有免费体检" in t for t in people("李社工").texts())
    assert not any(t.count("不太确定") for t in wang.texts()[-1:])


async def test_no_typed_to_shall_i_ask_staff_asks_nobody(people, app):
    wang = await _wang(people)
    await wang.send("有没有免费体检")
    await wang.send("不用了")
    assert people("李社工").texts() == []
    assert "不太确定" not in wang.last().text


# --- session 13's second probe --------------------------------------------------------------------------------

@pytest.mark.parametrize("words", ["了解", "懂了", "好的好的", "不对", "没有", "没有了", "不用来了", "不用麻烦了", "就这些"])
async def test_plain_words_with_nothing_asked_raise_no_alarm(people, app, words):
    """"了解" and "懂了" raised a 🆘 alert (the model unsure of two characters); the rest were "没太明白"."""
    wang = await _wang(people)
    await wang.send(words)
    assert _staff_heard(people) == []
    assert not any("没太明白" in t for t in wang.texts())


@pytest.mark.parametrize("words", ["对不起", "不好意思", "抱歉"])
async def test_an_apology_is_told_never_mind(people, app, words):
    wang = await _wang(people)
    await wang.send(words)
    assert "没关系" in wang.last().text


@pytest.mark.parametrize("words, reply", [("測試一下", "收到了"), ("你是機器人嗎", "小助手"), ("幾點了", "10:00")])
async def test_traditional_characters_get_the_same_answers(people, app, words, reply):
    wang = await _wang(people)
    await wang.send(words)
    assert reply in wang.last().text
    assert _staff_heard(people) == []


@pytest.mark.parametrize("words", ["我出去一下下", "我去买个菜", "出去散散步", "我去公园了", "我到楼下晒太阳", "我下去拿个快递",
                                   "我去买菜 一会回来"])
async def test_more_ways_of_going_out(people, app, words):
    wang = await _wang(people)
    await wang.send(words)
    assert "路上小心" in wang.last().text
    assert _staff_heard(people) == []


@pytest.mark.parametrize("words", ["能用吗", "测一测", "这个东西灵不灵", "这个能用吗"])
async def test_more_ways_of_trying_it_out(people, app, words):
    wang = await _wang(people)
    await wang.send(words)
    assert "收到了" in wang.last().text
    assert _staff_heard(people) == []


@pytest.mark.parametrize("words", ["今天礼拜天吗", "明天星期几", "什么时候了", "几点钟"])
async def test_more_ways_of_asking_the_day_or_time(people, app, words):
    wang = await _wang(people)
    await wang.send(words)
    assert "11月23日" in wang.last().text


@pytest.mark.parametrize("words", ["你听得见吗", "你能听到我说话吗", "我说话你听得懂吗"])
async def test_asked_if_it_can_hear_it_says_what_it_reads_and_that_a_voice_reaches_a_person(people, app, words):
    wang = await _wang(people)
    await wang.send(words)
    assert "语音" in wang.last().text and "社工" in wang.last().text


async def test_not_wanting_the_daughter_phoned_is_not_answered_with_the_committees_number(people, app):
    wang = await _wang(people)
    await wang.send("不用打电话给我女儿")
    assert "要我请社工给您打电话吗" not in wang.last().text


@pytest.mark.parametrize("words", ["我按错了 其实我腿很疼", "我不会打字 我腿疼得厉害", "你们电话多少 我头晕得厉害",
                                   "不好意思 我腰疼", "好的 我腿疼"])
async def test_everyday_words_with_a_pain_told_beside_them_still_reach_staff(people, app, words):
    wang = await _wang(people)
    await wang.send(words)
    assert any("#1" in t for t in people("李社工").texts())


@pytest.mark.parametrize("words", ["我不识字 帮我看看这个药怎么吃", "你吃饭了吗 我一天没吃饭了", "不好意思 麻烦你们来一下"])
async def test_a_need_after_everyday_words_reaches_staff(people, app, words):
    wang = await _wang(people)
    await wang.send(words)
    assert any("求助 #1" in t and words in t for t in people("李社工").texts())


@pytest.mark.parametrize("words", ["我没事 就是想跟人说说话", "我一个人住 没人管我", "我一个人在家里"])
async def test_more_ways_of_being_alone_reach_staff_as_company(people, app, words):
    wang = await _wang(people)
    await wang.send(words)
    assert "说说话" in people("李社工").last("求助 #1").text
