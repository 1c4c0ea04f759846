"""Two dangers in one cry, and the place she is in. Before (session 19 probe): "我在楼梯上摔倒了 楼道里有烟" — she is
in the smoky stairwell — read "楼道里有烟就别出门，把门关紧" (she is out already); "我在楼道里摔倒了 好多烟" read
"马上离开家"; smoke or fire at home with "我起不来" read "马上离开家…到了外面马上打119" first (119 only once outside,
which she cannot reach); a fall with gas read "马上离开家" with nothing for one who cannot get up; a fall on a wet
floor read only "侧身躺好" and staff's ⚠️ line showed the fall alone. Now the lines fit both dangers and where she is,
and staff read both."""
import pytest
from conftest import signed_up

FALL = ("侧身", "不要勉强起来")


async def _cry(people, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send(words)
    alerts = [t for t in people("李社工").texts() if "紧急求助 #1" in t]
    advice = [line for t in wang.texts() if "已通知值班社工" in t for line in t.splitlines() if line.startswith("·")]
    return alerts, "\n".join(advice)


TOGETHER = [  # (her words, lines she must read, lines she must never read, what staff must read besides her words)
    ("我在楼梯上摔倒了 楼道里有烟", ("捂住口鼻", "119", "楼梯上"), ("别出门", "离开家", "门锁") + FALL, ("楼道", "不在家")),
    ("我在楼梯上摔倒了 有烟", ("捂住口鼻", "119"), ("别出门", "离开家", "门锁") + FALL, ("楼道", "不在家")),
    ("我在楼道里摔倒了 好多烟", ("捂住口鼻", "119"), ("别出门", "离开家", "门锁") + FALL, ("楼道", "不在家")),
    ("我在楼梯上摔倒了 楼道里着火了", ("捂住口鼻", "119"), ("别出门", "离开家") + FALL, ("楼道", "不在家")),
    ("家里有烟 我起不来", ("马上打119", "爬"), ("到了外面", "马上离开家") + FALL, ("起不来", "119")),
    ("家里着火了 我摔倒了起不来", ("马上打119", "爬"), ("到了外面", "马上离开家") + FALL, ("起不来", "119")),
    ("我摔倒了 闻到煤气味", ("不要开关电灯", "窗", "走不动"), ("马上离开家", "侧身"), ("起不来", "煤气")),
    ("我摔倒了起不来 有煤气味", ("不要开关电灯", "窗", "走不动"), ("马上离开家", "侧身"), ("起不来", "煤气")),
    ("我在卫生间摔倒了 地上都是水", ("不要勉强起来", "保暖"), (), ("地上有水",)),
    ("我摔倒了 浴室里水漫出来了", ("不要勉强起来", "保暖"), (), ("地上有水",)),
    ("我在楼梯上摔倒了", ("不要勉强起来", "喊"), ("门锁",), ("不在家",)),  # outside her door: no "open the door"
    ("我在楼道里跌了一跤 起不来", ("不要勉强起来", "喊"), ("门锁",), ("不在家",)),
]


@pytest.mark.parametrize("words, must, never, staff", TOGETHER, ids=[w for w, *_ in TOGETHER])
async def test_two_dangers_together_get_lines_that_fit_both_and_where_she_is_and_staff_read_both(people, app, words,
                                                                                               must, never, staff):
    alerts, advice = await _cry(people, words)
    assert alerts and words in alerts[0], alerts
    assert all(w in advice for w in must), advice
    assert not any(w in advice for w in never), advice
    assert all(w in alerts[0] for w in staff), alerts[0]


@pytest.mark.parametrize("words, must", [("楼道里都是烟", ("别出门", "湿毛巾")),  # at home, smoke outside: stay in
                                         ("我在卫生间摔倒了起不来", ("不要勉强起来", "门锁"))])
async def test_one_danger_keeps_its_own_lines(people, app, words, must):
    alerts, advice = await _cry(people, words)
    assert all(w in advice for w in must), advice
    assert "不在家" not in alerts[0] and "地上有水" not in alerts[0], alerts[0]


async def test_an_english_speaker_fallen_on_smoky_stairs_is_not_told_to_stay_in(app):
    from bot.testing.tools import Person

    wang = await signed_up(Person(app, 5081, "王老伯", language="en"), "13900000002")
    await wang.send("help I fell on the stairs and there is smoke")
    told = wang.last("has been told").text
    assert "Keep low" in told and "do not go out" not in told and "roll onto" not in told, told
