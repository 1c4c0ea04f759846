"""Some residents write in simple English (DOMAIN.md). An everyday request in English — "I need help with shopping",
"the lift is broken", "I can't see well, the words are too small" — raised a full 🆘 (staff paged, "情况危急请马上拨打
120", "需要马上有人来吗？") in the lead's probe (session 18): the model, trained mostly on Chinese, leans to an
emergency on English it cannot place. Now they reach staff as requests, as the same words in Chinese do; an English
cry still alerts at once (guards). "please help me fill in a form" asked "需要马上有人来吗？" with an alert until
session 19 (the model read "help me" as a possible cry): it is a request now, while "please help me I fell" alerts."""
import pytest
from conftest import signed_up

REQUESTS = ["I need help with shopping", "the lift is broken", "can someone help me buy vegetables",
            "my light bulb is broken, I can't reach it", "I need someone to fix my tap",
            "can you help me get my medicine", "I need help with my phone",
            # session 19: "please help me fill in a form" paged staff as a possible cry (the model read "help me" so)
            "please help me fill in a form", "please help me fill out this form", "can you please help me fill in the form",
            "please help me with a form", "help me fill in the application form please"]


@pytest.mark.parametrize("words", REQUESTS)
async def test_an_everyday_request_in_english_is_a_request_not_an_alarm(people, app, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send(words)
    staff = people("李社工").texts()
    assert not any("紧急求助" in t for t in staff), staff
    assert any("求助 #1" in t and words in t for t in staff), staff
    assert not any("需要马上有人来吗" in t or "120" in t for t in wang.texts()), wang.texts()


# ("please help me get up", "please help me up": a red flag since session 19, as "扶我起来" is; the form rows above had
# made the first a plain request)
@pytest.mark.parametrize("words", ["help me I fell", "I fell and can't get up", "my chest hurts", "help, fire in my kitchen",
                                   "please come quickly, I can't breathe",
                                   "I fell and I can't reach my phone", "please help me", "please help me I fell",
                                   "please help me, I fell in the bathroom", "please help me get up", "please help me up"])
async def test_an_english_cry_still_alerts_at_once(people, app, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send(words)
    assert any("紧急求助 #1" in t and words in t for t in people("李社工").texts())


# (the English rows above moved the model a hair: "我爸哭着说 他把钱都给了一个人" fell just below the bar at which a
# daughter's words alarm — words5's test caught it. Money handed to a stranger is now a scam red flag of its own.)
@pytest.mark.parametrize("words", ["我爸哭着说 他把钱都给了一个人", "我妈把钱都交给了一个不认识的人"])
async def test_money_handed_to_a_stranger_alerts_at_once(people, app, words):
    wangli = await signed_up(people("王丽"), "13911110002")
    await wangli.send(words)
    assert any("紧急求助 #1" in t for t in people("李社工").texts())


async def test_money_given_to_a_daughter_alarms_nobody(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("我把钱给了女儿 让她帮我存")
    assert not any("紧急求助" in t for t in people("李社工").texts())
