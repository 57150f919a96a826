"""Python jieba (PyPI) on the same text as tongwen's native and browser runs:
dictionary init and cut (HMM on), median of 5 after a warm-up, in ms."""
import statistics
import sys
import time

import jieba

text = open(sys.argv[1], encoding="utf-8").read()


def timed(f):
    f()
    runs = []
    for _ in range(5):
        t = time.perf_counter()
        f()
        runs.append((time.perf_counter() - t) * 1000)
    return statistics.median(runs), min(runs), max(runs)


def init():
    # A fresh tokenizer loads its dictionary (from jieba's own cache file).
    t = jieba.Tokenizer()
    t.initialize()


jieba.setLogLevel(60)
i = timed(init)
words = len(jieba.lcut(text, HMM=True))
c = timed(lambda: jieba.lcut(text, HMM=True))
print(f"python-init-ms {i[0]:.1f} {i[1]:.1f} {i[2]:.1f}")
print(f"python-cut-ms {c[0]:.1f} {c[1]:.1f} {c[2]:.1f} words {words} version {jieba.__version__}")
