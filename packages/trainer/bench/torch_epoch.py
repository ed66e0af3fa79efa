"""One full-batch epoch of a 40-[hidden]-10 ReLU MLP in PyTorch (CPU, float32), the second native
peer of `pnpm bench`. It does what numpy_epoch.py does, with the same manual math rather than
autograd (no graph is recorded): forward, softmax cross-entropy gradient (p - onehot) / n,
backward, gradient-descent update in place. The JSON names the BLAS library torch loaded: Debian's
python3-torch uses whatever libblas.so.3 points to, the slow reference BLAS unless OpenBLAS
(libopenblas0-pthread) is installed.

usage: python3 torch_epoch.py HIDDEN(,HIDDEN...) EPOCHS WARMUP THREADS  -> one JSON line {msPerEpoch, ...}
"""
import json
import sys

import torch
from peer_timing import time_epochs


def main():
    hidden = [int(h) for h in sys.argv[1].split(",")]
    epochs, warmup, threads = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    torch.set_num_threads(threads)
    n, widths = 4000, [40, *hidden, 10]
    gen = torch.Generator().manual_seed(1)
    x = torch.randn(n, 40, generator=gen)
    y = torch.randint(0, 10, (n,), generator=gen)
    ws = [torch.randn(o, i, generator=gen) * (2 / i) ** 0.5 for i, o in zip(widths, widths[1:])]
    bs = [torch.zeros(o) for o in widths[1:]]
    lr = 0.0025
    onehot = torch.nn.functional.one_hot(y, 10).float()
    rows = torch.arange(n)

    def epoch():
        hs = [x]
        for k, (w, b) in enumerate(zip(ws, bs)):
            z = torch.addmm(b, hs[-1], w.T)
            hs.append(torch.relu(z) if k + 1 < len(ws) else z)
        p = torch.softmax(hs.pop(), dim=1)
        loss = -torch.log(p[rows, y]).mean()
        dz = (p - onehot) / n
        for k in range(len(ws) - 1, -1, -1):
            h = hs[k]
            dw = dz.T @ h
            db = dz.sum(dim=0)
            if k > 0:
                dz = (dz @ ws[k]) * (h > 0)
            ws[k].sub_(dw, alpha=lr)
            bs[k].sub_(db, alpha=lr)
        return loss

    with torch.no_grad():
        ms, cpu_ms = time_epochs(epoch, epochs, warmup)
    print(
        json.dumps(
            {
                "msPerEpoch": ms,
                "cpuMsPerEpoch": cpu_ms,
                "torch": torch.__version__,
                "threads": torch.get_num_threads(),
                "blas": blas_libraries(),
                "hidden": hidden,
            }
        )
    )


def blas_libraries():
    """The BLAS libraries loaded into this process (Linux), which tell OpenBLAS from the reference BLAS."""
    try:
        with open("/proc/self/maps") as maps:
            return sorted({line.split()[-1] for line in maps if "blas" in line.split()[-1].lower()})
    except OSError:
        return []


if __name__ == "__main__":
    main()
