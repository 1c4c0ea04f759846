"""A video from a resident (smoke in the kitchen, water on the floor, herself asking for help — filmed because
typing is hard): "文件我看不了。有事请按下面的大按钮。" and nobody saw it (console probe, session 16: Telegram's
"video" was read as a file). Now it goes where a photo goes: to the staff, looked at; with words, read for a cry."""


def forwards(telegram, user) -> int:
    return sum(1 for m in telegram.api.sent_to(user.id) if m.kind == "forward")


async def test_a_residents_video_reaches_the_staff_on_duty(telegram):
    wang, li = await telegram.signed_up("王老伯", "13900000002"), telegram.user("李社工")
    await wang.send_video()
    told = await telegram.said(wang, "值班社工")
    assert "看不了" not in told.text and "120" in told.text
    await telegram.said(li, "求助 #1")
    await telegram.api.wait_for_message(li.id, lambda m: m.kind == "forward")
    assert forwards(telegram, li) == 1


async def test_a_video_whose_words_cry_for_help_is_an_emergency(telegram):
    wang, li = await telegram.signed_up("王老伯", "13900000002"), telegram.user("李社工")
    await wang.send_video("救命 厨房着火了")
    await telegram.said(li, "紧急求助 #1")
    assert "119" in (await telegram.said(wang, "已通知值班社工")).text


async def test_a_file_whose_caption_cries_for_help_is_an_emergency(telegram):
    """A photo sent "as a file" (uncompressed), with "救命" typed under it: its words were never read."""
    wang, li = await telegram.signed_up("王老伯", "13900000002"), telegram.user("李社工")
    await wang.send_document("IMG_0412.jpg", caption="救命 我摔倒了起不来")
    await telegram.said(li, "紧急求助 #1")
    assert "不要勉强起来" in (await telegram.said(wang, "已通知值班社工")).text
