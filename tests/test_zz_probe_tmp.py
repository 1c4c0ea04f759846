import pytest
from conftest import signed_up

NEED = ["要", "要额", "要的 快点", "勿要", "不要了", "快点来", "是的", "不用了 我自己起来了", "我起不来", "嗯嗯", "快", "来吧",
        "不晓得", "我也不知道", "你们看着办", "不用 我儿子来了", "好的", "需要", "要来", "我好多了 不用来", "叫120吧"]
ADDR = ["对额 快点", "是这个地址", "地址没错", "门牌号对的", "不是这里 我在楼下", "我在3号楼门口", "5号楼", "不在家 在菜场摔的",
        "勿是 我在女儿屋里厢", "錯了", "對", "是的沒錯"]


@pytest.mark.parametrize("words", NEED)
async def test_need(people, app, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("我摔倒了")
    n = len(wang.texts())
    await wang.send(words)
    inc = await app.svc.store.incident(1)
    print("\nPROBE", repr(words), "|", " // ".join(t.replace("\n", " ")[:70] for t in wang.texts()[n:]), "| false alarm:",
          inc.get("maybe_false_alarm"), inc.get("need"))


@pytest.mark.parametrize("words", ADDR)
async def test_addr(people, app, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    n = len(wang.texts())
    await wang.send(words)
    inc = await app.svc.store.incident(1)
    print("\nPROBE", repr(words), "|", " // ".join(t.replace("\n", " ")[:70] for t in wang.texts()[n:]), "| addr:",
          inc.get("address_state"))
