"""A stranger with a lost old man (session 26): "路上有个老人迷路了 说不清住哪里", then "他说他叫王老伯". The name, which
the model is unsure of, was taken for a second cry: a second call (#2) opened at his registered home with only "他说他叫
王老伯" in it, while he stood lost at the market (#1 had where). Now what she says after her cry stays on her call, and
staff read there who on the register it may be (his address and phone, to check); she reads none of it."""


async def test_the_name_she_hears_joins_her_call_with_who_it_may_be(people, app):
    x, li, store = people("路人甲"), people("李社工"), app.svc.store
    await x.send("路上有个老人迷路了 说不清住哪里")
    await x.send("他说他叫王老伯")
    await x.send("在天平路菜场门口")
    assert await store.open_incident_ids() == [1], li.texts()
    told = "\n".join(t for t in li.texts() if "#1" in t)
    assert "他说他叫王老伯" in told and "302" in told and "天平路菜场门口" in told, li.texts()
    said = "\n".join(x.texts())
    assert "302" not in said and "13900000002" not in said, said
