"""A daughter, signed up as her father's emergency contact, introduced herself: "我是王老伯的女儿", "我是王丽" read
"没太明白您的意思"; their family doctor's "我是赵医生" opened a request — staff paged "🙋 求助 #1 · ✏️ 其他" for a
greeting — and asked him "是哪一位的事？". Now whoever introduces themselves reads that they are known, and whose
contact they are; nobody is paged for it; words of trouble with it are read as ever (probe, session 25)."""
import pytest
from conftest import TUESDAY_9, at, enrolled, signed_up


def _requests(people) -> list[str]:
    return [t for t in people("李社工").texts() if "求助 #" in t]


@pytest.mark.parametrize("words", ["我是王老伯的女儿", "我是王丽", "我是王老伯家属", "你好 我是他女儿"])
async def test_a_daughter_introducing_herself_reads_she_is_known(people, app, clock, words):
    await enrolled(people, app, "王老伯", "13900000002")
    await at(app, clock, TUESDAY_9)
    wangli = await signed_up(people("王丽"), "13911110002")
    await wangli.send(words)
    said = wangli.last().text
    assert "王老伯" in said and "紧急联系人" in said, said
    assert "没太明白" not in said
    assert not _requests(people)


async def test_the_doctor_introducing_himself_pages_nobody(people, app, clock):
    await enrolled(people, app)
    await enrolled(people, app, "王老伯", "13900000002")
    await at(app, clock, TUESDAY_9)
    doc = await signed_up(people("赵医生"), "13922220001")
    await doc.send("我是赵医生")
    said = doc.last().text
    assert "张阿姨" in said and "王老伯" in said, said
    assert "是哪一位" not in said
    assert not _requests(people)


async def test_trouble_told_with_the_introduction_is_still_a_cry(people, app, clock):
    """Guard."""
    await enrolled(people, app, "王老伯", "13900000002")
    await at(app, clock, TUESDAY_9)
    wangli = await signed_up(people("王丽"), "13911110002")
    await wangli.send("我是王丽 我爸摔倒了起不来")
    assert any("紧急求助 #1" in t for t in people("李社工").texts())
