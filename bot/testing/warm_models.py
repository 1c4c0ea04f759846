"""Imported once by the warm-process server (warm_process.PRELOAD): what every bot process loads before it answers.

Importing a module is not loading its data. A forked bot still loaded jieba's dictionary twice at its start (the
intent model's shared tokenizer and the knowledge base's copy: ~1.5 s of CPU, more on a loaded machine); loaded here,
each child of the server has them from the fork.
"""
import logging

import jieba

from nlu.qa_text import _base_dictionary

logging.getLogger("jieba").setLevel(logging.WARNING)  # as the app sets it: its start-up chatter is not news
jieba.initialize()
_base_dictionary()
