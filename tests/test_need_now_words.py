"""Typed answers to "您需要马上有人来吗？" after a typed cry: "不知道" was taken as "no" (maybe a false alarm!), "快来" and
"我自己能起来" as another cry (the address never read back), "还好" as a greeting, "有点痛" opened a second request and
"等一下" a third. Unsure means yes; pain means yes; able to get up means no (staff still phone); anything else asks
again — the call stays one call."""
import pytest
from conftest import signed_up


async def answered(people, words, said="我摔倒了", asked="您需要马上有人来吗"):
    """王老伯 says `said`, is asked `asked`, types `words`: him, and what he was told after."""
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send(said)
    assert asked in wang.last().text
    n = len(wang.texts())
    await wang.send(words)
    return wang, wang.texts()[n:]


async def _answers(people, words):
    return await answered(people, words)


@pytest.mark.parametrize("words", ["不知道", "说不清", "快来", "来吧", "有点痛", "腿好痛"])
async def test_unsure_in_pain_or_come_means_yes_and_the_address_is_read_back(people, app, words):
    wang, said = await _answers(people, words)
    inc = await app.svc.store.incident(1)
    assert not inc.get("maybe_false_alarm")
    assert "请确认您现在的地址" in said[-1]
    assert await app.svc.store.incident(2) is None


@pytest.mark.parametrize("words", ["我自己能起来", "还好", "不用了"])
async def test_able_to_get_up_or_alright_means_no_and_staff_still_phone(people, app, words):
    wang, said = await _answers(people, words)
    assert (await app.svc.store.incident(1)).get("maybe_false_alarm")
    assert "社工还是会联系您" in said[-1]
    assert await app.svc.store.incident(2) is None


async def test_other_words_ask_again_and_open_nothing_new(people, app):
    wang, said = await _answers(people, "等一下")
    assert "您需要马上有人来吗" in said[-1]
    assert await app.svc.store.incident(2) is None
    assert not (await app.svc.store.incident(1)).get("maybe_false_alarm")


@pytest.mark.parametrize("words", ["他又打来了", "门外有个人一直在敲"])
async def test_words_the_model_hears_as_urgent_are_a_yes_and_staff_read_them_too(people, app, words):
    """Before (session 19): taken for a yes and lost — the staff holding the call never read them."""
    li = people("李社工")
    wang, said = await _answers(people, words)
    assert "请确认您现在的地址" in said[-1]
    assert any("#1" in t and words in t for t in li.texts()), li.texts()
    assert await app.svc.store.incident(2) is None


@pytest.mark.parametrize("words", ["来个人看看吧", "你们能来吗", "多久能到", "可以来一下吗"])
async def test_asking_them_to_come_or_when_they_arrive_is_a_yes(people, app, words):
    """Session 20: "来个人看看吧", "你们能来吗", "多久能到" were read as other words — the question asked again."""
    wang, said = await _answers(people, words)
    assert not (await app.svc.store.incident(1)).get("maybe_false_alarm")
    assert "请确认您现在的地址" in said[-1], said
    assert not any("您需要马上有人来吗" in t for t in said), said


@pytest.mark.parametrize("words", ["不麻烦你们了", "别麻烦了"])
async def test_not_wanting_to_trouble_them_is_a_no_and_staff_still_phone(people, app, words):
    """Session 20: the polite "不麻烦你们了" was asked again as if unclear."""
    wang, said = await _answers(people, words)
    assert (await app.svc.store.incident(1)).get("maybe_false_alarm")
    assert "社工还是会联系您" in said[-1], said
