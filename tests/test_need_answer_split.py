"""An old man types slowly and sends "我起不来了" in two pieces: "我起" (read as a possible call: 🆘 to staff, then
"您需要马上有人来吗？") and "不来了". The second piece was read as his answer — "no, don't come" — and his call was marked
"可能是误报" for staff, his family told he says he is fine, and he read "好的。社工还是会联系您确认一下" (lead's probe,
session 18). A piece that only makes a danger together with the one before it is the rest of his cry: staff read the
whole of it, and he is asked where he is, as for a yes. A real no ("救命" then "不用来了", "我摔倒了" then "不要紧") is
still a no."""
import pytest
from conftest import signed_up

FALSE_ALARM = "可能是误报"


async def _cried(people, first, second):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send(first)
    assert any("紧急求助 #1" in t for t in people("李社工").texts())
    n = len(wang.texts())
    await wang.send(second)
    return wang, wang.texts()[n:], people("李社工")


@pytest.mark.parametrize("first,second,whole", [("我起", "不来了", "我起不来了"), ("我跌", "倒了", "我跌倒了")])
async def test_the_rest_of_his_cry_is_no_no_to_help(people, app, first, second, whole):
    wang, told, li = await _cried(people, first, second)
    said = "\n".join(told)
    assert "社工还是会联系您确认一下" not in said, told
    assert "地址" in said, told  # asked where he is, as for a yes
    assert not any(FALSE_ALARM in t for t in li.texts()), li.texts()
    assert any(whole in t for t in li.texts()), li.texts()
    inc = await app.svc.store.incident(1)
    assert not inc.get("maybe_false_alarm")


@pytest.mark.parametrize("first,second", [("救命", "不用来了"), ("我摔倒了", "不要紧"), ("我摔倒了", "不")])
async def test_a_no_to_the_question_is_still_a_no(people, app, first, second):
    wang, told, li = await _cried(people, first, second)
    assert any("社工还是会联系您确认一下" in t for t in told), told
    assert (await app.svc.store.incident(1)).get("maybe_false_alarm")
