"""Through the real clients against the local Bot API server: Telegram answers 502 to every editMessageText for a
while, just as 王社工 takes 王老伯's call. Before: 陈书记's packet kept reading "等待接单" with 🙋 我来处理 (the outbox's
few tries within seconds spent). Now, once Telegram edits again, the next try (30 s on) shows the claim — in place."""
import asyncio

from test_e2e_delivery import sos

from bot.testing.botapi_format import APIError


async def test_a_claim_whose_packet_edits_got_502_shows_on_the_others_phones_once_telegram_edits_again(telegram):
    api, app = telegram.api, telegram.app
    wa, chen = telegram.user("王社工"), telegram.user("陈书记")
    await sos(telegram)
    await telegram.said(telegram.user("李社工"), "紧急求助 #1")
    app.svc.clock.advance(minutes=3.1)  # nobody took it: its level 2 reaches everyone
    await app.engine.tick()
    await app.engine.tick()
    packet = await telegram.said(chen, "紧急求助 #1")
    mine = await telegram.said(wa, "紧急求助 #1")
    api.failing["editmessagetext"] = APIError(502, "Bad Gateway")
    since, tries = len(api.calls), app.svc.outbox.attempts
    await wa.click(mine, "我来处理")

    def failed_to_chen():  # the outbox gave up on 陈书记's packet: every one of its tries answered 502
        return sum(c.method.lower() == "editmessagetext" and str(c.params.get("chat_id")) == str(chen.id)
                   and not c.result_ok for c in api.calls[since:]) >= tries or None

    assert await api.wait_until(failed_to_chen, 15), "the edits never failed"
    while busy := [t for t in app.engine.incidents.pending() if not t.done()]:  # the claim's edits all given up
        await asyncio.gather(*busy, return_exceptions=True)
    assert "等待接单" in packet.text and "我来处理" in " ".join(packet.buttons())
    del api.failing["editmessagetext"]  # Telegram edits again
    app.svc.clock.advance(seconds=31)
    await app.engine.tick()
    await telegram.said(chen, lambda m: m is packet and "王社工 已接单" in m.text
                        and "我来处理" not in " ".join(m.buttons()), timeout=10)
    assert sum("紧急求助 #1" in m.text for m in api.sent_to(chen.id)) == 1  # edited in place, never sent anew
