"""Understanding v2 through NLU.parse: every red-flag family heard, every context modifier honoured."""
import pytest

from nlu import NLU
from nlu.redflags import default as red_flags


@pytest.fixture(scope="module")
def nlu(tmp_path_factory):
    return NLU.builtin(cache_dir=tmp_path_factory.getbasetemp() / "nlu-cache")


def decision(nlu, text):
    return nlu.parse(text, explain=True)["decision"]


# One present danger per family, told the way residents and families write it.
FAMILIES = {
    "cry_for_help": ("救命啊，快点来人", "谢谢你们上次帮我叫救护车"),
    "fall": ("我在卫生间掼了一跤，立不起来", "我没摔倒，就是有点累"),
    "unresponsive": ("老伴躺在沙发上叫伊勿应", "刚才晕了一下，现在好了"),
    "breathing": ("我透不过气来，嘴唇发紫", "跑得太快有点喘，歇一会就好了"),
    "chest_pain": ("心口像压了块石头，一身冷汗", "上个月心口痛住过院，现在好了"),
    "stroke": ("我爸手拿不住杯子，舌头发硬，说话含糊", "去年中风过，想问残疾补贴怎么申请"),
    "worst_headache": ("头突然痛得要裂开了，从来没这么痛过", "头痛得要裂开的时候应该注意什么"),
    "low_blood_sugar": ("打了胰岛素还没吃饭，现在手抖出虚汗", "低血糖的时候要注意什么"),
    "heat_stroke": ("空调坏了，老妈热得头晕想吐，浑身滚烫", "这天气热死人了"),
    "poisoning": ("孙子把我的降压药吞了好几片", "万一孩子误食药片怎么办"),
    "burn": ("开水泼到腿上，烫起了大水泡", "怎么预防烫伤"),
    "bleeding": ("没事，就是手割了个大口子，血止不住", "这家店吐血甩卖"),
    "fire_smoke": ("楼道里好多烟，门把手很烫", "我梦见家里着火了"),
    "gas": ("厨房里一股煤气味道", "煤气灶打不着火，能找人修吗"),
    "water_electric": ("水管爆了，水喷到插座上", "问一下电线老化了找谁换"),
    "trapped": ("我被关在电梯里出不来了", "新闻里说有人被困在电梯里"),
    "intruder": ("有人在撬我家的门", "听说隔壁小区有人入室盗窃"),
    "abuse": ("保姆天天打我，还不给我饭吃", "电视里说有个保姆虐待老人被抓了"),
    "welfare": ("我爸一下午都没接电话，我在外地", "我妈一下午没接电话，后来回电话了，没事了"),
    "lost": ("我出门买菜走丢了，不知道这是哪里", "电视里说有个老人走丢了，后来找到了"),
    "self_harm": ("老伴走了以后我一个人，真的不想活了", "新闻里说有个老人想不开自杀了"),
    "scam": ("有个自称公安的人打电话，让我把钱转到安全账户", "社区请民警来讲怎么防止被骗，冒充公安让转账的都是骗子"),
    "doorstep": ("有人敲门说是燃气公司的，要进来检查", "电视里说有人敲门说是燃气公司的，老人别开门"),
    "sparking": ("插线板坏了 冒火星", "新闻里说插线板冒火花引起火灾"),
}
# `strength: weak` families: present alone, the bot asks (tests/test_redflags_weak.py)
WEAK_FAMILIES = {"dizzy": ("头有点晕站不稳", "以前天旋地转过一次"),
                 "belly_pain": ("我肚子痛得厉害", "上个月肚子痛得厉害，现在好了"),
                 "high_blood_pressure": ("我的高压一百九", "上次血压200吃了药好了"),
                 "frightened": ("我好怕 外面有声音", "小时候一个人在家听到外面有动静好害怕"),
                 "high_fever": ("我发烧四十度 人糊涂了", "上个礼拜发烧四十度 现在好了"),
                 "cold_home": ("家里好冷 暖气坏了 手脚冰凉", "去年冬天暖气坏了 冻得发抖"),
                 "sight_loss": ("我看不见了", "字太小了 我看不见"),
                 "alone_afraid": ("晚上一个人好害怕", "昨天晚上一个人好害怕 今天好了"),
                 "robbed": ("钱包被抢了", "去年钱包被抢了"),
                 "double_dose": ("降压药又吃了一遍", "上个月药吃了两遍 后来没事"),
                 "bleeding_minor": ("膝盖磕破了 出血了", "昨天手流了点血 现在好了"),
                 "cannot_walk": ("我在菜场 走不动了", "上个月走不动了 现在好了")}


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_each_family_is_heard_when_present_and_not_when_only_talked_about(nlu, family):
    present, talked_about = FAMILIES[family]
    result = nlu.parse(present, explain=True)
    assert result["decision"] == "emergency" and result["intent"]["name"] == "emergency", result["why"]
    assert family in {f["concept"] for f in result["flags"] if f["counts"]}
    assert decision(nlu, talked_about) == "not_emergency", nlu.parse(talked_about, explain=True)["why"]


