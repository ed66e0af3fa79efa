"""One full-batch epoch of a 40-[hidden]-10 ReLU MLP in NumPy (float32), the native peer of
`pnpm bench`: forward, softmax cross-entropy gradient, backward, gradient-descent update.

usage: python3 numpy_epoch.py HIDDEN(,HIDDEN...) EPOCHS WARMUP  -> one JSON line {msPerEpoch, ...}
Threads follow OPENBLAS_NUM_THREADS / OMP_NUM_THREADS (the bench sets them).
"""
import json
import sys

import numpy as np
from peer_timing import time_epochs


def main():
    hidden = [int(h) for h in sys.argv[1].split(",")]
    epochs, warmup = int(sys.argv[2]), int(sys.argv[3])
    n, widths = 4000, [40, *hidden, 10]
    rng = np.random.default_rng(1)
    x = rng.standard_normal((n, 40), dtype=np.float32)
    y = rng.integers(0, 10, n)
    ws = [(rng.standard_normal((o, i), dtype=np.float32) * np.float32(np.sqrt(2 / i))) for i, o in zip(widths, widths[1:])]
    bs = [np.zeros(o, np.float32) for o in widths[1:]]
    lr = np.float32(0.0025)
    onehot = np.zeros((n, 10), np.float32)
    onehot[np.arange(n), y] = 1

    def epoch():
        hs = [x]
        for k, (w, b) in enumerate(zip(ws, bs)):
            z = hs[-1] @ w.T + b
            hs.append(np.maximum(z, 0) if k + 1 < len(ws) else z)
        z = hs.pop()
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        p = e / e.sum(axis=1, keepdims=True)
        loss = -np.log(p[np.arange(n), y]).mean()
        dz = (p - onehot) / np.float32(n)
        for k in range(len(ws) - 1, -1, -1):
            h = hs[k]
            dw = dz.T @ h
            db = dz.sum(axis=0)
            if k > 0:
                dz = (dz @ ws[k]) * (h > 0)
            ws[k] -= lr * dw
            bs[k] -= lr * db
        return loss

    ms, cpu_ms = time_epochs(epoch, epochs, warmup)
    print(json.dumps({"msPerEpoch": ms, "cpuMsPerEpoch": cpu_ms, "numpy": np.__version__, "hidden": hidden}))


if __name__ == "__main__":
    main()
