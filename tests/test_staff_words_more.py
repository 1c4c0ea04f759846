"""More of what staff type on the move instead of pressing. "我处理不了 谁能去", "取消认领", "转给王社工" got "请用下面的按钮";
"我去不了" was even offered 📍 已到达 (it reads "我去"); "我在路上" got the menu hint; "电话打不通" gave nothing to call
next. Now giving a call up brings its 🔁 转交 (or straight to the colleague named), "我在路上" its next button, and a
phone nobody answers brings the family's and the doctor's numbers beside the call's buttons."""
import pytest
from conftest import signed_up


def datas(seen) -> list[str]:
    return [d for _, d in seen.buttons]


async def called(people, said: str = "🆘", kind: str = "text"):
    """王老伯 sends `said` (or a voice): (王老伯, 李社工, who is on duty)."""
    wang = await signed_up(people("王老伯"), "13900000002")
    await (wang.send(said) if kind == "text" else wang.send_kind(kind))
    return wang, people("李社工")


async def held(people):
    """李社工 holds 王老伯's call #1: (王老伯, 李社工)."""
    wang, li = await called(people)
    await li.click(li.last("紧急求助 #1"), "我来处理")
    return wang, li


@pytest.mark.parametrize("words", ["我处理不了 谁能去", "我去不了", "取消认领", "搞错了 不是我的", "我走不开"])
async def test_giving_up_a_call_she_holds_offers_its_handover_and_changes_nothing_by_itself(people, app, words):
    wang, li = await held(people)
    await li.send(words)
    answer = li.inbox[-1]
    assert "#1" in answer.text and "王老伯" in answer.text
    assert datas(answer) == ["inc:handover:1"]
    assert (await app.svc.store.incident(1))["claimed_by"] == "li"
    await li.click(answer, "转交")
    assert "转交给谁" in li.inbox[-1].text


async def test_handing_over_to_a_named_colleague_is_one_tap(people, app):
    wang, li = await held(people)
    wa = people("王社工")
    await li.send("1号转给王社工")
    answer = li.inbox[-1]
    assert answer.buttons == [("#1 王老伯 🔁 转交给王社工", "inc:handto:1:wang")]
    await li.click(answer, "王社工")
    assert (await app.svc.store.incident(1))["claimed_by"] == "wang"
    assert "转交给您" in wa.last("#1").text


async def test_giving_up_with_nothing_held_is_told_so_and_never_offered_a_claim(people, app):
    wang, li = await called(people)
    await li.send("我去不了")
    answer = li.inbox[-1]
    assert "inc:claim:1" not in datas(answer) and "inc:arrive:1" not in datas(answer)
    assert "没有接手" in answer.text and "#1" in answer.text


async def test_on_my_way_brings_the_next_button(people, app):
    wang, li = await held(people)
    await li.send("我在路上")
    assert datas(li.inbox[-1]) == ["inc:arrive:1"]


@pytest.mark.parametrize("words", ["电话打不通", "王老伯电话没人接", "联系不上"])
async def test_a_phone_nobody_answers_brings_whom_else_to_call(people, app, words):
    wang, li = await held(people)
    await li.send(words)
    answer = li.inbox[-1]
    assert "#1" in answer.text and "王丽" in answer.text and "+8613911110002" in answer.text
    assert "赵医生" in answer.text and "+8613922220001" in answer.text
    assert "inc:arrive:1" in datas(answer)
    assert await app.svc.store.incident(2) is None


@pytest.mark.parametrize("words", ["#1", "1号", "王老伯"])
async def test_a_bare_number_or_name_shows_that_call(people, app, words):
    """"1号" or "王老伯" alone, typed to look a call up, got "请用下面的按钮"."""
    wang, li = await called(people)
    await li.send(words)
    assert "请用下面的按钮" not in li.inbox[-1].text
    assert any("#1" in t and "王老伯" in t for t in li.texts()[-2:])


async def test_undo_after_closing_a_call_says_it_stays_closed_and_offers_to_raise_it_again(people, app):
    """"撤销" right after closing #1 by mistake got "请用下面的按钮": no way back to the resident."""
    wang, li = await held(people)
    await li.click(li.last("紧急求助 #1"), "已解决")
    await li.click(li.last("结果是"), "误报")
    await li.send("撤销")
    told = li.inbox[-1]
    assert "#1" in told.text and "不能撤销" in told.text
    rid = await app.svc.store.resident_id_by_phone("13900000002")
    assert datas(told) == [f"stf:raise:{rid}"]
    await li.click(told, "王老伯")
    inc = await app.svc.store.incident(2)
    assert inc["resident"] == rid and inc["status"] == "open" and "#1" in inc["words"]


async def test_asking_whether_a_resident_checked_in_today_gets_the_check_in(people, app):
    """"张阿姨今天签到了吗" from staff got "请用下面的按钮", though a daughter asking the same is answered."""
    from conftest import enrolled

    await enrolled(people, app)
    li = people("李社工")
    await li.send("张阿姨今天签到了吗")
    assert "张阿姨" in li.inbox[-1].text and "最近7天" in li.inbox[-1].text
    await li.send("王老伯报平安了没有")
    assert "王老伯没有开通" in li.inbox[-1].text


@pytest.mark.parametrize("words, shows", [("王社工电话多少", "+8613800000002"), ("书记电话", "+8613800000003"),
                                          ("帮助", "/incident"), ("怎么用", "/open"), ("我来值班", "现在值班"),
                                          ("明天我休息", "现在值班")])
async def test_what_staff_ask_on_the_move_is_answered(people, app, words, shows):
    """A colleague's phone, how the bot works, taking a shift: each got "请用下面的按钮"."""
    li = people("李社工")
    await li.send(words)
    assert shows in li.inbox[-1].text


async def test_a_phone_nobody_answers_on_a_colleagues_call_still_brings_the_numbers(people, app):
    wang, li = await called(people)
    wa = people("王社工")
    await wa.press_data(0, "inc:claim:1")
    await li.send("电话打不通")
    answer = li.inbox[-1]
    assert "王丽" in answer.text and "+8613911110002" in answer.text and answer.buttons == []


@pytest.mark.parametrize("words", ["听过了", "已听 不紧急", "看过照片了", "是紧急的"])
async def test_her_words_after_hearing_a_voice_bring_its_two_buttons(people, app, words):
    """"听过了", "不紧急" typed about a resident's voice got "请用下面的按钮"."""
    wang, li = await called(people, kind="voice")
    await li.send(words)
    assert datas(li.inbox[-1]) == ["inc:urgent:1", "inc:heard:1"] and "王老伯" in li.inbox[-1].text
    assert (await app.svc.store.incident(1))["status"] == "open"


@pytest.mark.parametrize("words", ["上门看过了", "去看过了 人没事", "人在家 没事"])
async def test_her_words_that_she_visited_and_all_is_well_bring_the_outcomes(people, app, words):
    wang, li = await called(people, "马桶堵了 帮我叫人修")
    await li.send(words)
    assert "out:1:handled" in datas(li.inbox[-1])


@pytest.mark.parametrize("words", ["家属到了", "女儿也来了", "物业到了"])
async def test_someone_else_arriving_is_noted_on_her_call_not_offered_as_her_arrival(people, app, words):
    """"家属到了" offered her 📍 已到达 — as if she had arrived."""
    wang, li = await held(people)
    await li.send(words)
    told = li.inbox[-1]
    assert "inc:arrive:1" not in datas(told) and "#1" in told.text and "记" in told.text
    assert any(e.get("words") == words for e in await app.svc.store.timeline(1))