@pytest.mark.parametrize("family", sorted(WEAK_FAMILIES))
def test_each_weak_family_asks_when_present_and_not_when_only_talked_about(nlu, family):
    present, talked_about = WEAK_FAMILIES[family]
    result = nlu.parse(present, explain=True)
    assert result["decision"] == "uncertain" and result["emergency_suspected"], result["why"]
    assert decision(nlu, talked_about) == "not_emergency", nlu.parse(talked_about, explain=True)["why"]


def test_every_family_has_all_four_forms_in_the_data():
    import yaml
    from nlu.redflags import DATA, FORMS

    concepts = yaml.safe_load(DATA.read_text(encoding="utf-8"))["concepts"]
    assert set(FAMILIES) | set(WEAK_FAMILIES) == set(concepts)
    assert all(concepts[c].get(form) for c in concepts for form in FORMS)


# (modifier, a text where it scopes the flag away, a text where the same flag still counts)
MODIFIERS = [
    ("negated", "我没有摔倒，放心", "我摔倒了，没有人扶我"),
    ("hypothetical", "万一晚上摔倒了起不来怎么办", "我晚上摔倒了起不来怎么办"),
    ("asked_about", "叫救护车要不要钱", "快叫救护车，我老伴倒在地上"),
    ("asked_about", "路上看到老人摔倒了要不要扶", "我老伴摔倒了，要不要先扶她起来"),
    ("historical", "我年轻时候摔过一跤，骨头断过", "昨天夜里摔倒的，到现在还起不来"),
    # (a chest told as passed is no longer scoped away, session 25: at her age still asked — test_words_s25_typed.py)
    ("resolved", "刚才厨房冒烟了，现在已经灭了", "刚才厨房冒烟，灭了一会儿，可是现在又冒烟了"),
    ("reported", "电视里说有个老人在家煤气中毒", "电视开着，我闻到一股煤气味"),
    ("figurative", "这个保健品简直是救命神药", "救命，我动不了"),
]


@pytest.mark.parametrize("modifier, scoped, present", MODIFIERS)
def test_each_modifier_scopes_a_flag_and_its_scope_ends(nlu, modifier, scoped, present):
    away = nlu.parse(scoped, explain=True)
    assert away["flags"] and all(not f["counts"] for f in away["flags"]), away["flags"]
    assert any(modifier in f["modifiers"] for f in away["flags"])
    assert away["decision"] == "not_emergency" and not away["emergency_suspected"], away["why"]
    assert decision(nlu, present) == "emergency"


def test_experiencer_someone_else_present_still_counts(nlu):
    result = nlu.parse("隔壁阿婆倒在楼梯上叫不醒", explain=True)
    assert result["decision"] == "emergency"
    assert any("experiencer:other" in f["modifiers"] and f["counts"] for f in result["flags"])
    generic = nlu.parse("老人摔倒了到底该不该扶", explain=True)
    assert generic["decision"] == "not_emergency"
    assert any("experiencer:generic" in f["modifiers"] for f in generic["flags"])


