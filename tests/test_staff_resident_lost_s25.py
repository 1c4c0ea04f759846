"""A staff member typing that a resident is lost ("王老伯找不到了", session 25) was not offered his 🆘 as for "王老伯摔倒了":
a lost old man is a cry (110, the search), so she now gets the one tap [🆘 为王老伯发起紧急求助] too."""
import pytest


@pytest.mark.parametrize("words", ["王老伯找不到了", "王老伯走丢了", "王老伯不见了", "王老伯早上出门到现在还没回来"])
async def test_staff_told_a_resident_is_lost_get_one_tap_for_his_emergency(people, app, words):
    li = people("李社工")
    await li.send(words)
    offer = li.last()
    assert any("为王老伯发起紧急求助" in label for label, _ in offer.buttons), (offer.text, offer.buttons)
    await li.click(offer, "为王老伯发起紧急求助")
    assert any("紧急求助 #1" in t and "王老伯" in t for t in li.texts()), li.texts()


async def test_guard_staff_saying_they_cannot_find_a_file_get_no_emergency(people, app):
    li = people("李社工")
    await li.send("王老伯的表格找不到了")
    assert not any("发起紧急求助" in label for label, _ in li.last().buttons), li.last().buttons
