"""His daughter asks to stop or start his daily greetings (session 26): "不要再给我爸发问候了", "请恢复给我爸的每天问候",
"please stop the daily greetings for my dad" reached staff as '✏️ 其他' and she read that staff would go and see him —
nobody had asked for a visit, and staff could not tell what she wanted done. Now staff read it as a change to his
greetings, to settle with him, and she reads that staff will check with him before changing them."""
import pytest

from conftest import signed_up


@pytest.mark.parametrize("words", ["不要再给我爸发问候了", "请恢复给我爸的每天问候", "please stop the daily greetings for my dad",
                                   "Please stop sending my dad the daily check-in messages"])
async def test_her_wish_to_change_his_greetings_reaches_staff_as_such(people, app, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    await app.svc.checkins.enrol((await app.svc.store.resident_by_tg(wang.id))["id"])
    daughter, li = await signed_up(people("王丽"), "13911110002"), people("李社工")
    await daughter.send(words)
    got = [t for t in li.texts() if words in t]
    assert got and "问候" in got[0] and "✏️ 其他" not in got[0], li.texts()
    said = daughter.last().text
    assert "确认" in said and "去看" not in said, said
