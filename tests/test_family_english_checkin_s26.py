"""His daughter abroad asks in English (session 26): "Did my father check in today?" reached staff as a request
('✏️ 其他': someone would go and see him) and she read that staff would contact her, while "我爸今天签到了吗" is
answered at once from his check-in. Now the English question is answered the same way, and nobody is paged."""
import pytest

from conftest import signed_up


@pytest.mark.parametrize("words", ["Did my father check in today?", "has my dad checked in today", "How is my dad today?"])
async def test_her_english_question_is_answered_from_his_check_in(people, app, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    await app.svc.checkins.enrol((await app.svc.store.resident_by_tg(wang.id))["id"])
    daughter, li = await signed_up(people("王丽"), "13911110002"), people("李社工")
    await daughter.send(words)
    assert li.texts() == [], li.texts()
    assert "王老伯" in daughter.texts()[-2] + daughter.texts()[-1], daughter.texts()


async def test_guard_her_english_request_to_visit_still_reaches_staff(people, app):
    await signed_up(people("王老伯"), "13900000002")
    daughter, li = await signed_up(people("王丽"), "13911110002"), people("李社工")
    await daughter.send("He didn't check in, could you please go and see him?")
    assert any("王老伯" in t for t in li.texts()), li.texts()
