"""The scammer calls back. She was told a scam call was under way (help is coming) or that she did right to hang up;
then "他又打来了". Before (session 19 probe): during "您需要马上有人来吗？" the words were taken for a yes and reached
nobody (she read only the address question); after "您没有上当，做得很好" they raised the call with the generic lines
("能安全走到门口，再把门锁打开"), or, as "那个骗子又打电话来了", were passed on as a note ("好的，已经转告…") with
nothing telling her to hang up. Now: she reads again, plainly, not to pay and to hang up, and staff hear it, loudly,
on the same call."""
import pytest
from conftest import signed_up

UNDER_WAY = "有人打电话让我把钱转到安全账户"
HUNG_UP = "骗子打电话来 我没理 挂掉了"
BACK = ["他又打来了", "又打来了", "那个骗子又打电话来了", "那个人又打电话来了 还是要我转钱", "他又打电话过来了"]


def _advice(texts):
    return "\n".join(texts)


async def _after(people, first, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    li = people("李社工")
    await wang.send(first)
    seen_w, seen_li = len(wang.texts()), len(li.texts())
    await wang.send(words)
    return wang, li, wang.texts()[seen_w:], li.texts()[seen_li:]


@pytest.mark.parametrize("words", BACK)
async def test_the_scammer_calling_back_during_her_open_scam_call_tells_her_again_and_reaches_staff(people, app,
                                                                                                  words):
    wang, li, told, staff = await _after(people, UNDER_WAY, words)
    said = _advice(told)
    assert "不要转账" in said and "挂掉电话" in said, told
    assert "门锁" not in said, told
    assert any("#1" in t and words in t for t in staff), staff
    assert await app.svc.store.incident(2) is None


@pytest.mark.parametrize("words", BACK)
async def test_the_scammer_calling_back_after_she_hung_up_raises_her_call_with_the_scams_lines(people, app, words):
    wang, li, told, staff = await _after(people, HUNG_UP, words)
    said = _advice(told)
    assert "不要转账" in said and "挂掉电话" in said, told
    assert "门锁" not in said and "已经转告" not in said, told
    assert any("#1" in t and "升级为紧急" in t and words in t for t in staff), staff
    assert (await app.svc.store.incident(1))["kind"] == "emergency"
    assert await app.svc.store.incident(2) is None


async def test_her_daughter_calling_again_is_no_scammer(people, app):
    wang, li, told, staff = await _after(people, HUNG_UP, "我女儿又打电话来了")
    assert not any("不要转账" in t for t in told), told
    assert not any("升级为紧急" in t for t in staff), staff


async def test_the_scammer_calling_back_after_staff_closed_her_scam_call_gets_the_scams_lines(people, app, clock):
    """Before: a new call with the generic lines ("能安全走到门口，再把门锁打开"), nothing about the money."""
    wang = await signed_up(people("王老伯"), "13900000002")
    li = people("李社工")
    await wang.send(HUNG_UP)
    await li.click(li.last("#1"), "我来处理")
    await li.click(li.last("#1"), "已解决")
    await li.click(li.last("结果是"), li.last("结果是").buttons[0][0])
    assert await app.svc.store.open_incident_ids() == []
    clock.advance(hours=2)
    seen = len(wang.texts())
    await wang.send("他又打来了")
    said = "\n".join(wang.texts()[seen:])
    assert "不要转账" in said and "挂掉电话" in said and "门锁" not in said, said
    assert any("#2" in t and "他又打来了" in t for t in li.texts())


async def test_her_raised_scam_call_no_longer_tells_staff_she_hung_up(people, app):
    """The raised call's header still read "接到过诈骗电话，没有上当、已挂断：请打电话安慰" beside "升级为紧急": a calm
    label on a scam under way again."""
    wang, li, told, staff = await _after(people, HUNG_UP, BACK[0])
    packet = li.last("紧急求助 #1").text
    assert "没有上当、已挂断" not in packet and "又打来" in packet, packet
