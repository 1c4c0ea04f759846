""""我不会刷脸怎么办" sat on the question bar (request_help 0.30, ask_pension 0.23): answered one day, "没太明白" or a
help request the next, with every data change; "手机上刷脸我不会" opened a request. Each is a question about the pension's yearly face check (认证): she gets that answer, nobody bothered."""
import pytest
from conftest import signed_up


@pytest.mark.parametrize("words", ["我不会刷脸怎么办", "不会刷脸怎么办", "手机上刷脸我不会", "刷脸刷不过去怎么办",
                                   "阿拉勿会刷脸 哪能办", "刷脸我眼睛看不清 刷不出来", "我不会人脸识别"])
async def test_i_cannot_do_the_face_check_gets_the_certification_answer(people, app, words):
    liu = await signed_up(people("刘奶奶"), "13900000003")
    await liu.send(words)
    answer = liu.last("来源").text
    assert "刷脸" in answer and "认证" in answer, answer
    assert not any("没太明白" in t or "已经告诉居委会社工" in t for t in liu.texts())
    assert not any("求助" in t for t in people("李社工").texts()), people("李社工").texts()


async def test_a_face_check_question_beside_a_fall_is_still_a_cry(people, app):
    liu = await signed_up(people("刘奶奶"), "13900000003")
    await liu.send("刷脸刷不来 我刚才跌了一跤爬不起来")
    assert "爬不起来" in people("李社工").last("紧急求助 #1").text
