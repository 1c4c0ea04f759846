"""Issue 17 (4): in the month a resident reaches 65/70/80/90/100, the new 老年综合津贴 amount, once."""
from datetime import datetime
from zoneinfo import ZoneInfo

from conftest import signed_up

from bot.testing.tools import Person

SH = ZoneInfo("Asia/Shanghai")
JULY, AUGUST, AUGUST_LATER = (datetime(2027, 7, 30, 10, 0, tzinfo=SH), datetime(2027, 8, 2, 10, 0, tzinfo=SH),
                              datetime(2027, 8, 20, 10, 0, tzinfo=SH))
SUN = {"name": "孙阿婆", "phone": "13900000008", "road": "建新路", "lane": "27", "building": "9", "room": "201",
       "lives_alone": True, "birth_date": "1962-08-15", "contacts": [], "doctor": None, "notes": ""}  # 65 in Aug 2027


async def run(app, clock, when):
    clock.set(when)
    return await app.svc.agebands.run()


def told(person) -> list[str]:
    return [t for t in person.texts() if "老年综合津贴" in t and "🎂" in t]


async def test_told_once_in_the_month_they_reach_90_with_amount_source_and_review_date(app, people, clock):
    wang = await signed_up(people("王老伯"), "13900000002")  # born 1937-08-02: 90 in August 2027
    zhang = await signed_up(people("张阿姨"), "13900000001")
    li = people("李社工")
    await run(app, clock, JULY)
    assert told(wang) == [] and told(li) == []
    await run(app, clock, AUGUST)
    [msg] = told(wang)
    assert "满90岁" in msg and "从每月 180 元调到每月 350 元" in msg
    assert "1月、4月、7月、10月" in msg and "来源：上海市民政部门" in msg and "2026-11-23 核对" in msg
    await run(app, clock, AUGUST_LATER)
    assert len(told(wang)) == 1 and told(zhang) == []
    [listing] = told(li)
    assert "王老伯，90岁" in listing and "每月 350 元" in listing


async def test_a_65th_birthday_says_how_to_apply_and_staff_tell_those_not_using_the_bot(app, people, clock):
    store = app.svc.store
    [rid] = await store.next_resident_ids(1)
    await store.save_resident({**SUN, "id": rid})
    li = people("李社工")
    await run(app, clock, AUGUST)
    [listing] = told(li)
    assert "孙阿婆，65岁" in listing and "每月 75 元" in listing and "请当面" in listing
    sun = await signed_up(people("孙阿婆"), "13900000008")  # starts using the bot later that month
    await run(app, clock, AUGUST_LATER)
    [msg] = told(sun)
    assert "每月可以领老年综合津贴 75 元" in msg and "12345" in msg
    assert len(told(li)) == 1  # the month's list once


async def test_without_the_knowledge_base_no_amount_is_stated(make_app, people, clock):
    app = await make_app(kb=False)
    wang = await signed_up(Person(app, 5555, "王老伯"), "13900000002")
    await run(app, clock, AUGUST)
    assert told(wang) == []


async def test_e2e_an_age_band_message_goes_out_once_in_the_right_month(telegram):
    app, clock = telegram.app, telegram.app.svc.clock
    wang = await telegram.signed_up("王老伯", "13900000002")
    await run(app, clock, JULY)
    await run(app, clock, AUGUST)
    msg = await telegram.said(wang, "满90岁")
    assert "350 元" in msg.text and "2026-11-23" in msg.text
    await run(app, clock, AUGUST_LATER)
    await telegram.said(telegram.user("李社工"), "王老伯，90岁")
    assert sum("满90岁" in m.text for m in telegram.api.sent_to(wang.id)) == 1


async def test_a_resident_and_a_staff_list_not_sent_because_the_worker_died_are_sent_on_a_later_day(app, people,
                                                                                                   clock, make_app):
    """The worker marked 王老伯 told (and the month listed) and died before either message left: neither came, all
    month. A later day's run sends them, once."""
    wang = await signed_up(people("王老伯"), "13900000002")
    li = people("李社工")
    real = app.svc.outbox.send

    async def dies(msg, *args, **kwargs):
        if msg.tag == "ageband":
            raise RuntimeError("power cut")
        return await real(msg, *args, **kwargs)

    app.svc.outbox.send = dies
    app.svc.outbox.send_all = lambda msgs, *a, **kw: dies(msgs[0])
    try:
        await run(app, clock, AUGUST)
    except RuntimeError:
        pass
    assert told(wang) == [] and told(li) == []
    after = await make_app(prefix_=app.settings.redis.prefix, messenger=app.svc.outbox.messenger)
    await run(after, clock, AUGUST_LATER)
    await run(after, clock, AUGUST_LATER.replace(day=21))
    assert len(told(wang)) == 1 and len(told(li)) == 1
