"""Probe of session 26, family members and strangers:

- His daughter on the phone with him heard a thud, then nothing: "我刚才给我爸打电话 听到咚的一声 然后就没声音了" read
  "没太明白您的意思" and nobody heard; "I heard a thud on the phone and my dad stopped answering" read "有紧急情况时，
  居委会会通知您". A fall as it happens, heard from far away: now his call (staff alerted).
- A stranger with an old man lost in the street: "路上有个老人迷路了 说不清住哪里", "小区门口有个老伯 不记得家在哪" went to
  staff as a paced question; "我在菜场门口看到一个老太太 好像走丢了" raised a call but she read "🚑 情况危急请马上拨打120！";
  "我捡到一个老人 他说他叫王老伯" opened his call but she read 120 and was never asked where they are. Now a call, and she
  reads to stay with the old person, 110 to help find the family, and is asked where they are (📍 button): what she
  says next reaches the staff on the call. She never reads his address or phone."""
import pytest

from conftest import signed_up

THUDS = ["我刚才给我爸打电话 听到咚的一声 然后就没声音了", "I heard a thud on the phone and my dad stopped answering"]


@pytest.mark.parametrize("words", THUDS)
async def test_a_thud_heard_on_the_phone_is_his_call(people, app, words):
    await signed_up(people("王老伯"), "13900000002")
    daughter, li = await signed_up(people("王丽"), "13911110002"), people("李社工")
    await daughter.send(words)
    alert = li.last("紧急求助 #1").text
    assert "王老伯" in alert and words in alert, li.texts()
    assert "120" in daughter.last().text or "120" in "\n".join(daughter.texts()[-2:]), daughter.texts()


FOUND = ["路上有个老人迷路了 说不清住哪里", "小区门口有个老伯 不记得家在哪", "我在菜场门口看到一个老太太 好像走丢了 一直在哭",
         "There is an old man lost in the street, he doesn't know where he lives",
         "I found an elderly lady who seems lost near the gate"]


@pytest.mark.parametrize("words", FOUND)
async def test_a_stranger_with_a_lost_old_person_is_told_to_stay_and_asked_where(people, app, words):
    x, li = people("路人甲"), people("李社工")
    await x.send(words)
    assert "紧急求助 #1" in "\n".join(li.texts()), li.texts()
    said = "\n".join(x.texts())
    assert ("陪着" in said or "stay with" in said) and "110" in said and "021-64370000" in said, said
    assert "情况危急请马上拨打120" not in said, said
    assert x.last().request == "location", x.texts()
    await x.send("在天平路菜场门口")
    assert any("天平路菜场门口" in t for t in li.texts()), li.texts()
    assert ("陪着" in x.last().text or "stay with" in x.last().text) and "情况危急" not in x.last().text, x.last().text


async def test_a_stranger_who_found_a_resident_is_asked_where_they_are_and_reads_none_of_his_data(people, app):
    x, li = people("路人甲"), people("李社工")
    await x.send("我捡到一个老人 他说他叫王老伯 住5号楼")
    alert = li.last("紧急求助 #1").text
    assert "王老伯" in alert and "302" in alert, alert
    said = "\n".join(x.texts())
    assert "陪着" in said and "110" in said and "302" not in said and "13900000002" not in said, said
    assert x.last().request == "location", x.texts()
    await x.send("在天平路菜场门口")
    assert any("天平路菜场门口" in t for t in li.texts()), li.texts()
