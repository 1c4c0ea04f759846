"""Numbers typed alone and an ambulance declined.

Before: "110" and "119" typed alone were "没太明白" (someone who types the police's or the fire brigade's number is in
trouble and thinks the bot dials it); "12345" was "如果要修改登记的地址…"; "不用叫救护车" and "我没事 不用叫120" raised
a 🆘 alert ("🚑 情况危急请马上拨打120") — the opposite of what was said — and on an open call "我又提醒了他们一次"."""
import pytest
from conftest import signed_up


async def _wang(people):
    return await signed_up(people("王老伯"), "13900000002")


@pytest.mark.parametrize("number, told", [("110", "110"), ("119", "119"), ("120", "120"), ("１１０", "110")])
async def test_an_emergency_number_typed_alone_is_a_cry_and_says_to_dial_it(people, app, number, told):
    wang = await _wang(people)
    await wang.send(number)
    assert any("紧急求助 #1" in t for t in people("李社工").texts())
    assert any(f"打{told}" in t or f"拨打{told}" in t for t in wang.texts())


@pytest.mark.parametrize("number", ["12345", "12333"])
async def test_a_hotline_typed_alone_is_told_to_be_dialled(people, app, number):
    wang = await _wang(people)
    await wang.send(number)
    told = wang.last().text
    assert f"拨打{number}" in told and "地址" not in told
    assert not any("#1" in t for t in people("李社工").texts())


@pytest.mark.parametrize("words", ["不用叫救护车", "我没事 不用叫120", "不要叫120", "不需要叫救护车"])
async def test_an_ambulance_declined_is_no_alarm_but_staff_still_hear_it(people, app, words):
    wang = await _wang(people)
    await wang.send(words)
    staff = people("李社工").texts()
    assert not any("紧急求助" in t for t in staff)
    assert any("求助 #1" in t and words in t for t in staff)
    told = "\n".join(wang.texts())
    assert "情况危急" not in told and "打电话问问您" in wang.last().text


@pytest.mark.parametrize("words", ["我摔倒了起不来 不用叫救护车", "不要 快叫救护车", "快叫120"])
async def test_a_cry_beside_a_declined_ambulance_is_still_a_cry(people, app, words):
    wang = await _wang(people)
    await wang.send(words)
    assert any("紧急求助 #1" in t for t in people("李社工").texts())


async def test_an_ambulance_declined_on_an_open_call_reaches_its_staff_and_the_call_stays(people, app):
    wang = await _wang(people)
    await wang.send("🆘 紧急求助")
    await wang.click(wang.last("地址"), "对")
    await wang.send("不用叫救护车")
    lines = people("李社工").texts()
    assert any("#1" in t and "不用叫救护车" in t and "又说" in t for t in lines)
    assert not any("又发来求助" in t for t in lines)
    assert not any("又提醒" in t for t in wang.texts())
    assert (await app.svc.store.incident(1))["status"] == "open"


async def test_life_not_worth_living_reaches_staff(people, app):
    wang = await _wang(people)
    await wang.send("活着有什么意思")
    assert any("求助 #1" in t for t in people("李社工").texts())


@pytest.mark.parametrize("room", ["120", "110", "119"])
async def test_a_bare_number_typed_where_the_address_is_asked_is_the_address_not_another_cry(people, app, room):
    wang = await _wang(people)
    await wang.send("🆘 紧急求助")
    await wang.click(wang.last("地址"), "不对")
    await wang.send(room)
    assert not any("又发来求助" in t for t in people("李社工").texts())
    assert any(room in t for t in people("李社工").texts() if "#1" in t and "又发来求助" not in t)


async def test_an_ambulance_declined_to_do_you_need_someone_now_is_passed_on_and_asked_again(people, app):
    wang = await _wang(people)
    await wang.send("我摔倒了")
    assert "马上有人来" in wang.last().text
    await wang.send("不用叫救护车")
    assert any("又说" in t and "不用叫救护车" in t for t in people("李社工").texts())
    assert "马上有人来" in wang.last().text  # the question still waiting, asked again
    inc = await app.svc.store.incident(1)
    assert inc["status"] == "open" and not inc.get("maybe_false_alarm")


@pytest.mark.parametrize("words", ["我要报警", "我要打110", "110报警", "赶紧报警"])
async def test_wanting_the_police_is_a_cry(people, app, words):
    """Each was "没太明白" ("快报警" and "快打110" were known, these were not)."""
    wang = await _wang(people)
    await wang.send(words)
    assert any("紧急求助 #1" in t for t in people("李社工").texts())
    assert any("110" in t for t in wang.texts())


@pytest.mark.parametrize("words", ["不要报警", "不用报警", "要不要报警"])
async def test_police_declined_or_asked_about_is_no_alarm(people, app, words):
    wang = await _wang(people)
    await wang.send(words)
    assert not any("紧急求助" in t for t in people("李社工").texts())


async def test_the_police_declined_is_told_back_as_such_not_as_an_ambulance(people, app):
    wang = await _wang(people)
    await wang.send("不用打110了 小偷跑了")
    assert "救护车" not in wang.last().text and "告诉社工" in wang.last().text
