"""The training data and the short-words table must not teach the bot two readings of one message.

nlu.yml labelled "不好" a "no" while the table (read first) says unwell — the right reading for an elderly resident
answering "今天还好吗？" — and "🌹" out of scope while the table says thanks: the model was taught the opposite of what
the bot does with them. Every training example the table pins must carry the label the table gives it ("could be a
cry" may be labelled a cry or unwell, never anything calmer); test_short_words.py holds the held-out data to the same."""
from nlu import INTENTS
from nlu.model import DEFAULT_DATA
from nlu.short_words import UNCERTAIN, default
from nlu.training_data import load_examples

AGREES = {UNCERTAIN: {"emergency", "feeling_unwell"}}  # every other reading: the table's own intent


def _disagreements(path):
    table = default(INTENTS)
    out = []
    for ex in load_examples(path):
        reading = table.intent_of(ex.text)
        if reading is not None and ex.intent not in AGREES.get(reading, {reading}):
            out.append(f"{path.name}: {ex.text!r} labelled {ex.intent}, the table reads {reading}")
    return out


def test_training_data_labels_what_the_table_pins_as_the_table_reads_it():
    assert _disagreements(DEFAULT_DATA) == []

