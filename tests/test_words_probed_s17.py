"""Session 17's probes: what elderly Shanghai residents type or a voice transcription makes of it — Shanghainese (跌跤,
吃力, 头昏, 阿拉, 侬, 讲闲话), input-method and homophone slips (求明, 率到了, 养老经), no punctuation, a cry inside a
pension question — through the real flow. Each list keeps what was read wrongly before (marked) beside what was
already right, so that no change to the model or the red flags quietly moves any of them."""
import pytest
from conftest import allowance_answered, signed_up

CRIES = [  # emergency at once
    "求明", "求命",                                        # were no alarm / only asked: 救命 typed by pinyin
    "我率到了",                                            # was only asked (率倒 was a flag, 率到 not)
    "我摔导了", "我帅倒了", "我摔道了", "我甩到了", "舅命", "九命啊",  # were the model's alone (0.60-0.89)
    "我喘不上起", "我气也透勿过来", "我透不过起来了",            # were the model's alone (0.63-0.79)
    "我在地板上躺了一夜了",                                  # was the model's alone (0.61)
    "我切菜切到手了 血流不停",                               # was "fine" (checkin_ok), no alarm
    "我在浴缸里出不来了",                                    # was the model's alone (0.70)
    "我讲不出话了",                                          # was the model's alone (0.59)
    "我肚皮痛得来要命",                                      # was only asked
    "居委会我家里有股煤气的味道很重",                          # was the model's alone (0.51)
    "煤气灶关不掉了",                                        # was only asked
    "求求你们快点来我老伴不行了",                             # was the model's alone
    "我出门买菜寻勿着回去的路了",                             # lost outside (寻勿着 = can't find): was a request only
    "我心口头一抽一抽的痛",                                   # was only asked
    "我手麻了 拿勿牢筷子",                                    # was the model's alone (0.54)
    "阿拉跌跤了 立勿起来", "我跌了一跤 腰骨痛煞了", "侬快点来 我跌倒了", "我今朝吃力得来 动也动勿了",
    "老头子跌勒地上 叫伊勿应", "阿拉屋里厢有煤气味道", "我心口头痛煞了", "快点叫救护车 阿拉老太婆昏过去了",
    "我掼了一跤 起勿来", "救名啊 快来", "我摔到了 起不来", "我跌到了 爬不起来", "胸口同得厉害", "着伙了", "有煤汽味",
    "我老伴叫不星", "jiuming", "我摔倒了起不来了快来人啊", "喂喂喂 我摔倒了 你们听得到吗",
    "居委会吗我是三号楼的张阿姨我摔了一跤起不来了", "我在厕所里坐在地上起不来了", "楼道里有烟味道好大",
    "我刚刚在厨房里头滑了一跤现在腰动不了了", "我屋里厢跌了一跤 起勿来了 侬快点", "快点来人我老头子抽筋了口吐白沫",
    "SOS 我摔了", "help me i fell", "我从凳子上跌下来了", "头昏得来 立也立勿牢", "我没当心跌倒了", "一不小心掼倒了",
]
HARMLESS = [  # no alarm, no "需要马上有人来吗"
    "手机跌到地上了", "手机摔到地上了",     # were emergencies (跌到: a fall red flag)
    "楼上跌下来一只花盆",                   # was an emergency (跌下来)
    "小心跌跤", "落雨天地上滑 大家当心",      # a warning: the first was an emergency (a fall red flag)
    "外头落雨了 地上滑",                    # was an emergency (the model 0.64): staff alerted
    "我老太婆去买菜了",                     # was asked "需要马上有人来吗" and staff alerted
    "要求明天来修水管",                     # 求明 inside 要求明天 is no 救命
    "碗跌碎了", "我掼了一只杯子", "摔跤比赛好看", "股票跌了好多", "电视里讲有个老人跌跤了", "我家猫跌下来了",
    "今朝天气老好额",
]
TO_STAFF = [  # not an emergency, but a person hears it (unwell, or wanting company)
    ("我今朝老吃力 想歇歇", "不舒服"),   # 吃力 is Shanghainese "worn out": was "听到您很好，真高兴！"
    ("人吃力得来 想困一歇", "不舒服"),
    ("我想寻个人讲讲闲话", "陪"),        # 寻个人讲讲闲话 (find someone to chat with): was "没太明白"
    ("我昨日跌了一跤 今朝腰还痛", "来看看"),  # 昨日 is Shanghainese 昨天: was an emergency, not the visit that
    ("我昨天跌了一跤 今天腰还痛", "来看看"),  # "昨天…" gets (a fall told as past, nlu.rules.told_over)
]
# were the model's alone or only asked: now a red flag each, so that no retrain can move them
FLAGGED = ["求明", "求命", "我率到了", "我摔导了", "我帅倒了", "我摔道了", "我甩到了", "舅命", "九命啊", "我喘不上起",
           "我气也透勿过来", "我透不过起来了", "我在地板上躺了一夜了", "我切菜切到手了 血流不停", "我在浴缸里出不来了", "我讲不出话了",
           "我肚皮痛得来要命", "居委会我家里有股煤气的味道很重", "煤气灶关不掉了", "求求你们快点来我老伴不行了",
           "我出门买菜寻勿着回去的路了", "我心口头一抽一抽的痛", "我手麻了 拿勿牢筷子"]