@pytest.mark.parametrize("text", ["没事，就是流了好多血", "我没事，不过半边身子麻了", "摔倒倒没有，但是胸口好痛"])
def test_contrast_words_end_the_scope(nlu, text):
    assert decision(nlu, text) == "emergency"


def test_explain_names_spans_modifiers_and_why(nlu):
    result = nlu.parse("新闻里说有个老人摔倒了", explain=True)
    assert result["flags"][0]["span"] == "摔倒" and "reported" in result["flags"][0]["modifiers"]
    assert "scoped away" in result["why"]
    assert set(nlu.parse("你好")) == {"text", "intent", "intent_ranking", "entities", "emergency_suspected"}


def test_triggering_words_for_staff(nlu):
    assert nlu.red_flag_words("没事，就是手割了个大口子，血止不住") == "血止不住"
    assert nlu.red_flag_words("新闻里说有个老人摔倒了") == ""
    assert red_flags().labels["fall"]


@pytest.mark.parametrize("text", ["我好几天没出门了，有点闷", "居委会电话打不通", "我的快递还没取", "手机没有反应了",
                                  "今天雨太大出不去了", "烟雾报警器没电了一直在叫", "我拿刀切菜划了一下，贴了创可贴",
                                  "热水器插座松了，能修一下吗", "看到有人晕倒应该怎么办", "吓出我一身冷汗"])
def test_everyday_words_near_danger_words_raise_no_flag(nlu, text):
    result = nlu.parse(text, explain=True)
    assert not [f for f in result["flags"] if f["counts"]], result["flags"]
    assert result["intent"]["name"] != "emergency", result["why"]


@pytest.mark.parametrize("text", ["我没力气起不来", "我怕是中风了，嘴歪了", "防盗门被撬了", "别人都不在，我摔倒了",
                                  "I can not get up", "我担心是心梗，胸口好痛"])
def test_words_that_look_like_negation_or_worry_do_not_scope_a_present_danger(nlu, text):
    assert decision(nlu, text) == "emergency"


@pytest.mark.parametrize("text", ["谢谢，快来，我起不来了", "麻烦你们快来，我老伴叫不醒，谢谢", "我摔倒了起不来，谢谢你们",
                                  "幸好我手机在身边，我摔倒了起不来", "感谢，我家着火了快来"])
def test_politeness_in_a_cry_for_help_is_not_thanks_for_the_past(nlu, text):
    assert decision(nlu, text) == "emergency"


@pytest.mark.parametrize("text", ["谢谢你们上次帮我叫救护车", "多亏你们那天及时赶到，我摔倒以后恢复得很好"])
def test_thanks_for_a_past_rescue_is_not_an_alarm(nlu, text):
    assert decision(nlu, text) == "not_emergency"


@pytest.mark.parametrize("text", ["我摔倒了，爬不起来，你们快点来好了", "老伴叫不醒，你们来了就好了"])
def test_a_plain_haole_is_not_recovery(nlu, text):
    assert decision(nlu, text) == "emergency"


@pytest.mark.parametrize("text", ["如果你们不来我就要死了，我起不来", "我正在看新闻，突然胸口好痛", "我在看电视，我老伴突然晕倒了"])
def test_a_condition_or_the_news_does_not_reach_a_danger_happening_now(nlu, text):
    assert decision(nlu, text) == "emergency"


def test_the_consequence_of_a_condition_is_asked_about(nlu):
    assert decision(nlu, "万一晚上摔倒了，起不来怎么办") == "not_emergency"


@pytest.mark.parametrize("text", ["我老伴晕倒了，叫救护车要多少钱？", "我摔倒了，叫救护车要钱吗", "跟上次一样胸口痛"])
def test_a_cost_question_or_a_recurrence_does_not_hide_a_present_danger(nlu, text):
    assert decision(nlu, text) == "emergency"


def test_a_dream_about_home_is_still_a_dream(nlu):
    assert decision(nlu, "我梦里我家着火了，吓死我了") == "not_emergency"
