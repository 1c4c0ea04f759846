"""A family doctor of two (张阿姨 in 3号楼602, 王老伯 in 5号楼302) asking "602的老太太怎么样" was asked "想问哪一位的情
况？" although the door names one of hers; a son asking after "302的老伯" (not his mother's door) read his mother's
check-in as if it were the answer. A door said picks whom of theirs the question is about, as a name does."""
import pytest
from conftest import enrolled, signed_up


@pytest.mark.parametrize("words", ["602的老太太怎么样", "3号楼602的老太太怎么样", "602室的阿姨今天签到了吗"])
async def test_a_doctor_of_two_asking_by_door_hears_about_the_one_there(people, app, words):
    await enrolled(people, app)
    zhao = await signed_up(people("赵医生"), "13922220001")
    await zhao.send(words)
    assert not any("哪一位" in t for t in zhao.texts())
    assert "张阿姨今天的签到" in zhao.last("签到").text and "王老伯" not in zhao.last("签到").text


async def test_a_son_asking_after_another_door_is_not_told_his_mothers_check_in(people, app):
    await enrolled(people, app)
    ming = await signed_up(people("张明"), "13911110001")
    await ming.send("302的老伯今天签到了吗")
    assert not any("张阿姨今天的签到" in t for t in ming.texts())
    assert "只能告诉您张阿姨的情况" in ming.last().text


async def test_a_son_asking_by_his_mothers_door_hears_about_her(people, app):
    """Guard: linked to one, her door names her."""
    await enrolled(people, app)
    ming = await signed_up(people("张明"), "13911110001")
    await ming.send("602的老太太怎么样")
    assert "张阿姨今天的签到" in ming.last("签到").text
