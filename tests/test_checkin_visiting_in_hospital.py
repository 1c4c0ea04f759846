"""Asked "今天身体好吗？", she says she is at the hospital with her husband (session 21's probe): "在医院陪我老头子" raised a
full 🆘 and "您需要马上有人来吗？"; "我在医院看我老伴" read "看病顺利！" as if she were the patient; "我在医院陪老伴" opened a
request of no kind. She is well and busy today: her check-in is fine, staff hear quietly where she is (he is in
hospital: she may need a hand at home), and she reads a kind word about it."""
import pytest
from conftest import TUESDAY_9, at, enrolled

VISITING = ["在医院陪我老头子", "我在医院看我老伴", "我在医院陪老伴", "今天去医院看我女儿", "I'm visiting my husband in hospital"]


@pytest.mark.parametrize("words", VISITING)
async def test_with_someone_at_the_hospital_is_fine_today_and_staff_hear_quietly(people, app, clock, words):
    zhang, rid = await enrolled(people, app)
    await at(app, clock, TUESDAY_9)
    n = len(zhang.texts())
    await zhang.send(words)
    she, staff = " ".join(zhang.texts()[n:]), people("李社工").texts()
    assert (await app.svc.checkins.state(rid)).answer == "ok", she
    assert not any("紧急求助" in t for t in staff), staff
    assert "看病顺利" not in she and "需要马上有人来" not in she, she
    assert "陪" in she or "visit" in she.lower(), she
    assert any(words in t for t in staff if "求助 #1" in t), staff


@pytest.mark.parametrize("words", ["我在医院陪老伴 我自己也头晕得厉害", "在医院陪老伴 我摔了一跤起不来"])
async def test_guard_her_own_trouble_beside_it_is_read_as_usual(people, app, clock, words):
    zhang, rid = await enrolled(people, app)
    await at(app, clock, TUESDAY_9)
    await zhang.send(words)
    assert (await app.svc.checkins.state(rid)).answer != "ok"


@pytest.mark.parametrize("words", ["在医院陪我老头子", "老伴住院了 我在医院陪他"])
async def test_at_the_front_door_too_she_is_no_emergency(people, app, words):
    """"在医院陪我老头子" at any hour raised a full 🆘; "老伴住院了 我在医院陪他" read "您一个人在家要多保重"."""
    from conftest import signed_up
    zhang = await signed_up(people("张阿姨"), "13900000001")
    n = len(zhang.texts())
    await zhang.send(words)
    she, staff = " ".join(zhang.texts()[n:]), people("李社工").texts()
    assert not any("紧急求助" in t for t in staff), staff
    assert "一个人在家" not in she and "陪家人" in she, she
    assert any(words in t for t in staff if "求助 #1" in t), staff
