from conftest import signed_up

WORDS = ["我到了", "老人没事了", "已送医院", "电话打不通", "我处理不了 谁能去", "#2 误报", "撤销", "取消认领", "#1 误报",
         "我去不了", "转给王社工", "王老伯没事了", "打不通王老伯电话", "没人接电话", "我在路上", "到了", "搞错了 不是我的",
         "1号已经处理好了", "送医院了", "叫了120", "已经叫救护车了", "家属到了", "需要支援", "来个人帮忙"]

async def test_show(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘")
    li = people("李社工")
    await li.click(li.last("紧急求助 #1"), "我来处理")
    for w in WORDS:
        n = len(li.inbox)
        await li.send(w)
        print("\n>>", w)
        for s in li.inbox[n:]:
            print("   ", s.text.replace("\n", " | ")[:200], [b[1] for b in s.buttons])
        print("   incidents:", await app.svc.store.open_incident_ids())
    assert 0
