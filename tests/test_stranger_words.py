"""Someone the bot does not know yet: what they write is not a dead end. A new neighbour who wants to register reaches
staff (paced), a typed phone number is told why it is not taken, and a public pension question is answered from the
knowledge base (no register data) before the sign-up prompt."""
import pytest

WISHES = ["我是新搬来的 怎么登记", "我想登记一下", "我要找居委会"]


@pytest.mark.parametrize("words", WISHES)
async def test_a_new_neighbour_who_wants_to_register_reaches_staff_and_is_told_so(people, app, words):
    sun, li = people("孙阿婆"), people("李社工")
    await sun.send(words)
    told = li.last("孙阿婆").text
    assert words in told and "登记" in told
    reply = sun.last().text
    assert "已告诉居委会" in reply and "021-64370000" in reply
    assert sun.last().request == "contact"  # and the button that signs them up
    assert await app.svc.store.resident_by_tg(sun.id) is None


@pytest.mark.parametrize("words", ["谢谢居委会", "你好"])
async def test_a_strangers_thanks_or_greeting_troubles_no_staff(people, app, words):
    stranger = people("陌生人")
    await stranger.send(words)
    assert people("李社工").texts() == []
    assert stranger.last().request == "contact" and "已告诉" not in stranger.last().text


async def test_a_stranger_repeating_the_wish_does_not_flood_staff(people, app, clock):
    sun, li = people("孙阿婆"), people("李社工")
    for words in WISHES * 3:
        await sun.send(words)
    assert sum("孙阿婆" in t for t in li.texts()) == 3  # each of her three wordings once, repeats not resent
    assert "已告诉居委会" in sun.last().text  # staff have those very words: true
    clock.advance(2 * 3600)
    await sun.send("我想登记一下")
    assert sum("孙阿婆" in t for t in li.texts()) == 4


async def test_many_strangers_wishing_at_once_do_not_flood_staff(people, app):
    li = people("李社工")
    for i in range(30):
        await people(f"新邻居{i:02d}").send("我想登记一下")
    assert 0 < sum("新邻居" in t for t in li.texts()) <= 10
    assert "021-64370000" in people("新邻居29").last().text


async def test_a_wish_that_reached_no_staff_says_so_and_gives_the_phone(people, app):
    for st in app.settings.staff:
        app.svc.outbox.messenger.blocked.add(st.telegram_id)
    sun = people("孙阿婆")
    await sun.send("我想登记一下")
    reply = sun.last().text
    assert "已告诉居委会" not in reply and "021-64370000" in reply


@pytest.mark.parametrize("typed", ["13900000002", "我电话是13900000002", "我的手机号 139 0000 0002"])
async def test_a_typed_phone_number_is_explained_and_never_signs_anyone_up(people, app, typed):
    stranger, li = people("陌生人"), people("李社工")
    await stranger.send(typed)
    reply = stranger.last()
    assert "按钮" in reply.text and "自己的" in reply.text and reply.request == "contact"
    assert await app.svc.store.resident_by_tg(stranger.id) is None
    assert await app.svc.store.pending(stranger.id) is None
    assert not any("13900000002" in t or "王老伯" in t for t in stranger.texts())
    assert not any("陌生人" in t for t in li.texts())


async def test_a_stranger_asking_about_the_allowance_gets_the_public_table_then_the_sign_up_prompt(people, app):
    stranger = people("陌生人")
    await stranger.send("老年津贴多少钱")
    texts = stranger.texts()
    answer = next(t for t in texts if "老年综合津贴" in t)
    assert "65到69岁每月75元" in answer and "来源" in answer
    assert stranger.last().request == "contact"
    assert sum("发送我的手机号" in t or "把您的手机号发给我" in t for t in texts) == 1
    assert "多大年纪" not in "".join(texts)  # the table, not an age the bot cannot know
    assert await app.svc.store.resident_by_tg(stranger.id) is None


async def test_a_strangers_question_uses_nothing_from_the_register(people, app):
    # the register knows a 王老伯 of 89; a stranger who gives that name is nobody until a shared contact says so
    stranger = people("王老伯")  # a register name, but not signed up: the register's age (89) is not used
    await stranger.send("老年综合津贴每个月多少钱")
    joined = "".join(stranger.texts())
    assert "65到69岁每月75元" in joined and "89岁的老人" not in joined


async def test_staff_answer_the_new_neighbour_in_the_chat(people, app):
    sun, li = people("孙阿婆"), people("李社工")
    await sun.send("我是新搬来的 怎么登记")
    await li.click(li.last("孙阿婆"), "回答")
    await li.send("欢迎！请明天上午来居委会，带上身份证。")
    assert "带上身份证" in sun.last().text
