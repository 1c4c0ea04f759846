"""What a resident types outside an emergency, and what they read back (session 13's probes of ~400 phrases).

Before: "测试一下" and "我出去一下" reached staff as help requests (staff bothered, the resident learnt nothing); "test",
"我不小心按了", "了解" and "懂了" raised a full 🆘 alert; "你是机器人吗", "几点了", "你们电话多少", "社区最近有什么活动",
"好的", "对不起", "我不会打字" were "没太明白"; "今天是我生日" reached staff as feeling ill and "居委会的人真好" as "请回电话";
after a pension answer every one of them was "这个问题我不太确定…"."""
import pytest
from conftest import signed_up


async def _wang(people):
    return await signed_up(people("王老伯"), "13900000002")


def _staff_heard(people) -> list[str]:
    return [t for t in people("李社工").texts() if "#1" in t]


# --- a kind word where the bot truly knows; staff not bothered, never "没太明白" -------------------------------

KIND = [  # (words, what the reply says)
    # trying the bot out: it works, and how to call help
    *[(w, "一切正常") for w in ["测试一下", "我试试这个按钮", "试试", "测试", "test", "Testing", "试一下 看看灵不灵", "test test",
                         "just a test", "能用吗", "测一测", "这个东西灵不灵", "这个能用吗", "測試一下"]],
    # going out
    *[(w, "路上小心") for w in ["我出去一下", "我出去买菜了", "出门了", "我去散步了", "我下楼走走", "我出去一下下", "我去买个菜",
                              "出去散散步", "我去公园了", "我到楼下晒太阳", "我下去拿个快递", "我去买菜 一会回来"]],
    # a mistaken press with nothing open, an apology
    *[(w, "没关系") for w in ["我按错了", "我不小心按了", "按错了 不好意思", "对不起", "不好意思", "抱歉"]],
    # the bot's clock
    *[(w, "11月23日") for w in ["几点了", "现在几点钟了", "几点钟了", "今天礼拜天吗", "明天星期几", "什么时候了", "几点钟",
                               "幾點了"]],
    # small talk
    *[(w, "不用吃饭") for w in ["你吃饭了吗", "吃过了伐", "你吃饭了伐"]],
    ("今天是我生日", "生日快乐"),
    *[(w, "不客气") for w in ["居委会的人真好", "你们真好"]],
    *[(w, "很好") for w in ["阿拉屋里厢蛮好", "我今朝老开心额"]],
    # the committee's phone
    *[(w, "021-64370000") for w in ["你们电话多少", "怎么联系你们", "居委会电话是多少"]],
    # a plain ok with nothing asked ("了解", "懂了": no 🆘)
    *[(w, "好的") for w in ["好的", "嗯", "哦", "OK", "好", "行", "算了", "不用了", "👍", "了解", "懂了", "好的好的", "不对",
                          "没有", "没有了", "不用来了", "不用麻烦了", "就这些"]],
    # only punctuation
    *[(w, "我在") for w in ["?", "？？？", "。。。", "...", "😊"]],
    # typing is hard, or can it hear: a voice message reaches a person
    *[(w, "语音") for w in ["我不会打字", "我不识字", "我要语音", "打字太慢了", "你听得见吗", "你能听到我说话吗", "我说话你听得懂吗"]],
]


@pytest.mark.parametrize("words, reply", KIND)
async def test_everyday_words_get_a_kind_answer_and_bother_nobody(people, app, words, reply):
    wang = await _wang(people)
    await wang.send(words)
    assert reply in wang.last().text
    assert _staff_heard(people) == []
    assert not any("没太明白" in t for t in wang.texts())


@pytest.mark.parametrize("words", ["你是机器人吗", "你是谁", "你是真人吗", "你叫什么名字", "who are you", "Are you a robot?",
                                   "你是機器人嗎"])
async def test_asked_what_it_is_the_bot_says_so_and_offers_a_person(people, app, words):
    wang = await _wang(people)
    await wang.send(words)
    last = wang.last()
    assert "小助手" in last.text and "不是真人" in last.text
    assert _staff_heard(people) == []
    await wang.click(last, "回电")
    assert "请回电话" in people("李社工").last("求助 #1").text


