"""A daughter's worry that is no emergency (session 18): "我爸一个人在家我不放心", "我爸又忘记吃药了", "我爸在电话里哭"
raised a 🆘 to staff (the model leans to "emergency" on any "我爸…" it cannot place, and a family contact's unsure
words alarmed); a scam told as over ("有人让他转账 他没转 挂掉了") alarmed as one under way. Now staff get them as a
request (they see her words and follow up, no 🆘) and she reads kindly that they will; a danger beside the worry
("哭着说摔倒了", "电话里说胸口疼"), a scam under way and a child who cannot say what happened still alarm."""
import pytest
from conftest import TUESDAY_9, at, enrolled, signed_up

SOS, REQ = "紧急求助 #1", "求助 #1"

CALM = [  # were 🆘 (but for the four in the fourth line)
    "我爸一个人在家我不放心", "我爸又忘记吃药了", "我爸在电话里哭", "我爸在电话里一直哭", "我爸药又忘记吃了",
    "我爸一个人在家 我不放心 他有高血压", "阿拉爸爸一家头在屋里 我老担心的", "我爸血压药忘了吃了",
    "我爸年纪大了一个人住 你们多关心",
    "我爸一个人在家 我很担心", "我妈一个人住我放心不下", "我妈又忘吃降压药了", "我妈一个人在屋里厢 我勿放心",
    "我爸不肯去医院", "我爸家的插线板很旧了", "我爸一个人在家 我怕他出事",          # (probe) were 🆘
    "我爸一個人在家我不放心", "我爸在電話裡哭",                                   # (probe) traditional: were 🆘
]
SCAM_OVER = [  # were 🆘: the call is over, he did not pay
    "我爸说有人让他转账 他没转 挂掉了", "有人打电话让我爸转账 还好他没转", "有骗子让我爸汇款 他把电话挂了",
    "我爸说有人冒充公安让他转钱 他没上当",
    "我爸差点被骗", "我爸说骗子打电话来 他没理", "我爸说接到一个电话说他医保卡冻结了 我让他挂了",  # (probe) were 🆘
]
STILL_URGENT = [  # a danger beside the worry, a scam under way, or she cannot tell what happened
    "我爸在电话里哭着说摔倒了", "我爸电话里说胸口疼", "我爸哭着说不想活了", "我爸在电话里哭 说不清楚怎么了",
    "我爸在电话里哭 不知道出什么事了", "我爸一个人在家 电话打不通", "我爸正在给骗子转账", "有人让我爸马上转账",
    "有人打电话让我爸转账 他还没转 快去拦一下", "我爸一个人在家 说头晕得站不住",
    "我爸一个人在家 门口有人一直敲门",                # (probe) a stranger at the door
    "我爸家的插线板很旧了 刚才冒火花", "我爸家的插线板烧焦了",
    "我爸刚才电话里一直哭 我问他怎么了他也不说",       # (probe) was "没太明白"
    "我妈一个人在家 忘了关火出门了", "我爸一个人在家 门都打不开", "我爸在电话里哭 说有人在他家",
    "我爸在电话里哭 一直说对不起 感觉不对", "我爸哭着说 他把钱都给了一个人",   # 🆘, and kept so (an early draft calmed them)
]


async def wangli_says(people, app, clock, words, enrol=True):
    """Tuesday 09:00, 王丽 (his daughter, signed up) writes `words` about 王老伯 (enrolled in the check-in unless
    `enrol` is False): what she reads, and all 李社工 has read."""
    if enrol:
        await enrolled(people, app, "王老伯", "13900000002")
    await at(app, clock, TUESDAY_9)
    wangli = await signed_up(people("王丽"), "13911110002")
    n = len(wangli.texts())
    await wangli.send(words)
    return " ".join(wangli.texts()[n:]), people("李社工").texts()


