"""Rolling down the stairs (session 22 probe): "在楼梯上滚了下去", "下楼梯的时候滚下来了" were no alarm at all (the model
0.18), "从楼梯上滚下来了" only asked — "摔下来" had a red flag, "滚下来" only from a bed. Now a roll down stairs is the
fall it is; rolling on a bed or a ball rolling down stays calm."""
import pytest
from nlu import redflags
from nlu.features import normalise

ROLLED = ["从楼梯上滚下来了", "在楼梯上滚了下去", "下楼梯的时候滚下来了", "我从台阶上滚下来了", "楼梯上滚下去了"]
CALM = ["球从楼梯上滚下来了", "苹果滚到床底下了", "在床上滚来滚去睡不着"]


@pytest.mark.parametrize("words", ROLLED)
def test_a_roll_down_the_stairs_is_a_fall(words):
    assert "fall" in {f.concept for f in redflags.find(normalise(words)) if f.counts}, words


@pytest.mark.parametrize("words", CALM)
def test_a_thing_rolling_is_no_fall(words):
    assert "fall" not in {f.concept for f in redflags.find(normalise(words)) if f.counts}, words
