"""What a resident who types a few characters gets, with the model the bot ships and with one retrained on half the data
in another order: this week's retrains moved "我一个人在家" and "家里就我一个人" into a full emergency ("🚑 情况危急"),
and "我腿疼", "懂了", "😭" between an alarm, "没太明白" and "fine"."""
import random

import pytest
from conftest import signed_up

from nlu import NLU
from nlu.model import DEFAULT_DATA, train
from nlu.training_data import load_examples


@pytest.fixture(scope="module")
def retrained():
    examples = load_examples(DEFAULT_DATA)
    return NLU(train(random.Random(13).sample(examples, len(examples) // 2), seed=7))


@pytest.fixture(params=["shipped model", "retrained on half the data"])
async def app(request, make_app, retrained):
    return await make_app() if request.param == "shipped model" else await make_app(nlu=retrained)


async def _says(people, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send(words)
    return wang, people("李社工")


@pytest.mark.parametrize("words", ["我一个人在家", "家里就我一个人"])
async def test_living_alone_said_in_passing_reaches_staff_without_an_alarm(people, app, words):
    wang, li = await _says(people, words)
    assert words in li.last("求助 #1").text
    assert not any("紧急" in t for t in li.texts())
    assert not any("120" in t or "没太明白" in t for t in wang.texts())


async def test_living_alone_is_heard_as_wanting_company(people, app):
    wang, li = await _says(people, "我一个人在家")
    assert "说说话" in li.last("求助 #1").text


@pytest.mark.parametrize("words", ["我腿疼", "我头疼", "腰酸"])
async def test_a_named_ache_reaches_staff_as_unwell_not_as_an_alarm(people, app, words):
    wang, li = await _says(people, words)
    assert words in li.last("求助 #1").text and "身体不舒服" in li.last("求助 #1").text
    assert not any("紧急" in t for t in li.texts())


@pytest.mark.parametrize("words", ["懂了", "了解", "知道了"])
async def test_an_acknowledgement_bothers_nobody(people, app, words):
    wang, li = await _says(people, words)
    assert li.texts() == [] and not any("没太明白" in t for t in wang.texts())


async def test_a_crying_face_alone_alerts_staff_and_asks_one_tap(people, app):
    wang, li = await _says(people, "😭")
    assert "😭" in li.last("紧急求助 #1").text
    assert "需要马上有人来吗" in wang.last().text
