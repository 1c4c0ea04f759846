"""楼下小陈, who has never signed up, found 张阿姨 on the stairs and wrote "3号楼的张阿姨摔倒了". He read 120 and that staff
were told — and then nothing, while he stood by her not knowing whether anyone was coming. Now, when a staff member
takes the call, he hears who did (never her address, phone or anything of hers beyond the name he gave)."""


async def reported(people, app):
    stranger, li = people("楼下小陈"), people("李社工")
    await stranger.send("3号楼的张阿姨摔倒了")
    return stranger, li


async def test_the_neighbour_who_reported_her_hears_who_took_the_call(people, app):
    stranger, li = await reported(people, app)
    await li.click(li.last("紧急求助 #1"), "我来处理")
    told = stranger.texts()[-1]
    assert "李社工" in told and "接手" in told
    zhang = await app.svc.store.resident(await app.svc.store.resident_id_by_phone("13900000001"))
    said = "\n".join(stranger.texts())
    assert zhang["phone"] not in said and "602" not in said and li_phone(app) not in said


async def test_he_hears_it_once_however_often_he_wrote(people, app, clock):
    stranger, li = await reported(people, app)
    clock.advance(seconds=20)
    await stranger.send("快来人啊 她起不来")
    await li.click(li.last("紧急求助 #1"), "我来处理")
    assert len([t for t in stranger.texts() if "接手" in t]) == 1


def li_phone(app) -> str:
    return next(st.phone for st in app.settings.staff if st.name == "李社工")
