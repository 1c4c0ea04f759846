"""A staff member typing "王老伯去世了" with no report of his death open was offered [🆘 为王老伯发起紧急求助] (and
[🆘 是我自己需要帮助]): a tap away from an ambulance round for a man said to be dead, and no way to record what she
was told. Now she is offered to open a death report on him (🕯, as his daughter's "我爸去世了" opens one), nothing of
the 🆘 kind; words that leave it uncertain ("好像死了 叫不醒") or tell of a fall still offer his 🆘."""
import pytest


async def test_his_death_told_by_staff_offers_a_death_report_not_an_emergency(people, app):
    li = people("李社工")
    await li.send("王老伯去世了")
    told = li.last()
    assert not any("🆘" in label for label, _ in told.buttons), told.buttons
    await li.click(told, "去世报告")
    packet = li.last("#1").text
    assert "王老伯" in packet and "去世" in packet and "紧急求助" not in packet, packet
    inc = await app.svc.store.incident(1)
    assert inc["kind"] != "emergency" and inc["category"] == "death"


async def test_an_old_tap_opens_no_second_report(people, app):
    li = people("李社工")
    await li.send("王老伯去世了")
    told = li.last()
    data = told.data("去世报告")
    await li.click(told, "去世报告")
    await li.press_data(told.message_id, data)
    assert await app.svc.store.open_incident_ids() == [1]
    assert any("#1" in t and "已经开着" in t for t in li.texts()), li.texts()


@pytest.mark.parametrize("words", ["王老伯摔倒了", "王老伯好像死了 叫不醒"])
async def test_a_fall_or_an_uncertain_death_still_offers_his_emergency(people, app, words):  # guard
    li = people("李社工")
    await li.send(words)
    assert any("为王老伯发起紧急求助" in label for label, _ in li.last().buttons)
