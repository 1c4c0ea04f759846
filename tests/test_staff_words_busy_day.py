"""A busy morning: three 🆘 at once; 李社工 took #1 (张阿姨), 王社工 #2 (王老伯), #3 (刘奶奶) waits. What 李社工
typed on the move was misread (probe, session 22):
- "王老伯那边我到了" offered 📍 of #1 and #3 — not 王老伯's #2, the one she named (a colleague's: her 📍 there is
  noted and 王社工 told, as on its packet);
- "1号已经送到医院了", "人已经送到医院了" got the menu hint ("送医院了" only was heard), "我到了 他没事" only 📍;
- "刘奶奶我去看看" got the menu hint ("我去看看" only at the start);
- "1号处理好了吗" the menu hint, "2号处理好了没" "not yours to close": a question, now answered with the record."""
from test_staff_asks_who_has_it import MENU_HINT, _busy_morning


def _data(seen) -> list[str]:
    return [data for _, data in seen.buttons]


async def test_there_at_a_colleagues_call_she_names_offers_its_arrival(people, app, clock):
    li = await _busy_morning(people, app, clock)
    await li.send("王老伯那边我到了")
    assert _data(li.last()) == ["inc:arrive:2"], li.last()
    await li.click(li.last(), "已到达")
    assert "王社工" in li.last().text  # whose call it is, with her phone (as its packet's 📍 says)
    assert any("李社工" in t for t in people("王社工").texts()[-2:])


async def test_taken_to_hospital_in_other_words_offers_the_outcomes(people, app, clock):
    li = await _busy_morning(people, app, clock)
    for words in ("1号已经送到医院了", "人已经送到医院了", "张阿姨送去医院了", "我到了 他没事"):
        await li.send(words)
        assert "out:1:hospital" in _data(li.last()), (words, li.last().text)
    assert (await app.svc.store.incident(1))["status"] == "claimed"  # words never close it


async def test_a_name_before_her_words_is_the_call_she_means(people, app, clock):
    li = await _busy_morning(people, app, clock)
    await li.send("刘奶奶我去看看")
    assert _data(li.last()) == ["inc:claim:3"], li.last()


async def test_asking_whether_a_call_is_done_gets_its_record(people, app, clock):
    li = await _busy_morning(people, app, clock)
    for words, n, who in (("1号处理好了吗", 1, "张阿姨"), ("2号处理好了没", 2, "王社工")):
        await li.send(words)
        said = li.last().text
        assert MENU_HINT not in said and f"#{n}" in said and who in said and "不是您能" not in said, (words, said)
        assert not li.last().buttons or not any(d.startswith("out:") for d in _data(li.last()))


async def test_a_call_named_by_its_number_in_a_cry_is_about_its_resident_not_her_own(people, app, clock):
    """"3号情况严重 要叫120", "1号要叫救护车" raised a 🆘🆘 同事求助 of her own: every colleague and the head read that
    李社工 needed help. The number names the call: her words are about its resident, on its record and to those
    holding it, with its buttons; [🆘 是我自己需要帮助] in case."""
    li = await _busy_morning(people, app, clock)
    wa = people("王社工")
    for words, n in (("3号情况严重 要叫120", 3), ("1号要叫救护车", 1)):
        await li.send(words)
        said = li.last()
        assert f"#{n}" in said.text and "stf:own" in _data(said), (words, said.text)
    assert await app.svc.store.open_incident_ids() == [1, 2, 3]  # no call of her own
    assert not any("同事求助" in t for t in wa.texts())
    assert any("3号情况严重" in t for t in wa.texts())  # #3 waits: those it alerted read her words


async def test_done_said_of_no_call_in_particular_offers_the_ones_she_holds(people, app, clock):
    """"人送医院了" offered the outcomes of #3 too — 刘奶奶's call nobody has taken yet, still waiting for help — one
    mis-tap from closing it. She holds #1: her words are about hers."""
    li = await _busy_morning(people, app, clock)
    for words in ("人送医院了", "处理好了", "我到了 他没事"):
        await li.send(words)
        data = _data(li.last())
        assert "out:1:hospital" in data and not any(d.startswith("out:3") for d in data), (words, data)
    await li.send("3号处理好了")  # named: that one
    assert "out:3:handled" in _data(li.last())
