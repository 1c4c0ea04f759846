"""At night, "我起来喝水" (getting up for a drink of water) raised a 🆘 with "情况危急请马上拨打120" (the model's emergency,
uncertain: "起来"); "我倒杯水喝" already got the thirst's kind line (session 23 probe). Now getting up for water is
thirst too: a drink, slowly, and a call one tap away; nobody paged."""
from datetime import timedelta

import pytest
from conftest import TUESDAY_9, at, enrolled


@pytest.mark.parametrize("words", ["我起来喝水", "起来喝点水", "我去喝口水", "起来喝杯水"])
async def test_getting_up_for_water_at_night_is_thirst_not_a_cry(people, app, clock, words):
    zhang, _ = await enrolled(people, app)
    await at(app, clock, TUESDAY_9 + timedelta(hours=14))  # 23:00
    n = len(zhang.texts())
    await zhang.send(words)
    said = "\n".join(zhang.texts()[n:])
    assert not any("紧急求助" in t for t in people("李社工").texts()), people("李社工").texts()
    assert "120" not in said and "水" in said, said


@pytest.mark.parametrize("words", ["我起来喝水摔倒了", "起来喝水 起不来了"])
async def test_a_fall_getting_water_is_still_a_cry(people, app, clock, words):
    zhang, _ = await enrolled(people, app)
    await at(app, clock, TUESDAY_9 + timedelta(hours=14))
    await zhang.send(words)
    assert any("紧急求助" in t for t in people("李社工").texts())
