"""Pension and subsidy questions in conversation: a short, sourced answer from the knowledge base, or a person.

Owns conversation.py: the question asked after ❓ (or recognised in free text), follow-ups on the same topic, the
age asked when the answer depends on it, 👍/👎 feedback, and [问社工] which sends the question to the on-duty staff.
The knowledge base and its matching live in nlu/qa.py; what counts as a question is decided by the shared
understanding (bot/flows/understanding.py), which the cry-for-help check reads too.
Exposes `start` (the menu's ❓), `on_question` (a question typed or routed here), `on_button` (qa:… buttons),
`only_a_figure_for_the_topic` ("我老伴82岁呢" after an answer: a follow-up, not a cry) and `names_a_topic` (a
question the model half-recognised that names a topic: answered, not "答不上来") and `asks_on_behalf` ("我女儿能帮我办吗"
after an answer: a question for staff about that topic, not a request for help), `figure_told` (the same, read
against the model's faint alarm), `whose_step` ("那我老伴呢" after an answer: his allowance or a missing husband, one
question with two buttons: whose.py) and its timer (`WHOSE_TIMER`, `on_whose_deadline`: no reply reaches a person).
"""
from .conversation import (asks_on_behalf, figure_told, names_a_topic, not_clear, on_button, on_question,
                           only_a_figure_for_the_topic, start, whose_step)
from .whose import TIMER as WHOSE_TIMER, on_deadline as on_whose_deadline

__all__ = ["WHOSE_TIMER", "asks_on_behalf", "figure_told", "names_a_topic", "not_clear", "on_button", "on_question",
           "on_whose_deadline", "only_a_figure_for_the_topic", "start", "whose_step"]
