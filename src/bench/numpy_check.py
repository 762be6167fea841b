"""A short vectorized numpy check of a mechcheck JSON file (private values), the
baseline of `npm run bench` (src/bench/check.ts). It computes what `mechcheck
check` reports (worst value and cases of the eight concepts, README
"Definitions": true profiles have P(t) > 0) and prints them as JSON, with the
CPU seconds spent loading the file and checking it.

usage: python3 numpy_check.py FILE
"""
import json, sys, time
import numpy as np

t0 = time.process_time()
f = json.load(open(sys.argv[1]))
counts = [t if isinstance(t, int) else len(t) for t in f["types"]]
n, S = len(counts), int(np.prod(counts))
C = f["outcomes"] if isinstance(f["outcomes"], int) else len(f["outcomes"])
if "independent" in f["prior"]:
    P = np.ones(counts)
    for i, m in enumerate(f["prior"]["independent"]):
        P = P * np.asarray(m, float).reshape([-1 if j == i else 1 for j in range(n)])
else:
    P = np.asarray(f["prior"]["joint"], float).reshape(counts)  # one state
vals = f["valuations"].get("private") or [v[0] for v in f["valuations"]["stateDependent"]]
V = [np.asarray(v, float) for v in vals]  # V[i][t_i, c]
out = f["outcome"]
if all(isinstance(o, int) for o in out):
    Q = np.zeros((S, C)); Q[np.arange(S), np.asarray(out)] = 1
else:
    Q = np.asarray([[1.0 if c == o else 0.0 for c in range(C)] if isinstance(o, int) else o for o in out], float)
X = np.asarray(f["transfers"], float)  # (S, n)
t1 = time.process_time()

true = P > 0
ds = ep = ii = eir = iir = (-np.inf, 0)
best = lambda acc, vals: (max(acc[0], vals.max()) if vals.size else acc[0], acc[1] + vals.size)
for i in range(n):
    T = counts[i]
    # agent i's axis first: (T, R) over the others' profiles R
    Xi = np.moveaxis(X[:, i].reshape(counts), i, 0).reshape(T, -1)
    Qi = np.moveaxis(Q.reshape(counts + [C]), i, 0).reshape(T, -1, C)
    Pi = np.moveaxis(P, i, 0).reshape(T, -1)
    own = Pi.sum(axis=1)
    acc = np.zeros((T, T))
    R = Xi.shape[1]
    step = max(1, 2_000_000 // (T * T))
    for r0 in range(0, R, step):
        r1 = min(R, r0 + step)
        # U[t, l, r] = x_i(l, r) + sum_c q(l, r)[c] v_i(c, t)
        U = Xi[None, :, r0:r1] + np.einsum("lrc,tc->tlr", Qi[:, r0:r1], V[i])
        truth = U[np.arange(T), np.arange(T)]  # (T, r)
        G = U - truth[:, None, :]
        lie = ~np.eye(T, dtype=bool)[:, :, None]
        ds = best(ds, G[np.broadcast_to(lie & (own > 0)[:, None, None], G.shape)])
        ep = best(ep, G[np.broadcast_to(lie & (Pi[:, r0:r1] > 0)[:, None, :], G.shape)])
        eir = best(eir, -truth[Pi[:, r0:r1] > 0])
        w = np.divide(Pi[:, r0:r1], own[:, None], out=np.zeros_like(Pi[:, r0:r1]), where=own[:, None] > 0)
        acc += np.einsum("tlr,tr->tl", U, w)
    pos = own > 0
    gi = acc - np.diag(acc)[:, None]
    ii = best(ii, gi[pos][~np.eye(T, dtype=bool)[pos]])
    iir = best(iir, -np.diag(acc)[pos])
deficit = X.sum(axis=1)[true.reshape(-1)]
res = {
    "dominantStrategyIC": ds, "exPostIC": ep, "interimIC": ii, "exPostIR": eir, "interimIR": iir,
    "exPostBudget": (deficit.max(), deficit.size),
    "exAnteBudget": ((P.reshape(-1) * X.sum(axis=1)).sum(), 1),
    "noPositiveTransfers": (X[true.reshape(-1)].max(), X[true.reshape(-1)].size),
}
t2 = time.process_time()
print(json.dumps({"loadCpu": t1 - t0, "checkCpu": t2 - t1, "results": {k: {"worst": float(v[0]) if v[1] else 0.0, "cases": int(v[1])} for k, v in res.items()}}))
