"""Home troubles told in a few words (session 23 probe): "没有热水" reached staff as "🤒 身体不舒服" and she was asked
"要不要请社工来看看您？"; "网络断了" raised a 🆘 with "情况危急请马上拨打120" (the model heard a break in "断了"); "电话欠费了"
and "电视看不了了" got "没太明白" and nobody heard. Each is now a request line for staff (someone to fix it or show her
how), no ambulance, no ailment."""
import pytest
from conftest import signed_up

TROUBLES = ["没有热水", "没热水了", "网络断了", "网断了", "没网了", "宽带断了", "电话欠费了", "手机欠费了", "电视看不了了",
            "电视看不了", "手机用不了了"]


async def _says(people, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    n = len(wang.texts())
    await wang.send(words)
    return "\n".join(wang.texts()[n:]), people("李社工").texts()


@pytest.mark.parametrize("words", TROUBLES)
async def test_a_home_trouble_is_a_request_line_for_staff(people, app, words):
    said, staff = await _says(people, words)
    assert any("求助 #1" in t and words in t for t in staff), staff
    assert not any("紧急求助" in t or "身体不舒服" in t for t in staff), staff
    assert "情况危急" not in said and "没太明白" not in said and "来看看您" not in said, said


@pytest.mark.parametrize("words", ["腿断了", "我骨头断了", "手好像断了"])
async def test_a_broken_bone_is_still_a_cry(people, app, words):
    said, staff = await _says(people, words)
    assert any("紧急求助" in t for t in staff), staff
