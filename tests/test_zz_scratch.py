from conftest import signed_up

async def test_show(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    li = people("李社工")
    await wang.send("我有点不舒服")
    ask = wang.inbox[-1]
    print("ASK", ask.text, ask.buttons)
    await wang.send("救命")
    print("\nPK1", li.last("#1").text)
    print(await app.svc.store.incident(1))
    await wang.click(ask, "休息")
    print("\nRES", [s.text for s in wang.inbox[-3:]])
    print("\nPK2", li.last("#1").text)
    print(await app.svc.store.incident(1))
    assert 0
