"""刘强 (刘奶奶's son) cries that a neighbour is in danger ("隔壁老太太摔倒了"). That cry was only sent, never stored:
a worker dying as it sent it (a power cut, Telegram failing mid-way) lost it, and nobody was ever told. And each time
he wrote it again, every staff chat got it again in full. Now it is stored first, as a call of its own about someone
else: a worker dying before the alert leaves it to the next within seconds; nobody claiming it escalates it; his
repeats join it (staff hear the first at once, the rest counted), never a second call."""
from conftest import signed_up
from test_incident_followups import restarted

from bot.testing.tools import Person

WORDS = "隔壁老太太摔倒了"


def staff_cut_off(app) -> None:
    """The worker dies (a power cut) the moment it sends any staff member anything: what it stored before stays."""
    real, staff = app.svc.outbox.send, {st.telegram_id for st in app.settings.staff}

    async def power_cut(msg, **kw):
        if msg.chat_id in staff:
            raise RuntimeError("power cut")
        return await real(msg, **kw)

    app.svc.outbox.send = power_cut


async def test_a_cry_about_a_neighbour_whose_worker_died_before_sending_still_reaches_staff(people, app, clock,
                                                                                          make_app):
    liuqiang = await signed_up(people("刘强"), "13911110003")
    staff_cut_off(app)
    try:
        await liuqiang.send(WORDS)
    except RuntimeError:
        pass
    assert not any(WORDS in t for t in people("李社工").texts())
    after = await restarted(make_app, app)
    clock.advance(seconds=30)
    await after.engine.tick()
    li = Person(after, people("李社工").id, "李社工")
    told = [t for t in li.texts() if WORDS in t]
    assert len(told) == 1, li.texts()
    assert "刘强" in told[0] and "13911110003" in told[0]


async def test_his_repeats_join_his_call_about_the_neighbour(people, app, clock):
    liuqiang, li = await signed_up(people("刘强"), "13911110003"), people("李社工")
    for _ in range(5):
        await liuqiang.send(WORDS)
        clock.advance(seconds=5)
    assert len(await app.svc.store.open_incident_ids()) == 1
    assert sum(WORDS in t for t in li.texts()) <= 2, li.texts()  # the call, and one line "又发来" at once
    assert all("120" in t for t in liuqiang.texts()[-5:])  # he is told what to do each time
    clock.advance(minutes=1)
    await app.engine.tick()
    assert "3" in li.last().text  # the rest, counted


async def test_a_cry_about_a_neighbour_nobody_takes_escalates_to_the_head(people, app, clock):
    liuqiang = await signed_up(people("刘强"), "13911110003")
    await liuqiang.send(WORDS)
    assert not any(WORDS in t for t in people("陈书记").texts())
    for _ in range(8):
        clock.advance(minutes=1)
        await app.engine.tick()
    assert any(WORDS in t for t in people("陈书记").texts())


async def test_he_hears_how_his_call_about_the_neighbour_ended_and_nobody_is_named_to_him(people, app):
    liuqiang, li = await signed_up(people("刘强"), "13911110003"), people("李社工")
    await liuqiang.send(WORDS)
    await li.click(li.last("紧急求助 #1"), "我来处理")
    await li.click(li.last("紧急求助 #1"), "已解决")
    await li.click(li.last("结果是"), "已处理")
    ended = [t for t in liuqiang.texts() if "已处理完毕" in t]
    assert len(ended) == 1 and "您说的那位" in ended[0] and "李社工" in ended[0], liuqiang.texts()


async def test_a_photo_sent_with_his_cry_again_reaches_the_staff_on_his_call(people, app, clock):
    liuqiang, li = await signed_up(people("刘强"), "13911110003"), people("李社工")
    await liuqiang.send(WORDS)
    clock.advance(seconds=20)
    await liuqiang.send_kind("photo", caption="隔壁老太太摔倒了 起不来")
    assert len(await app.svc.store.open_incident_ids()) == 1
    assert any(s.forwarded for s in li.inbox)


async def test_where_he_is_sent_after_his_cry_goes_to_his_call_not_to_a_request_about_his_mother(people, app, clock):
    liuqiang, li = await signed_up(people("刘强"), "13911110003"), people("李社工")
    await liuqiang.send(WORDS)
    clock.advance(seconds=20)
    await liuqiang.share_location()
    assert await app.svc.store.open_incident_ids() == [1]  # no request about 刘奶奶
    assert any("#1" in t and "位置" in t for t in li.texts()), li.texts()
    assert "120" in liuqiang.last().text


async def test_what_he_says_next_about_the_neighbour_reaches_the_staff_on_his_call(people, app, clock):
    """After "隔壁老太太摔倒了", "在3号楼201" was "没太明白" and "她自己起来了 没事了" opened an emergency about his mother."""
    liuqiang, li = await signed_up(people("刘强"), "13911110003"), people("李社工")
    await liuqiang.send(WORDS)
    for words in ["在3号楼201", "她自己起来了 没事了"]:
        clock.advance(seconds=30)
        await liuqiang.send(words)
        assert any(words in t and "#1" in t for t in li.texts()), li.texts()
        assert "没太明白" not in liuqiang.last().text and "刘奶奶" not in liuqiang.last().text
    assert await app.svc.store.open_incident_ids() == [1]  # nothing about 刘奶奶


async def test_what_he_says_about_his_mother_meanwhile_is_still_about_her(people, app, clock):
    liuqiang, li = await signed_up(people("刘强"), "13911110003"), people("李社工")
    await liuqiang.send(WORDS)
    clock.advance(seconds=30)
    await liuqiang.send("我妈也摔倒了")
    assert "刘奶奶" in li.last("#2").text