ANSWERED = [("养老经几号发", "12333"), ("我的养老经少了一百块", "12333"), ("阿拉老头子的养老金哪能还没到", "12333"),
            ("长护险哪能申请", "评估"), ("侬帮我看看 我的敬老卡钞票到了伐", "敬老卡")]  # the last was a request only


async def _says(people, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    n = len(wang.texts())
    await wang.send(words)
    return wang, wang.texts()[n:], people("李社工")


@pytest.mark.parametrize("words", CRIES)
async def test_a_cry_typed_by_pinyin_by_voice_or_in_shanghainese_reaches_staff_at_once(people, app, words):
    wang, told, li = await _says(people, words)
    assert words in li.last("紧急求助 #1").text
    assert "已通知值班社工" in "\n".join(told)


@pytest.mark.parametrize("words", FLAGGED)
def test_a_slip_the_model_alone_caught_is_a_red_flag_now(nlu_model, words):
    assert nlu_model.red_flag_words(words), nlu_model.parse(words, explain=True)["why"]


@pytest.mark.parametrize("words", HARMLESS)
async def test_a_phone_a_flower_pot_or_a_warning_alarms_nobody(people, app, words):
    wang, told, li = await _says(people, words)
    assert not any("紧急求助" in t for t in li.texts())
    assert not any("需要马上有人来吗" in t or "已通知值班社工" in t for t in told)


@pytest.mark.parametrize("words, reply", TO_STAFF)
async def test_worn_out_frightened_or_wanting_a_chat_reaches_a_person_without_alarm(people, app, words, reply):
    wang, told, li = await _says(people, words)
    assert words in li.last("求助 #1").text and not any("紧急求助" in t for t in li.texts())
    said = "\n".join(told)
    assert reply in said and "真高兴" not in said and "没太明白" not in said


@pytest.mark.parametrize("words, expected", ANSWERED)
async def test_a_pension_question_with_a_slip_or_in_shanghainese_is_answered(people, app, words, expected):
    wang, told, li = await _says(people, words)
    assert any("来源" in t and expected in t for t in told), told
    assert not any("紧急求助" in t for t in li.texts())


@pytest.mark.parametrize("words", ["养老金什么时候发我摔倒了起不来", "养老经到了伐 阿拉老头子跌跤了",
                                   "老年津贴哪能领 我头昏得立勿牢", "我想问问养老金几号到账我现在胸口好痛",
                                   "那我老伴呢 伊透不过起来了"])
async def test_a_cry_run_into_a_pension_follow_up_reaches_staff_at_once(people, app, words):
    liu = await allowance_answered(people)
    await liu.send(words)
    assert words in people("李社工").last("紧急求助 #1").text
    assert "来源" not in liu.last().text
