"""A cry typed after a slash — "/救命", "/sos", "/ 救命" (a finger on the "/" key, or a grandson's tip that commands start
with one) — read "没有这个功能。请按下面的大按钮。" and nobody was told. An unknown command is now read as her words:
a cry is a cry. Known commands keep their meaning."""
import pytest
from conftest import enrolled


@pytest.mark.parametrize("typed", ["/救命", "/sos", "/ 救命", "/我摔倒了起不来"])
async def test_a_cry_after_a_slash_alerts_staff(people, app, typed):
    zhang, _ = await enrolled(people, app)
    await zhang.send(typed)
    assert "紧急求助 #1" in people("李社工").last("#1").text
    assert any("已通知值班社工" in t for t in zhang.texts()[-3:])
    assert not any("没有这个功能" in t for t in zhang.texts())


@pytest.mark.parametrize("typed, expected", [("/help", "紧急求助"), ("/checkins", "只有居委会工作人员"),
                                             ("/start", "您好")])
async def test_guard_known_commands_keep_their_meaning(people, app, typed, expected):
    zhang, _ = await enrolled(people, app)
    await zhang.send(typed)
    assert expected in zhang.last().text
    assert not [t for t in people("李社工").texts() if "#1" in t]