@pytest.mark.parametrize("words", CALM + SCAM_OVER)
async def test_a_daughters_worry_reaches_staff_as_a_request_not_a_sos(people, app, clock, words):
    told, staff = await wangli_says(people, app, clock, words)
    got = [t for t in staff if REQ in t]
    assert got and words in got[0] and "王老伯" in got[0], staff
    assert not any(SOS in t or "🆘" in t for t in staff), staff
    assert "社工" in told and "王老伯" in told and "021-64370000" in told, told
    assert "🆘" not in told and "没太明白" not in told, told


@pytest.mark.parametrize("words", SCAM_OVER)
async def test_staff_read_that_the_scam_call_is_over_and_she_is_told_so(people, app, clock, words):
    told, staff = await wangli_says(people, app, clock, words)
    assert any("诈骗" in t and words in t for t in staff), staff
    assert "诈骗" in told, told


@pytest.mark.parametrize("words", STILL_URGENT)
async def test_a_danger_told_with_a_worry_still_alerts_staff_at_once(people, app, clock, words):
    told, staff = await wangli_says(people, app, clock, words)
    got = [t for t in staff if SOS in t]
    assert got and words in got[0], staff
    assert "已通知值班社工" in told, told


@pytest.mark.parametrize("words, number", [("我爸被人骗了好几万", "110"), ("我爸哭着说有人要他转钱", "110"),
                                           ("我妈说有人敲门说是煤气公司的", "别开门")])  # were "情况危急请马上拨打120"
async def test_a_scam_or_a_stranger_at_the_door_tells_her_the_number_that_fits(people, app, clock, words, number):
    told, staff = await wangli_says(people, app, clock, words)
    assert any(SOS in t for t in staff), staff
    assert number in told and "120" not in told, told


@pytest.mark.parametrize("words", ["我爸电话里声音不对", "我爸电话里声音听起来不对劲"])  # the first was "没太明白"
async def test_a_voice_that_sounds_wrong_reaches_staff(people, app, clock, words):
    told, staff = await wangli_says(people, app, clock, words)
    assert any(words in t for t in staff if "#1" in t), staff
    assert "没太明白" not in told, told


async def test_a_worry_about_his_pension_is_a_question_for_staff(people, app, clock):
    told, staff = await wangli_says(people, app, clock, "我爸担心他的养老金")  # was a "不放心" request
    assert any("问题" in t and "我爸担心他的养老金" in t for t in staff), staff


@pytest.mark.parametrize("words", [
    "我姆妈勿接电话 一日天了",                        # Shanghainese: was a quiet request
    "我爸被保健品推销的骗了 现在还在那里听讲座",          # a scam under way: was a 🤒 request
    "有人冒充我给我爸打电话要钱",                      # was a quiet request
])
async def test_probed_cries_in_dialect_or_a_scam_told_plainly_alert_staff(people, app, clock, words):
    told, staff = await wangli_says(people, app, clock, words)
    got = [t for t in staff if SOS in t]
    assert got and words in got[0], staff
    assert "已通知值班社工" in told, told


@pytest.mark.parametrize("words", ["有人让我爸转账 我爸没理解 还在弄", "有人让我爸转账 他电话没信号了"])
async def test_words_that_only_look_like_a_scam_told_over_still_alert(people, app, clock, words):
    told, staff = await wangli_says(people, app, clock, words)  # 没理解, 没信号: not 没理, 没信
    assert any(SOS in t and words in t for t in staff), staff



async def test_a_stranger_in_her_home_alerts_by_its_words_not_by_the_models_leaning(people, app):
    """Session 20: new training rows moved the model off "我爸在电话里哭 说有人在他家" (no red flag, 0.24) and it stopped
    alerting (the table above caught it). Someone in the home is now a red flag of its own."""
    from conftest import signed_up
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("有个陌生人在我家")
    assert SOS in people("李社工").last("#1").text


async def test_guard_someone_at_her_home_for_dinner_pages_nobody(people, app):
    from conftest import signed_up
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("今天有人在我家吃饭")
    assert not any(SOS in t for t in people("李社工").texts())
