"""A colleague typing "王老伯去世了" while his daughter's report of his death was open (🕯 家属报告老人去世) was offered
[🆘 为王老伯发起紧急求助] and [🆘 是我自己需要帮助]: a tap away from an ambulance round for a man reported dead. With his
death report open, words of his death offer nothing of the 🆘 kind: she is pointed to the open report."""
from conftest import signed_up


async def death_reported(people):
    wangli = await signed_up(people("王丽"), "13911110002")
    await wangli.send("我爸去世了")
    li = people("李社工")
    assert "去世" in li.last("求助 #1").text
    return li


async def test_a_colleague_telling_of_his_death_is_pointed_to_the_open_report(people, app):
    li = await death_reported(people)
    await li.send("王老伯去世了")
    told = li.last()
    assert not any("🆘" in label for label, _ in told.buttons)
    assert "#1" in told.text and "去世报告" in told.text
    assert any("#1" in label for label, _ in told.buttons)  # the report's own buttons
    assert await app.svc.store.open_incident_ids() == [1]


async def test_a_fall_told_of_him_while_the_report_is_open_can_still_raise_a_call(people, app):
    """Guard: the report may be wrong; words that he fell still offer his 🆘."""
    li = await death_reported(people)
    await li.send("王老伯摔倒了")
    assert any("为王老伯发起紧急求助" in label for label, _ in li.last().buttons)
