"""A busy morning: three 🆘 at once, 李社工 took #1, 王社工 #2, #3 (刘奶奶) waits. 李社工, on the stairs, types
"3号怎么样", "2号谁接的", "谁接了", "刘奶奶那边谁去了" — and read "请用下面的按钮…" each time: a question about a call
by its number, or "who has it", was heard only as "王老伯怎么样了" (a name) or "有哪些没处理的". Now a number asked
about gets that call's record (/incident N: who has it, her phone), "谁接了" the open calls with who holds each (/open),
and a resident named with "谁去了" her call's record."""
from conftest import signed_up

MENU_HINT = "请用下面的按钮"


async def _busy_morning(people, app, clock):
    for name, phone in (("张阿姨", "13900000001"), ("王老伯", "13900000002"), ("刘奶奶", "13900000003")):
        await (await signed_up(people(name), phone)).send("🆘 紧急求助")
    clock.advance(minutes=3.1)  # nobody took them at once: every staff member has them
    await app.engine.tick()
    await app.engine.tick()
    li, wa = people("李社工"), people("王社工")
    await li.click(li.last("紧急求助 #1"), "我来处理")
    await wa.click(wa.last("紧急求助 #2"), "我来处理")
    return li


async def test_a_call_asked_about_by_its_number_gets_its_record(people, app, clock):
    li = await _busy_morning(people, app, clock)
    for words, n, who in (("3号怎么样", 3, "刘奶奶"), ("2号谁接的", 2, "王社工"), ("谁在处理3号", 3, "刘奶奶"),
                          ("#2 什么情况", 2, "王老伯"), ("3号有人去了吗", 3, "刘奶奶"), ("2号有人接吗", 2, "王社工")):
        await li.send(words)
        said = li.last().text
        assert MENU_HINT not in said and f"#{n}" in said and who in said, (words, said)


async def test_who_took_it_gets_each_open_call_with_who_holds_it(people, app, clock):
    li = await _busy_morning(people, app, clock)
    for words in ("谁接了", "都有谁在处理", "刘奶奶那边谁去了"):
        await li.send(words)
        said = li.last().text
        assert MENU_HINT not in said and "#3" in said and "刘奶奶" in said, (words, said)
    await li.send("谁接了")
    said = li.last().text
    assert "#1" in said and "#2" in said and "王社工" in said, said
    assert [i["status"] for i in await app.svc.store.incidents([1, 2, 3])] == ["claimed", "claimed", "open"]
