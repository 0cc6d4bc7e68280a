"""Baseline for `npm run bench -- propagation`: personalised PageRank by scipy.sparse power iteration
on the same projected account graph RingScope walks (written by propagation.ts as raw arrays).

Reads <dir>/member_offsets.i32, members.i32, weights.f64, seeds.i32 and the account count from argv;
prints JSON {"secondsPerIteration": s, "iterations": n}.
"""
import json
import sys
import time

import numpy as np
import scipy.sparse as sp

folder, account_count, iterations = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
offsets = np.fromfile(f"{folder}/member_offsets.i32", dtype=np.int32)
members = np.fromfile(f"{folder}/members.i32", dtype=np.int32)
weights = np.fromfile(f"{folder}/weights.f64", dtype=np.float64)
seeds = np.fromfile(f"{folder}/seeds.i32", dtype=np.int32)

# Account x identifier incidence; the projected adjacency is B diag(w) B^T without its diagonal.
identifier_of_member = np.repeat(np.arange(len(weights), dtype=np.int32), np.diff(offsets))
incidence = sp.csr_matrix((np.ones(len(members)), (members, identifier_of_member)), shape=(account_count, len(weights)))
adjacency = (incidence @ sp.diags(weights) @ incidence.T).tocsr()
adjacency.setdiag(0)
adjacency.eliminate_zeros()
degree = np.asarray(adjacency.sum(axis=1)).ravel()
inverse_degree = np.divide(1.0, degree, out=np.zeros_like(degree), where=degree > 0)
restart = np.zeros(account_count)
restart[seeds] = 1.0 / len(seeds)

damping = 0.85
score = restart.copy()
started = time.perf_counter()
for _ in range(iterations):
    dangling = score[degree == 0].sum()
    score = damping * (adjacency @ (score * inverse_degree)) + (1 - damping + damping * dangling) * restart
elapsed = time.perf_counter() - started
print(json.dumps({"secondsPerIteration": elapsed / iterations, "iterations": iterations}))
