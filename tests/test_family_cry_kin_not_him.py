"""王丽, the daughter of 王老伯 (registered, living alone), writes "我妈摔倒了". Before (session 20 probe): staff read
"🆘🆘 紧急求助 #1 👤 王老伯" — he had fallen, for all they could see — and she read "他们会马上联系王老伯". Her mother
is not him: she may be his wife (on the register as his contact), or live elsewhere. The call stays on his record (his
home may be where she is, and his family are hers), but staff read loudly that she said her mother, not 王老伯, and to
phone her first to ask who and where — with his wife's name and phone when the register has her; and she reads that
staff will phone her to ask. "我爸摔倒了" about him reads as before."""
import pytest
from conftest import signed_up

from bot.testing.tools import Person


async def _cry(people, app, words, wife: bool = False):
    await signed_up(people("王老伯"), "13900000002")
    if wife:
        store = app.svc.store
        person = await store.resident(await store.resident_id_by_phone("13900000002"))
        person["contacts"].append({"name": "李桂英", "relation": "妻子", "phone": "13911110022"})
        await store.save_resident(person)
    wangli = await signed_up(people("王丽"), "13911110002")
    await wangli.send(words)
    return wangli, Person(app, 1001).last("紧急求助 #1").text


async def test_her_mother_fallen_is_not_told_to_staff_as_her_father(people, app):
    wangli, alert = await _cry(people, app, "我妈摔倒了")
    assert "“我妈”" in alert and "不是王老伯" in alert and "问清" in alert, alert
    told = wangli.texts()[-1]
    assert "120" in told and "联系王老伯" not in told and "问清" in told, told


async def test_her_mother_registered_as_his_wife_is_named_to_staff(people, app):
    wangli, alert = await _cry(people, app, "我妈摔倒了起不来", wife=True)
    assert "不是王老伯" in alert and "李桂英" in alert and "13911110022" in alert.split("不是王老伯")[1], alert


@pytest.mark.parametrize("words", ["我爸摔倒了", "我妈说我爸摔倒了"])
async def test_her_father_fallen_reads_as_before(people, app, words):
    wangli, alert = await _cry(people, app, words)
    assert "不是王老伯" not in alert, alert
    assert "联系王老伯" in wangli.texts()[-1]
