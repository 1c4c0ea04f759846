"""What a resident is told to do meanwhile, after a typed cry: advice for what happened, not always the fall's.
"着火了 救命" was told to lie down on their side, "有煤气味" to unlock the door, "我不想活了" not to force themselves up."""
import pytest
from conftest import signed_up

from bot.testing.tools import Person

FALL_LINES = ("侧身", "不要勉强起来")


async def told_after(people, words: str, name="王老伯", phone="13900000002") -> list[str]:
    """The advice lines (after "已通知值班社工 …") a resident reads after typing `words`."""
    resident = await signed_up(people(name), phone)
    await resident.send(words)
    return [line for line in resident.last("已通知值班社工").text.splitlines() if line.startswith("·")]


async def test_a_resident_whose_flat_is_on_fire_is_told_to_leave_not_to_lie_down(people, app):
    lines = await told_after(people, "着火了 救命")
    told = "\n".join(lines)
    assert not any(w in told for w in FALL_LINES)
    assert "离开" in lines[0] and "电梯" in told and "119" in told


async def test_a_resident_smelling_gas_is_told_not_to_use_switches_and_to_leave(people, app):
    lines = await told_after(people, "有煤气味")
    told = "\n".join(lines)
    assert not any(w in told for w in FALL_LINES) and "门锁" not in told
    switches = [line for line in lines if any(w in line for w in ("开关", "电灯", "电器", "灯"))]
    assert switches and all("不要" in line for line in switches)  # only ever: do not touch them
    assert "开窗" in told and "119" in told and "离开" in told


async def test_an_intruder_means_lock_yourself_in_and_call_110(people, app):
    told = "\n".join(await told_after(people, "有人在撬门，快来人"))
    assert "110" in told and "锁" in told and not any(w in told for w in FALL_LINES)


@pytest.mark.parametrize("words", ["胸口好痛，出冷汗", "我嘴歪了，说话不清", "我喘不上气"])
async def test_chest_pain_stroke_or_breathlessness_means_sit_or_lie_still_not_walk(people, app, words):
    told = "\n".join(await told_after(people, words))
    assert "不要走动" in told and "手机" in told
    assert not any(w in told for w in FALL_LINES)
    assert "如果能走动，把门锁打开" not in told  # the door only if it is safe, not "if you can walk"


async def test_someone_who_wants_to_die_is_told_gently_that_a_person_is_coming(people, app):
    told = "\n".join(await told_after(people, "我不想活了"))
    assert "不是一个人" in told and "021-64370000" in told
    assert not any(w in told for w in FALL_LINES) and "门锁" not in told


async def test_a_fall_and_a_fire_together_get_the_fire_first_and_no_more_than_four_lines(people, app):
    lines = await told_after(people, "救命 我摔倒了 厨房着火了")
    assert "离开" in lines[0] and 0 < len(lines) <= 4
    assert "不要勉强起来" not in "\n".join(lines)  # "stay down" would contradict "leave now"


@pytest.mark.parametrize("words", ["救命", "🆘 紧急求助", "我摔倒了起不来"])
async def test_a_plain_cry_the_sos_button_and_a_fall_keep_today_s_advice(people, app, words):
    told = "\n".join(await told_after(people, words))
    assert "侧身" in told and "门锁" in told and "手机" in told


async def test_an_english_speaker_on_fire_is_told_in_english(app):
    wang = await signed_up(Person(app, 5078, "王老伯", language="en"), "13900000002")
    await wang.send("fire! help me")
    told = wang.last("119").text
    assert "lift" in told and "roll onto your side" not in told


@pytest.mark.parametrize("kind", ["photo", "voice"])
async def test_a_cry_in_a_caption_gets_the_advice_for_its_words_not_the_falls(people, app, kind):
    """A photo of the smoke captioned "着火了 救命" was told to lie on its side and wait by the door."""
    resident = await signed_up(people("王老伯"), "13900000002")
    await resident.send_kind(kind, caption="着火了 救命")
    told = "\n".join(line for line in resident.last("已通知值班社工").text.splitlines() if line.startswith("·"))
    assert not any(w in told for w in FALL_LINES)
    assert "离开" in told and "119" in told
    assert "紧急求助 #1" in people("李社工").last("紧急求助").text


async def test_the_sos_button_without_words_still_gets_the_falls_advice(people, app):
    resident = await signed_up(people("王老伯"), "13900000002")
    await resident.send("🆘 紧急求助")
    told = resident.last("已通知值班社工").text
    assert any(w in told for w in FALL_LINES)
