"""Two typing slips every old hand makes (session 22 probe): "的" for "得" ("肚子疼的厉害", "胸口痛的要命", "头晕的站不住")
and "舒付"/"书服" for "舒服" ("心脏不舒付"). The red flags were written with "得" and "舒服", so "心脏不舒付" was no
alarm at all and "肚子疼的厉害" only the model's guess. Now the red flags read them as written right."""
import pytest
from nlu import redflags
from nlu.features import normalise

SLIPS = {"心脏不舒付": "chest_pain", "胸口不书服": "chest_pain", "心口不舒付 出冷汗": "chest_pain",
         "胸口痛的要命": "chest_pain", "肚子疼的厉害": "belly_pain", "头晕的站不住": "dizzy",
         "痛的打滚": "chest_pain"}


@pytest.mark.parametrize("words", sorted(SLIPS))
def test_a_slip_is_read_as_the_word_meant(words):
    found = {f.concept for f in redflags.find(normalise(words)) if f.counts}
    assert SLIPS[words] in found, (words, found)


@pytest.mark.parametrize("words", ["我的厉害的老师", "今天的天气不舒服"])
def test_the_right_words_elsewhere_stay_calm(words):
    assert not any(f.counts for f in redflags.find(normalise(words)))


async def test_the_slip_reaches_staff_as_the_emergency_it_is(people, app):
    from conftest import signed_up
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("心脏不舒付")
    assert any("紧急求助 #1" in t for t in people("李社工").texts()), people("李社工").texts()
