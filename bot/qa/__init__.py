"""Pension and subsidy questions in conversation: a short, sourced answer from the knowledge base, or a person.

Owns conversation.py: the question asked after ❓ (or recognised in free text), follow-ups on the same topic, the
age asked when the answer depends on it, 👍/👎 feedback, and [问社工] which sends the question to the on-duty staff.
The knowledge base and its matching live in nlu/qa.py; what counts as a question is decided by the shared
understanding (bot/flows/understanding.py), which the cry-for-help check reads too.
Exposes `start` (the menu's ❓), `on_question` (a question typed or routed here), `on_button` (qa:… buttons),
`only_a_figure_for_the_topic` ("我老伴82岁呢" after an answer: a follow-up, not a cry) and `names_a_topic` (a
question the model half-recognised that names a topic: answered, not "答不上来") and `asks_on_behalf` ("我女儿能帮我办吗"
after an answer: a question for staff about that topic, not a request for help).
"""
from .conversation import asks_on_behalf, names_a_topic, on_button, on_question, only_a_figure_for_the_topic, start

__all__ = ["asks_on_behalf", "names_a_topic", "on_button", "on_question", "only_a_figure_for_the_topic", "start"]
