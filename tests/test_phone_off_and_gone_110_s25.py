"""A daughter: "我爸手机关机了 人也找不到" (session 25) — his phone off AND him not found is a person missing: 110 (the
police search), not 120. A phone off or unanswered alone stays 120 (someone goes to his door)."""
import pytest
from test_family_words_s18 import wangli_says

SOS = "紧急求助 #1"


@pytest.mark.parametrize("words", ["我爸手机关机了 人也找不到", "我爸电话打不通 人也找不到了", "我妈手机关机了 到处都找不到她",
                                   "联系不上我爸 人也不见了", "我爸手机一直关机 哪里都找不到人"])
async def test_phone_off_and_him_not_found_reads_110(people, app, clock, words):
    told, staff = await wangli_says(people, app, clock, words)
    assert "110" in told and "120" not in told, told
    assert any(SOS in t for t in staff), staff


@pytest.mark.parametrize("words", ["我爸手机关机了", "我爸电话一直没人接", "我妈手机关机 打了好几次都不通"])
async def test_guard_a_phone_off_alone_still_reads_120(people, app, clock, words):
    told, staff = await wangli_says(people, app, clock, words)
    assert "120" in told and "110" not in told, told
    assert any(SOS in t for t in staff), staff


@pytest.mark.parametrize("words", ["我爸手机关机了 人也找不到", "我爸一个人住在你们小区 手机关机了 人也找不到",
                                   "我爸走丢了", "我妈老年痴呆 出门找不到了"])
async def test_a_daughter_not_signed_up_reads_110_not_120(people, app, words):
    """She read "请马上拨打120！" (or "上门去看 … 110或120") and was asked where SHE is, with the 📍 button."""
    x, li = people("路人甲"), people("李社工")
    await x.send(words)
    said = "\n".join(x.texts())
    assert "110" in said and "走失" in said and "120" not in said, said
    assert x.last().request != "location", said
    assert any("🆘" in t and "路人甲" in t for t in li.texts()), li.texts()
    await x.send("他住3号楼502")  # what she says next reaches staff, and she reads 110 again, not 120
    assert any("3号楼502" in t for t in li.texts()), li.texts()
    assert "120" not in x.last().text and x.last().request != "location", x.last().text


async def test_guard_a_stranger_herself_lost_is_asked_where_she_is(people, app):
    x = people("路人甲")
    await x.send("我迷路了 找不到家")
    assert x.last().request == "location", x.texts()


async def test_a_resident_whose_father_is_gone_reads_110_not_knock(people, app):
    """A resident's "我爸手机关机了 人也找不到" read the welfare lines ("先敲门、打电话试试") under 120: none of 110."""
    from conftest import signed_up
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("我爸手机关机了 人也找不到")
    told = zhang.last("已通知值班社工").text
    assert "110" in told and "敲门" not in told, told
