"""A courier at a door nobody opens (session 25 probe): "你好我是快递员 送件给5号楼302 敲门没人开 电话也不接" got only the
sign-up welcome and staff heard nothing — 5号楼302 is 王老伯, 89 and living alone. A stranger naming a door, or a door
nobody answers, tells of someone else: staff hear it (paced, as any stranger's word of someone else), marked as from a
worker when they say they are one."""
import pytest

WORDS = ["你好我是快递员 送件给5号楼302 敲门没人开 电话也不接", "送外卖的 3号楼602敲门没人应", "5号楼302敲门一直没人开"]


@pytest.mark.parametrize("words", WORDS)
async def test_a_door_nobody_opens_reaches_staff(people, app, words):
    someone, li = people("小马"), people("李社工")
    await someone.send(words)
    assert any(words in t and "小马" in t for t in li.texts()), li.texts()
    assert "已" in someone.last().text and "认一认您" not in someone.last().text, someone.texts()
