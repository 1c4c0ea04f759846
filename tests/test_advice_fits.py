"""The lines she reads under "🆘 已通知值班社工…" fit what her words say happened. Before (lead's probe, session 18):
any cry whose words named no danger got the fall's advice ("如果摔倒了…侧身躺好。如果能走动，把门锁打开。"): a sparking
power strip, belly pain, a blood pressure of 200, being shut out on the balcony, fear alone at home; bleeding got no
"press on the wound"; choking was told to lie down; carbon monoxide to lie down and keep the medicine box; smoke in
the corridor to leave home through it. Staff are alerted as before, with her words; nothing calm starts alarming."""
import pytest
from conftest import signed_up

from bot.testing.tools import Person

FALL = ("侧身", "如果摔倒了")
STILL = "坐下或躺下"


async def _cry(people, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send(words)
    alerts = [t for t in people("李社工").texts() if "紧急求助 #1" in t]
    advice = [line for t in wang.texts() if "已通知值班社工" in t for line in t.splitlines() if line.startswith("·")]
    return wang, alerts, "\n".join(advice)


FITS = [  # (her words, lines she must read, lines she must not read)
    ("插线板坏了 冒火星", ("不要碰", "电闸", "119"), FALL + ("把门锁打开",)),
    ("插座冒火花", ("不要碰", "电闸", "119"), FALL),
    ("我肚子痛得厉害", (STILL,), FALL),
    ("我血压200了", (STILL,), FALL),
    ("血压高到210了 头好晕", (STILL,), FALL),
    ("我被关在阳台上了 进不去", ("不要扒门",), FALL + ("把门锁打开",)),
    ("我一个人在家好怕", ("别慌", "不是一个人"), FALL + ("门锁",)),
    ("我流了很多血 止不住", ("按住伤口", STILL), FALL),
    ("我被狗咬了 流血了", ("按住伤口",), FALL),
    ("我手割破了 血一直流", ("按住伤口",), FALL),
    ("我吐血了", (STILL,), ("按住伤口",) + FALL),
    ("我噎住了", ("用力咳",), FALL + ("躺下",)),
    ("楼道里都是烟", ("别出门", "湿毛巾", "119"), FALL + ("马上离开家",)),
    ("走廊里有烟 门把手好烫", ("别出门", "湿毛巾", "119"), FALL + ("马上离开家",)),
    ("隔壁着火了", ("离开", "119"), FALL),
    ("水漏到插座上了", ("不要碰", "电闸"), FALL),
    ("热水器有股怪味 头晕", ("开关电灯", "窗"), FALL + (STILL,)),
    ("煤气中毒了", ("窗", "离开"), FALL + ("药盒", STILL)),
    ("热水器 一氧化碳 头痛", ("窗", "离开"), FALL + ("药盒", STILL)),
    ("打了胰岛素 手抖出冷汗", ("糖",), FALL),  # the sugar first (test below)
    ("我低血糖了 手抖", ("糖",), FALL),
    ("我髋关节摔断了", ("不要勉强起来",), ()),
    ("我在外面迷路了 天黑了", ("待在原地",), FALL + ("门锁",)),
    ("空调坏了 热得头晕", ("阴凉",), FALL),
    ("被猫抓了 流血", (), FALL),
    ("我在卫生间摔倒了起不来", ("不要勉强起来",), ()),
    ("邻居家着火了 好多烟", ("离开", "119"), FALL),
    ("我胃疼得受不了", (STILL,), FALL),
    ("电梯卡住了", ("警铃",), FALL),
    ("我眼睛突然看不见了", (STILL,), FALL),
    ("烧菜烧糊了 一屋子烟", ("离开", "119"), FALL),
    ("楼上漏水 漏到我家电灯上了", ("不要碰", "电闸"), FALL),
    ("护工今天没来 我起不了床", ("不要勉强起来",), ()),
    ("我被关在阳台上了 进不去", ("喊",), ("电梯",)),  # on a balcony: call out to the neighbours; no lift there
    ("我被困在电梯里了", ("警铃",), FALL),
    ("热死了 头晕想吐", ("阴凉",), FALL),  # dizzy in the heat: get cool first
    ("今天太热了 头晕得厉害", ("阴凉",), FALL),
    ("我坐在浴缸里出不来了", ("放掉", "保暖"), ("侧身",)),  # lying on her side in bath water: never
    ("洗澡滑倒在浴缸里 起不来", ("放掉",), ("侧身",)),
    ("我在浴缸边上摔倒了 起不来", ("侧身",), ("浴缸",)),  # on the floor beside it: the fall's
    ("锅烧干了 冒烟了", ("关掉炉火", "锅盖", "119"), FALL),  # the stove off first, not "leave home" at once
    ("炒菜锅里着火了", ("锅盖", "119"), FALL),
    ("我吃了安眠药 吃多了", ("药盒",), FALL),  # was "听到您很好，真高兴！"
    ("降压药吃了太多", ("药盒",), FALL),
    ("我吞了假牙", ("用力咳",), FALL + ("躺下",)),  # was a plain request, no alert
    ("我找不到老伴了", ("不要一个人出去找", "照片"), ("待在原地", "别再走远")),  # she is not the one lost
    ("老头子出去买菜到现在还没回来", ("不要一个人出去找",), ("待在原地",)),
    ("狗把我扑倒了", ("不要勉强起来",), ()),
    ("我被电瓶车撞倒了", ("不要勉强起来",), ()),
    ("我摔在地上一个晚上了 好冷", ("不要勉强起来", "保暖"), ()),
    ("我拨关勒阳台上了", ("喊",), FALL),  # Shanghainese: 拨 = 被, 勒 = 在
    ("天台门关上了 我出不去", ("不要扒门",), FALL),
    ("插座噼里啪啦响", ("不要碰", "电闸"), FALL),
    ("插座冒火了", ("不要碰", "电闸"), FALL),
    ("插座冒火了 烧起来了", ("马上离开家", "119"), FALL),  # burning now: the fire's lines first
    ("我刚才晕倒了 现在头很晕", (STILL,), ("陪在旁边",)),  # she fainted herself: nobody to stay with
    ("我晕过去了一下", (STILL,), ("陪在旁边",)),
    ("老伴晕倒了", ("120", "陪在旁边"), ()),
    ("我邻居晕倒了", ("120", "陪在旁边"), ()),
    ("老伴摔倒了 起不来", ("不要硬把人拉起来",), ()),  # someone else fell: don't lift him
    ("隔壁阿婆摔倒了", ("不要硬把人拉起来",), ()),
    ("我在厨房摔倒了", ("不要勉强起来",), ("拉起来",)),
    ("老伴喘不上气", ("坐起来", "不要躺平"), ("躺下",)),  # short of breath: sit up, never lie flat
    ("我喘不过气来 嘴唇发紫", ("坐起来",), ("躺下",)),
]


@pytest.mark.parametrize("words, must, never", FITS, ids=[w for w, _, _ in FITS])
async def test_her_advice_fits_what_she_says_happened_and_staff_have_her_words(people, app, words, must, never):
    wang, alerts, advice = await _cry(people, words)
    assert alerts and words in alerts[0], alerts
    assert all(w in advice for w in must), advice
    assert not any(w in advice for w in never), advice
    assert "手机" in advice or "119" in advice, advice


async def test_afraid_alone_at_home_still_reaches_staff_and_is_asked_if_someone_should_come(people, app):
    wang, alerts, advice = await _cry(people, "我一个人在家好怕")
    assert alerts and "🆘" in alerts[0]
    assert "需要马上有人来吗" in wang.texts()[-1]


@pytest.mark.parametrize("words", ["血压200吗正常吗", "上次血压200吃了药好了", "插线板要换新的吗", "我肚子有点痛",
                                   "昨天血压180 今天好了", "插线板以旧换新在哪里登记",
                                   "阳台门要修一下", "饭吃多了 胃有点胀"])
async def test_calm_words_about_blood_pressure_power_strips_or_a_belly_ache_alarm_nobody(people, app, words):
    wang, alerts, advice = await _cry(people, words)
    assert not alerts, alerts
    assert not any("已通知值班社工" in t for t in wang.texts())


async def test_low_blood_sugar_with_a_cold_sweat_is_told_to_eat_sugar_first(people, app):
    wang, alerts, advice = await _cry(people, "打了胰岛素 手抖出冷汗")
    assert "糖" in advice.splitlines()[0], advice


async def test_afraid_after_the_sos_button_is_told_she_is_not_alone(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    await wang.send("我好怕")
    assert "不是一个人" in wang.inbox[-1].text and "侧身" not in wang.inbox[-1].text


async def test_a_staff_member_at_a_sparking_power_strip_is_told_what_to_do_meanwhile(people, app):
    li = people("李社工")
    await li.send("救命 我这里插线板冒火花了")
    assert (await app.svc.store.incident(1))["kind"] == "colleague"
    assert any("电闸" in t and "不要碰" in t for t in li.texts()), li.texts()


async def test_an_english_speaker_with_a_sparking_socket_is_told_in_english(app):
    wang = await signed_up(Person(app, 5079, "王老伯", language="en"), "13900000002")
    await wang.send("help, sparks coming out of the socket")
    told = wang.last("mains").text
    assert "Do not touch it" in told and "roll onto your side" not in told


@pytest.mark.parametrize("words, must, never", [("there is smoke in the corridor", "do not go out", "Leave your flat"),
                                                ("I'm choking", "cough hard", "lie down"),
                                                ("I'm bleeding a lot", "Press hard on the wound", "roll onto")])
async def test_an_english_speaker_is_told_what_fits_in_english(app, words, must, never):
    wang = await signed_up(Person(app, 5080, "王老伯", language="en"), "13900000002")
    await wang.send(words)
    told = wang.last("has been told").text
    assert must in told and never not in told, told


@pytest.mark.parametrize("words", ["我好怕 外面有声音", "半夜门口有动静 我好害怕", "外面有人走来走去 我很怕",
                                   "我一个人在家 听到窗外有响声 吓死了", "我吓煞了 外头有声音",
                                   "有人在门口 我好怕"])
async def test_frightened_by_a_noise_outside_reaches_staff_and_she_keeps_the_door_shut(people, app, words):
    """"我好怕 外面有声音" got only "也可以按这里，把您的话转给社工" (lead's probe, session 18): it may be a break-in."""
    wang, alerts, advice = await _cry(people, words)
    assert alerts and words in alerts[0], alerts
    assert "不要开门" in advice and "110" in advice and "不是一个人" in advice, advice
    assert "需要马上有人来吗" in wang.texts()[-1]


@pytest.mark.parametrize("words", ["楼上装修声音好吵", "我怕冷", "外面放鞭炮 声音好响", "外面有声音吗",
                                   "小时候一个人在家听到外面有动静好害怕",
                                   "外面放鞭炮噼里啪啦响"])
async def test_noises_or_fears_told_calmly_alarm_nobody(people, app, words):
    wang, alerts, advice = await _cry(people, words)
    assert not alerts, alerts


@pytest.mark.parametrize("words", ["隔壁阿婆摔倒了", "老伴摔倒了 她起不来", "我老太婆晕倒了", "那我老伴呢 她刚摔倒了",
                                   "我找不到老伴了", "老伴触电了"])
async def test_advice_about_someone_else_never_calls_her_him(people, app, words):
    """"隔壁阿婆摔倒了" read "不要硬把他拉起来" (lost or shocked, "他" too); the lines about someone else now name
    nobody's sex."""
    wang, alerts, advice = await _cry(people, words)
    assert alerts and advice, (alerts, advice)
    assert "他" not in advice, advice
