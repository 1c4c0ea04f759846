"""The first cry after a start paid for loading the red flags' patterns (nlu/data/red_flags.yml compiled, about 0.7 s
with the event loop stopped): bench_scale.py's own alert p99 was ~700 ms in every round, the first 🆘 of the storm
waiting for it, and every update behind it. They load while the app is built now."""
from nlu import redflags


async def test_the_red_flags_are_loaded_when_the_app_is_built_not_at_the_first_cry(make_app):
    redflags.default.cache_clear()
    await make_app(nlu=False)  # as a district worker builds it: no model, the red flags still read every cry
    assert redflags.default.cache_info().currsize == 1
