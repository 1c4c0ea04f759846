"""What she reads on her open call fits what staff have done (session 24's brief). After 李社工 tapped
"📍 已到达/已联系", 张阿姨's "谢谢" read "不客气。社工会联系您，请把手机放在身边。" — untrue, he was there or had phoned;
"好的" the same. While 李社工 held it ("李社工 已经接手您的求助… 电话：…"), "你们什么时候到" read only "已经转告正在处理您
求助的社工" — nobody named, no number to ring. Now: nobody has it yet → "社工会联系您" (as before); held → the one who
holds it, by name and phone; arrived or phoned → "李社工已经到了，或者已经跟您联系过了", never "会联系您". "还没人来"
after 📍 still pages loudly: it may mean the 📍 was pressed on the wrong call."""
import pytest
from test_cant_press_buttons import _says
from test_up_again_on_call import zhang_after

LI_PHONE = "13800000001"


async def _call(people, app, state):
    zhang, li = await zhang_after(people, app, ["🆘", "要", "对"], "社工会到这个地址")
    if state != "open":
        await li.press_data(1, "inc:claim:1")
    if state.startswith("arrived"):
        await li.press_data(1, "inc:arrive:1")
    if state.endswith("resolving"):  # ✅ 已解决 tapped, the outcome not yet picked: the call is still as it was
        await li.press_data(1, "inc:resolve:1")
    return zhang, li


@pytest.mark.parametrize("state", ["arrived", "arrived_resolving"])
@pytest.mark.parametrize("words", ["谢谢", "好的", "谢谢了", "OK"])
async def test_thanks_after_staff_came_never_says_they_will_contact_her(people, app, state, words):
    zhang, li = await _call(people, app, state)
    she, staff = await _says(zhang, li, words)
    text = she[-1].text
    assert "会联系您" not in text and "放在身边" not in text, text
    assert "李社工已经到了" in text and "联系过" in text, text
    assert staff == [], staff


@pytest.mark.parametrize("state", ["claimed", "claimed_resolving"])
@pytest.mark.parametrize("words", ["谢谢", "好的"])
async def test_thanks_while_held_names_who_holds_it_and_her_phone(people, app, state, words):
    zhang, li = await _call(people, app, state)
    she, staff = await _says(zhang, li, words)
    text = she[-1].text
    assert "李社工" in text and LI_PHONE in text, text
    assert staff == [], staff


@pytest.mark.parametrize("state", ["claimed", "arrived"])
@pytest.mark.parametrize("words", ["你们什么时候到", "什么时候来", "还要多久", "社工到了吗", "多久能到啊"])
async def test_when_will_they_come_names_who_holds_it_and_her_phone(people, app, state, words):
    zhang, li = await _call(people, app, state)
    she, staff = await _says(zhang, li, words)
    assert any(t.startswith("📝 #1 张阿姨 又说") and words in t for t in staff), staff  # she is waiting: they read it
    text = she[-1].text
    assert "李社工" in text and LI_PHONE in text, text
    assert "正在处理您求助的社工" not in text, text
    assert await app.svc.store.incident(2) is None


@pytest.mark.parametrize("words", ["谢谢", "好的"])
async def test_guard_thanks_before_anyone_has_it_says_staff_will_contact_her(people, app, words):
    zhang, li = await _call(people, app, "open")
    she, _ = await _says(zhang, li, words)
    assert "社工会联系您" in she[-1].text, she[-1].text


async def test_guard_nobody_came_after_arrival_still_pages_loudly(people, app):
    zhang, li = await _call(people, app, "arrived")
    _, staff = await _says(zhang, li, "还没人来")
    assert any("又发来紧急求助" in t and "还没人来" in t for t in staff), staff


@pytest.mark.parametrize("state, said", [("arrived", "李社工已经到了"), ("claimed", LI_PHONE)])
async def test_buttons_asked_for_after_staff_came_say_what_is_true(people, app, state, said):
    """"按钮不见了" after 📍 read "社工已经收到您的求助，会联系您" too."""
    zhang, li = await _call(people, app, state)
    she, staff = await _says(zhang, li, "按钮不见了")
    text = "\n".join(m.text for m in she)
    assert said in text and "按钮" in text, text
    assert state == "claimed" or "会联系您" not in text, text
    assert staff == [], staff
