"""A daughter back from a visit, "我今天去看了我爸 他腿肿了走不动", read only "没太明白" and one tap [📨 转给社工]: a worry
about her father's health waited on her tapping (session 24), while "我爸头晕了" reaches staff at once. Now what she
saw of his health reaches staff as unwell on him (a request, no 🆘) and she reads that they will follow up."""
import pytest
from conftest import signed_up


@pytest.mark.parametrize("words", ["我今天去看了我爸 他腿肿了走不动", "我刚去看了我爸 他脚肿得厉害",
                                   "昨天去看我爸 他腿肿了走不动路"])
async def test_what_she_saw_of_his_health_on_a_visit_reaches_staff(people, app, words):
    wangli = await signed_up(people("王丽"), "13911110002")
    await wangli.send(words)
    staff = people("李社工").texts()
    told = "\n".join(m.text for m in wangli.inbox[-3:])
    assert any(words in t and "王老伯" in t and "身体不舒服" in t for t in staff if "求助 #1" in t), (told, staff)
    assert not any("紧急求助" in t for t in staff), staff
    told = "\n".join(m.text for m in wangli.inbox[-3:])
    assert "没太明白" not in told and "社工" in told, told


async def test_his_dizziness_still_reaches_staff(people, app):  # guard: as before
    wangli = await signed_up(people("王丽"), "13911110002")
    await wangli.send("我爸头晕了")
    assert any("王老伯" in t for t in people("李社工").texts())
