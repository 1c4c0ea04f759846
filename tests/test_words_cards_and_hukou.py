"""Papers an old resident asks about. Before: "我要办老年卡", "想办张敬老卡" (wanting the card) got only the allowance's
amount, not how to get it; "我户口还在老家" paged the duty worker with 🆘; "我要迁户口", "我想把户口迁到上海",
"户口本上的名字写错了" were "没太明白". Now the card's answer says how to apply (12345, the service centre, or the
committee asks for her — the reviewed facts, nothing made up), and a 户口 matter reaches staff as a request."""
import pytest
from conftest import signed_up


async def _says(people, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    n = len(wang.texts())
    await wang.send(words)
    return "\n".join(wang.texts()[n:]), people("李社工").texts()


@pytest.mark.parametrize("words", ["我要办老年卡", "想办张敬老卡", "我想办个老年卡"])
async def test_wanting_the_senior_card_is_told_how_to_apply(people, words):
    said, staff = await _says(people, words)
    assert "怎么申请" in said and "12345" in said and "社区事务受理服务中心" in said, said
    assert staff == [], staff


@pytest.mark.parametrize("words", ["我户口还在老家", "我的户口还在外地"])
async def test_where_her_hukou_is_told_alone_gets_a_person_not_the_pension_transfer(people, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    n = len(wang.texts())
    await wang.send(words)   # the first paged staff with 🆘; both later got "转移接续" (contributions moved)
    said = "\n".join(wang.texts()[n:])
    assert "转移接续" not in said and "需要马上有人来吗" not in said, said
    await wang.click(wang.last(), "社工")
    assert any(words in t for t in people("李社工").texts() if "求助 #1" in t), people("李社工").texts()


@pytest.mark.parametrize("words", ["我要迁户口", "我想把户口迁到上海", "户口本上的名字写错了",
                                   # and said otherwise than the training rows
                                   "我想迁个户口", "户口想迁回上海", "户口本上名字错了"])
async def test_a_hukou_matter_reaches_staff_as_a_request(people, words):
    said, staff = await _says(people, words)
    assert any(words in t for t in staff if "求助 #1" in t), staff
    assert not any("紧急求助" in t for t in staff), staff
    assert "没太明白" not in said and "需要马上有人来吗" not in said, said
