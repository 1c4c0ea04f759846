"""Issue 5 in the bot: answers with sources, follow-ups on topic, feedback, hand-off to staff and back."""


async def test_the_qa_button_answers_and_a_follow_up_stays_on_topic(telegram):
    zhang = await telegram.signed_up("张阿姨", "13900000001")
    await zhang.press("❓ 养老金/补贴")
    await telegram.said(zhang, "请问您想了解什么")
    n = telegram.count(zhang)
    await zhang.send_text("长护险是什么")
    first = await telegram.said(zhang, "来源", after=n)
    assert "长期护理" in first.text or "长护险" in first.text
    n = telegram.count(zhang)
    await zhang.send_text("怎么申请？")
    follow = await telegram.said(zhang, "来源", after=n)
    assert "评估" in follow.text  # long-term care: apply for a care-needs assessment


async def test_unknown_question_goes_to_staff_and_the_answer_comes_back(telegram):
    zhang = await telegram.signed_up("张阿姨", "13900000001")
    li = telegram.user("李社工")
    await zhang.press("❓ 养老金/补贴")
    await telegram.said(zhang, "请问您想了解什么")
    await zhang.send_text("公积金可以取出来装修吗")
    offer = await telegram.said(zhang, "不太确定")
    await zhang.click(offer, "问社工")
    await telegram.said(zhang, "已经把您的问题转给社工")
    question = await telegram.said(li, "居民提问")
    assert "公积金" in question.text
    await li.click(question, "回答")
    await telegram.said(li, "请输入对居民提问")
    await li.send_text("可以的，请带身份证到公积金中心办理。")
    answer = await telegram.said(zhang, "李社工 回答您的问题")
    assert "身份证" in answer.text


async def test_feedback_and_the_questions_list_for_staff(telegram):
    zhang = await telegram.signed_up("张阿姨", "13900000001")
    li = telegram.user("李社工")
    await zhang.press("❓ 养老金/补贴")
    await telegram.said(zhang, "请问您想了解什么")
    await zhang.send_text("失业金怎么领")
    answer = await telegram.said(zhang, "来源")
    await zhang.click(answer, "没用")
    await telegram.api.wait_for_message(zhang.id, lambda m: "谢谢您的反馈" in m.text)
    await zhang.send_text("养狗要办证吗")
    await telegram.said(zhang, "不太确定")
    await li.send_command("/questions")
    listing = await telegram.said(li, "待处理的居民提问")
    assert "失业金怎么领" in listing.text and "说没用" in listing.text
    assert "养狗" in listing.text and "没答上" in listing.text
