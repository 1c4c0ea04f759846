"""Calm words in Shanghainese, Cantonese and Sichuanese. Before: "我困觉了" (going to sleep) paged the duty worker with
🆘 and "需要马上有人来吗？" — at night; so did "阿拉老头子今朝出去白相了" and "我老汉儿出去耍了" (he went out to enjoy
himself); "巴适得很" (very good) and "唔该" (thanks) were told "听到您不舒服"; "我食咗饭啦" (I've eaten) became a request
to staff. None of them bothers anyone now."""
import pytest
from conftest import signed_up


async def _says(people, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    n = len(wang.texts())
    await wang.send(words)
    return "\n".join(wang.texts()[n:]), people("李社工").texts()


@pytest.mark.parametrize("words", ["我困觉了", "我去困觉了", "我瞓觉啦", "阿拉老头子今朝出去白相了", "我老汉儿出去耍了",
                                   "巴适得很", "安逸得很", "莫得事", "我冇事", "唔该", "唔该晒", "我食咗饭啦"])
async def test_calm_dialect_words_bother_nobody(people, words):
    said, staff = await _says(people, words)
    assert staff == [], staff
    for never in ("需要马上有人来吗", "不舒服", "已经告诉居委会社工"):
        assert never not in said, said