@pytest.mark.parametrize("words", ["今天天气怎么样", "明天会下雨吗", "社区最近有什么活动", "最近有什么活动吗",
                                   "社区食堂今天吃什么", "怎么报名老年大学"])
async def test_a_question_it_cannot_answer_is_offered_to_a_person_not_called_misunderstood(people, app, words):
    wang = await _wang(people)
    await wang.send(words)
    assert not any("没太明白" in t for t in wang.texts())
    await wang.click(wang.last("社工"), "社工")
    assert words in people("李社工").last("求助 #1").text


@pytest.mark.parametrize("number", ["13911110002", "021-64370000", "+86 139 1111 0002"])
async def test_a_phone_number_typed_alone_is_told_to_be_dialled_not_taken_for_an_address(people, app, number):
    """It was "收到。如果要修改登记的地址，请打居委会电话…"."""
    wang = await _wang(people)
    await wang.send(number)
    last = wang.last()
    assert "直接拨打" in last.text and "地址" not in last.text
    assert any("回电" in label for label, _ in last.buttons)
    assert _staff_heard(people) == []


async def test_not_wanting_the_daughter_phoned_is_not_answered_with_the_committees_number(people, app):
    wang = await _wang(people)
    await wang.send("不用打电话给我女儿")
    assert "要我请社工给您打电话吗" not in wang.last().text


# --- everyday words never swallow a cry or a need told with them ----------------------------------------------

async def test_testing_words_with_a_fall_in_them_are_still_a_cry(people, app):
    wang = await _wang(people)
    await wang.send("测试一下 我摔倒了起不来")
    assert any("紧急求助 #1" in t for t in people("李社工").texts())


@pytest.mark.parametrize("words", ["我按错了 其实我腿很疼", "我不会打字 我腿疼得厉害", "你们电话多少 我头晕得厉害",
                                   "不好意思 我腰疼", "好的 我腿疼", "我不识字 帮我看看这个药怎么吃", "你吃饭了吗 我一天没吃饭了",
                                   "不好意思 麻烦你们来一下"])
async def test_a_need_told_beside_everyday_words_reaches_staff(people, app, words):
    wang = await _wang(people)
    await wang.send(words)
    assert any("求助 #1" in t and words in t for t in people("李社工").texts())


# --- loneliness keeps reaching staff as company ---------------------------------------------------------------

@pytest.mark.parametrize("words", ["陪我聊聊天吧", "我就是想说说话", "我想我妈妈", "想找人聊聊天", "我没事 就是想跟人说说话",
                                   "我一个人住 没人管我"])
async def test_wanting_to_talk_reaches_staff_as_company(people, app, words):
    wang = await _wang(people)
    await wang.send(words)
    request = people("李社工").last("求助 #1").text
    assert words in request and "说说话" in request


# --- after a pension answer -----------------------------------------------------------------------------------

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
    assert "不太确定" not in wang.last().text


async def test_no_typed_to_shall_i_ask_staff_asks_nobody(people, app):
    wang = await _wang(people)
    await wang.send("有没有免费体检")
    await wang.send("不用了")
    assert people("李社工").texts() == []
    assert "不太确定" not in wang.last().text


# --- 🙋 找居委会帮忙 → ✏️ 其他 → "请用一句话说说需要什么帮助。" -----------------------------------------------------------

@pytest.mark.parametrize("words, reply", [("算了", "好的"), ("不用了", "好的"), ("按错了", "没关系"), ("测试一下", "一切正常")])
async def test_changing_ones_mind_where_the_need_is_asked_sends_no_request(people, app, words, reply):
    """Each reached staff as a request ("✏️ 其他: 算了") and the resident was told "已经告诉居委会社工"."""
    wang = await _wang(people)
    await wang.send("🙋 找居委会帮忙")
    await wang.click(wang.last("需要帮什么忙"), "其他")
    await wang.send(words)
    assert reply in wang.last().text
    assert people("李社工").texts() == []


async def test_a_need_told_where_it_is_asked_still_reaches_staff(people, app):
    wang = await _wang(people)
    await wang.send("🙋 找居委会帮忙")
    await wang.click(wang.last("需要帮什么忙"), "其他")
    await wang.send("帮我换个灯泡")
    assert "帮我换个灯泡" in people("李社工").last("求助 #1").text
