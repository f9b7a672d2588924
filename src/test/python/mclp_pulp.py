"""The maximal covering location problem as spopt builds it (spopt.locate.MCLP: maximise the covered weight,
sum_i a_i y_i, subject to y_i <= sum of x_j over the facilities j covering i, sum_j x_j = p, x and y binary), solved
by PuLP with CBC. Reads {"weights": [...], "covers": [[j, ...], ...], "facilities": n, "p": p} on stdin; writes
{"objective": ..., "seconds": ..., "chosen": [...]} on stdout, the time being that of the solve alone."""
import json
import sys
import time

import pulp


def main():
    instance = json.load(sys.stdin)
    weights, covers, n, p = instance["weights"], instance["covers"], instance["facilities"], instance["p"]
    model = pulp.LpProblem("mclp", pulp.LpMaximize)
    x = [pulp.LpVariable(f"x{j}", cat="Binary") for j in range(n)]
    y = [pulp.LpVariable(f"y{i}", cat="Binary") for i in range(len(weights))]
    model += pulp.lpSum(w * y[i] for i, w in enumerate(weights))
    for i, js in enumerate(covers):
        model += y[i] <= pulp.lpSum(x[j] for j in js)
    model += pulp.lpSum(x) == p
    start = time.perf_counter()
    status = model.solve(pulp.COIN_CMD(msg=False))
    seconds = time.perf_counter() - start
    if pulp.LpStatus[status] != "Optimal":
        sys.exit("CBC: " + pulp.LpStatus[status])
    json.dump({"objective": pulp.value(model.objective), "seconds": seconds,
               "chosen": [j for j in range(n) if x[j].value() > 0.5]}, sys.stdout)


if __name__ == "__main__":
    main()
