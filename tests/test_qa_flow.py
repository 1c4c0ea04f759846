"""The Q&A in conversation: an age the register does not know is asked for, then the amount is worked out."""
from conftest import signed_up


async def test_allowance_amount_after_asking_the_age(people, app):
    person = await app.svc.store.resident(await app.svc.store.resident_id_by_phone("13900000003"))
    person["birth_date"] = ""  # the register does not know 刘奶奶's age
    await app.svc.store.save_resident(person)
    liu = await signed_up(people("刘奶奶"), "13900000003")
    await liu.send("❓ 养老金/补贴")
    await liu.send("老年综合津贴每个月多少钱")
    assert "多大年纪" in liu.last().text
    await liu.send("七十二岁")
    answer = liu.last("来源")
    assert "150" in answer.text and "72" in answer.text


async def test_known_age_from_the_register_needs_no_question(people, app):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("❓ 养老金/补贴")
    await zhang.send("老年综合津贴每个月多少钱")
    assert "180" in zhang.last("来源").text
    assert "多大年纪" not in zhang.last().text
