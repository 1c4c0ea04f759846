"""What a daughter types about her father, probed in session 19. "阿拉爷今朝勿接电话" (Shanghainese: my father has not
answered the phone all day) and "我爸今天一直不接电话" reached staff as a quiet request ("✏️ 其他") — a man who may lie
on the floor, no one hurrying; "我爸今天精神不太好" got "没太明白" and a button to tap."""
import pytest
from conftest import signed_up

SOS, REQ = "紧急求助 #1", "求助 #1"


async def _wangli_says(people, words):
    wangli = await signed_up(people("王丽"), "13911110002")
    n = len(wangli.texts())
    await wangli.send(words)
    return " ".join(wangli.texts()[n:]), people("李社工").texts()


@pytest.mark.parametrize("words", ["阿拉爷今朝勿接电话", "阿拉爷一日天勿接电话", "我爸今天一直不接电话",
                                   "阿拉爸爸今朝勿接电话"])
async def test_no_answer_from_him_all_day_alerts_at_once(people, app, words):
    told, staff = await _wangli_says(people, words)
    assert any(SOS in t and words in t for t in staff), staff
    assert "已通知值班社工" in told, told


@pytest.mark.parametrize("words", ["我爸今天精神不太好", "我爸这几天精神很差"])
async def test_his_low_spirits_reach_staff_not_没太明白(people, app, words):
    told, staff = await _wangli_says(people, words)
    assert any(words in t for t in staff if "#1" in t), staff
    assert "没太明白" not in told and "王老伯" in told, told


@pytest.mark.parametrize("words", ["我哥今天一直不接电话", "我哥哥电话打不通", "阿哥今朝勿接电话", "我哥一天都没接电话"])
async def test_his_sister_saying_he_does_not_answer_alerts_at_once(people, app, words):
    """王秀英, his sister on the register: "我哥…不接电话" was a quiet request (🤒), a brother read as no one's."""
    sister = await signed_up(people("王秀英"), "13911110012")
    await sister.send(words)
    staff = people("李社工").texts()
    assert any(SOS in t and words in t for t in staff), staff
    assert "已通知值班社工" in sister.last("已通知").text


@pytest.mark.parametrize("words", ["王老伯说他胸口疼", "我的病人王老伯电话打不通"])
async def test_a_doctors_cry_naming_her_patient_is_about_him_at_once(people, app, words):
    """赵医生 looks out for 张阿姨 and 王老伯: a cry that names 王老伯 showed staff both, and asked her which."""
    doctor = await signed_up(people("赵医生"), "13922220001")
    await doctor.send(words)
    packet = people("李社工").last(SOS).text
    assert "王老伯" in packet and "张阿姨" not in packet and "是哪一位" not in packet, packet
    assert "王老伯" in doctor.last("已通知").text and "是哪一位" not in doctor.last("已通知").text


@pytest.mark.parametrize("words", ["I'm worried my dad has fallen", "I think my father has fallen", "my dad has fallen"])
async def test_in_english_a_fall_he_may_have_had_alerts_at_once(people, app, words):
    """"I'm worried my dad has fallen" was a quiet request: "has fallen" was no red flag for him."""
    told, staff = await _wangli_says(people, words)
    assert any(SOS in t and words in t for t in staff), staff
    assert "已通知值班社工" in told, told
