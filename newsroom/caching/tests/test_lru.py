"""The worker-local stores: bounded by count or by size, least recently used out first."""

import threading

from newsroom.caching.lru import LRU


def test_least_recently_used_goes_first():
    store = LRU(2)
    store.set("a", 1)
    store.set("b", 2)
    assert store.get("a") == 1  # "b" is now the least recently used
    store.set("c", 3)
    assert (store.get("a"), store.get("b"), store.get("c")) == (1, None, 3)
    assert len(store) == 2 and store.total == 2 and store.limit == 2


def test_a_size_bounded_store_keeps_its_total_under_the_limit():
    store = LRU(10, size=len)
    for key in "abcd":
        store.set(key, key * 3)
    assert store.total == 9 and [key for key, _ in store.items()] == ["b", "c", "d"]
    store.set("b", "bb")  # a smaller value for a key kept
    assert store.total == 8
    store.set("huge", "x" * 11)  # larger than the whole store: not kept, nothing evicted for it
    assert store.get("huge") is None and store.total == 8
    store.set("b", "x" * 11)  # nor does the older value stay
    assert store.get("b") is None and store.total == 6


def test_items_is_a_copy_that_does_not_change_the_order():
    store = LRU(2)
    store.set("a", 1)
    store.set("b", 2)
    store.get("a")  # "b" is now the least recently used
    assert dict(store.items()) == {"a": 1, "b": 2}
    store.set("c", 3)
    assert (store.get("a"), store.get("b")) == (1, None)


def test_remember_computes_once_and_keeps_none_only_when_asked():
    store, calls = LRU(4), []

    def compute():
        calls.append(1)

    assert store.remember("k", compute) is None and store.remember("k", compute) is None
    assert len(calls) == 1
    assert store.remember("other", compute, keep_none=False) is None
    assert store.remember("other", compute, keep_none=False) is None
    assert len(calls) == 3


def test_threads_reading_and_writing_at_once_keep_the_total_exact():
    store = LRU(1000, size=len)
    errors = []

    def work(number):
        try:
            for step in range(2000):
                store.set((number, step % 300), "x" * (step % 7 + 1))
                store.get((number - 1, step % 300))
                if step % 500 == 0:
                    store.items()
        except Exception as error:  # noqa: BLE001 - any error fails the test below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(number,)) for number in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert store.total == sum(len(value) for _, value in store.items()) <= 1000
