"""An English-profile resident's questions the knowledge base had no English for (session 24 probe): "how do I check
my pension", "my pension did not arrive", "can I get low income help" read "I am not sure" or "I did not quite
understand"; "how long must I pay into the resident pension" read the employees' pension (the wrong scheme); "I had
an accident and need emergency money" and "can I move my pension from another province" read "not sure". Each now
gets its topic's English answer."""
import pytest
from conftest import signed_up
from bot.testing.tools import Person

CASES = [
    ("how do I check my pension", "12333"),
    ("my pension did not arrive", "12333"),
    ("where can I see my pension payments", "12333"),
    ("can I get low income help", "Minimum living"),
    ("I have very little money, can I get help", "Minimum living"),
    ("I'm 85, how much do I get", "yuan a month"),
    ("how long must I pay into the resident pension", "15 years"),
    ("is there emergency money for sudden hardship", "Temporary assistance"),
    ("can I move my pension from another province", "transferred"),
]


@pytest.mark.parametrize("words,marker", CASES)
async def test_an_english_question_gets_its_topics_answer(people, app, words, marker):
    wang = await signed_up(Person(app, 5001, "Wang", language="en"), "13900000002")
    await wang.send(words)
    answer = wang.last().text
    assert marker in answer, answer
    assert "not sure" not in answer and "did not quite understand" not in answer, answer
