#!/usr/bin/env python3
"""Differential fixtures for BanneretLayout, answered by kiwisolver.

Both this script and Tests/BanneretLayoutTests/RandomSystem.swift build the
same random constraint systems from a seed (splitmix64, integer parameters
only, so no float formatting or parsing can make the two sides differ). This
script runs every operation through kiwisolver and records, per system:

  * a checksum of the generated operations, so the Swift generator is known
    to have built the same system;
  * the verdict of every operation that did not succeed;
  * at each checkpoint, the summed violation per strength level (required,
    strong, medium, weak; each constraint's violation times its weight);
  * at each checkpoint, the value of every variable that is pinned, i.e.
    equal in every optimal solution. A variable is free when a probe of
    negligible strength pulling it either way moves it without costing the
    real constraints anything; free variables are stored as `~`, and only
    their constraints' errors are compared.

kiwi leaves a rejected required constraint's row in its tableau (kiwi issue
#52) while BanneretLayout rolls it back, so after an UnsatisfiableConstraint
this script rebuilds the kiwi solver from the constraints that are in effect.

kiwi orders a constraint's terms by the memory address of its variables, so
two runs of this script can differ in the rounding noise of the errors and in
which few systems kiwi aborts on; verdicts do not change, nor do pinned values
beyond that noise.

Usage: scripts/kiwi-fixtures.py [--systems 2000] [--out PATH]
Needs: pip install kiwisolver
"""

import argparse
import ast
import os
import sys
import time

import kiwisolver as kiwi

MASK = (1 << 64) - 1

COEFFICIENTS = [1.0, -1.0, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5]
WINDOW = 10
WEIGHTS = [1.0, 0.5, 2.0, 3.0, 10.0]
REQUIRED, STRONG, MEDIUM, WEAK = 0, 1, 2, 3
EQ, LE, GE = 0, 1, 2
# strength::create levels for strong, medium, weak
LEVELS = {STRONG: (1.0, 0.0, 0.0), MEDIUM: (0.0, 1.0, 0.0), WEAK: (0.0, 0.0, 1.0)}
OPS = {EQ: "==", LE: "<=", GE: ">="}

# Operation kinds, with the integer codes the checksum uses.
ADD, REMOVE, ADD_EDIT, REMOVE_EDIT, SUGGEST, CHECK = 1, 2, 3, 4, 5, 6

# Verdict letters.
VERDICTS = {
    kiwi.UnsatisfiableConstraint: "U",
    kiwi.DuplicateConstraint: "D",
    kiwi.UnknownConstraint: "K",
    kiwi.DuplicateEditVariable: "E",
    kiwi.UnknownEditVariable: "F",
    kiwi.BadRequiredStrength: "R",
}

PROBE_STRENGTH = 1e-5


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def below(self, n):
        return self.next() % n


def generate(seed):
    """The system for `seed`: (variable count, constraint specs, operations).

    A constraint spec is (terms, constant, relation, strength, weight index)
    with terms as (variable index, coefficient index) pairs; it stands for
    sum(coefficient * variable) + constant <relation> 0. Mirrors
    Tests/BanneretLayoutTests/RandomSystem.swift draw for draw.
    """
    rng = SplitMix64(seed)
    # Mostly small systems, a few up to 200 variables.
    n = 20 + (rng.below(181) * rng.below(181) * rng.below(181)) // (180 * 180)
    relations = 4 + n // 3 + rng.below(n // 3 + 1)
    stays = 2 + n // 4 + rng.below(n // 4 + 1)
    specs = []
    ops = []

    def add(spec):
        specs.append(spec)
        ops.append((ADD, len(specs) - 1))

    def add_stay(i):
        kind = rng.below(10)
        if kind <= 3:
            add(([(i, 0)], -rng.below(501), EQ, WEAK, 0))
        elif kind <= 5:
            add(([(i, 0)], 0, GE, REQUIRED, 0))
        elif kind == 6:
            add(([(i, 0)], -rng.below(501), EQ, MEDIUM, 0))
        elif kind == 7:
            add(([(i, 0)], -(100 + rng.below(901)), LE, STRONG, 0))
        elif kind == 8:
            add(([(i, 0)], -(200 + rng.below(801)), LE, REQUIRED, 0))
        else:
            add(([(i, 0)], -rng.below(501), EQ, MEDIUM + rng.below(2), 1 + rng.below(4)))

    def add_relation():
        # Variables of one constraint lie in a small window, as neighbouring
        # layout elements do; this keeps the tableau sparse and well
        # conditioned (fully random systems drive kiwi into rounding failures).
        count = 2 + rng.below(4)
        base = rng.below(n)
        terms = [((base + rng.below(WINDOW)) % n, rng.below(len(COEFFICIENTS))) for _ in range(count)]
        constant = rng.below(401) - 200
        relation = rng.below(3)
        pick = rng.below(20)
        weight = 0
        if pick < 6:
            strength = REQUIRED
        elif pick < 10:
            strength = STRONG
        elif pick < 14:
            strength = MEDIUM
        elif pick < 18:
            strength = WEAK
        else:
            strength = 1 + rng.below(3)
            weight = 1 + rng.below(len(WEIGHTS) - 1)
        add((terms, constant, relation, strength, weight))

    def add_contradiction():
        terms, constant, relation, _, _ = specs[rng.below(len(specs))]
        shift = 1 + rng.below(50)
        if relation == EQ:
            add((terms, constant + shift, EQ, REQUIRED, 0))
        elif relation == LE:
            add((terms, constant - shift, GE, REQUIRED, 0))
        else:
            add((terms, constant + shift, LE, REQUIRED, 0))

    remaining_relations, remaining_stays = relations, stays
    while remaining_relations + remaining_stays > 0:
        if rng.below(remaining_relations + remaining_stays) < remaining_stays:
            remaining_stays -= 1
            add_stay(rng.below(n))
        else:
            remaining_relations -= 1
            add_relation()
        extra = rng.below(30)
        if extra == 0:
            ops.append((ADD, rng.below(len(specs))))
        elif extra == 1:
            ops.append((REMOVE, rng.below(len(specs))))
        elif extra <= 3:
            add_contradiction()
    ops.append((CHECK, 0))

    edit_vars = []
    for _ in range(1 + rng.below(3)):
        v = rng.below(n)
        pick = rng.below(10)
        strength = STRONG if pick <= 3 else MEDIUM if pick <= 6 else WEAK if pick <= 8 else REQUIRED
        ops.append((ADD_EDIT, v, strength))
        edit_vars.append(v)
    for _ in range(2 + rng.below(4)):
        v = rng.below(n) if rng.below(8) == 0 else edit_vars[rng.below(len(edit_vars))]
        ops.append((SUGGEST, v, rng.below(1001) - 100))
    ops.append((CHECK, 1))

    for _ in range(rng.below(relations // 4 + 2)):
        ops.append((REMOVE, rng.below(len(specs))))
    ops.append((REMOVE_EDIT, edit_vars[0] if rng.below(4) else rng.below(n)))
    for v in edit_vars[1:]:
        ops.append((SUGGEST, v, rng.below(1001) - 100))
    ops.append((CHECK, 2))
    return n, specs, ops


def checksum(n, specs, ops):
    """FNV-1a over every integer that defines the system."""
    h = 0xCBF29CE484222325

    def feed(value):
        nonlocal h
        h = ((h ^ (value & MASK)) * 0x100000001B3) & MASK

    feed(n)
    for op in ops:
        for value in op:
            feed(value)
        if op[0] == ADD:
            terms, constant, relation, strength, weight = specs[op[1]]
            feed(len(terms))
            for v, c in terms:
                feed(v)
                feed(c)
            for value in (constant, relation, strength, weight):
                feed(value)
    return h


def strength_value(strength, weight):
    if strength == REQUIRED:
        return kiwi.strength.required
    a, b, c = LEVELS[strength]
    return kiwi.strength.create(a, b, c, WEIGHTS[weight])


def build_constraint(spec, variables):
    terms, constant, relation, strength, weight = spec
    expression = kiwi.Expression(
        tuple(kiwi.Term(variables[v], COEFFICIENTS[c]) for v, c in terms), float(constant))
    return kiwi.Constraint(expression, OPS[relation], strength_value(strength, weight))


def edit_strength(code):
    return {STRONG: "strong", MEDIUM: "medium", WEAK: "weak", REQUIRED: "required"}[code]


def violation(value, relation):
    if relation == EQ:
        return abs(value)
    if relation == LE:
        return max(0.0, value)
    return max(0.0, -value)


def level_errors(values, specs, active, edits):
    """Summed violation per level: required, strong, medium, weak."""
    errors = [0.0, 0.0, 0.0, 0.0]
    for index in active:
        terms, constant, relation, strength, weight = specs[index]
        value = float(constant)
        for v, c in terms:
            value += COEFFICIENTS[c] * values[v]
        errors[strength] += WEIGHTS[weight] * violation(value, relation)
    for v, (strength, suggestion) in edits.items():
        errors[strength] += abs(values[v] - suggestion)
    return errors


def fresh_solver(variables, specs, active, edits, constraints):
    solver = kiwi.Solver()
    for index in active:
        solver.addConstraint(constraints[index])
    for v, (strength, suggestion) in edits.items():
        solver.addEditVariable(variables[v], edit_strength(strength))
        solver.suggestValue(variables[v], float(suggestion))
    return solver


def close(a, b):
    return abs(a - b) <= 1e-7 * max(1.0, abs(a), abs(b))


def pinned_values(values, variables, specs, active, edits, constraints):
    """Each variable's value if every optimal solution shares it, else None."""
    probe_solver = fresh_solver(variables, specs, active, edits, constraints)
    probe_solver.updateVariables()
    result = []
    for v, variable in enumerate(variables):
        value = values[v]
        if not close(variable.value(), value):
            # Another optimal solution differs here: not pinned.
            result.append(None)
            continue
        pinned = True
        for target in (value + 1.0, value - 1.0):
            probe = kiwi.Constraint(variable - target, "==", PROBE_STRENGTH)
            probe_solver.addConstraint(probe)
            probe_solver.updateVariables()
            moved = not close(variable.value(), value)
            probe_solver.removeConstraint(probe)
            if moved:
                pinned = False
                break
        result.append(value if pinned else None)
    return result


def run(seed):
    n, specs, ops = generate(seed)
    variables = [kiwi.Variable(f"v{i}") for i in range(n)]
    constraints = [build_constraint(spec, variables) for spec in specs]
    solver = kiwi.Solver()
    active = []          # constraint indices in effect, in the order added
    edits = {}           # variable index -> (strength, last suggestion), in order added
    verdicts = []
    checkpoints = []
    rebuilds = 0
    for position, op in enumerate(ops):
        kind = op[0]
        try:
            if kind == ADD:
                solver.addConstraint(constraints[op[1]])
                active.append(op[1])
            elif kind == REMOVE:
                solver.removeConstraint(constraints[op[1]])
                active.remove(op[1])
            elif kind == ADD_EDIT:
                solver.addEditVariable(variables[op[1]], edit_strength(op[2]))
                edits[op[1]] = (op[2], 0)
            elif kind == REMOVE_EDIT:
                solver.removeEditVariable(variables[op[1]])
                del edits[op[1]]
            elif kind == SUGGEST:
                solver.suggestValue(variables[op[1]], float(op[2]))
                edits[op[1]] = (edits[op[1]][0], op[2])
            elif kind == CHECK:
                solver.updateVariables()
                values = [variable.value() for variable in variables]
                errors = level_errors(values, specs, active, edits)
                pinned = pinned_values(values, variables, specs, active, edits, constraints)
                checkpoints.append((op[1], errors, pinned))
        except tuple(VERDICTS) as error:
            letter = VERDICTS[type(error)]
            verdicts.append((position, letter))
            if letter == "U":
                solver = fresh_solver(variables, specs, active, edits, constraints)
                rebuilds += 1
    return n, checksum(n, specs, ops), len(ops), verdicts, checkpoints, rebuilds


def number(value):
    if value is None:
        return "~"
    text = "%.12g" % value
    return "0" if text == "-0" else text


def run_isolated(seed):
    """`run(seed)` in a child process, or None if kiwi aborted the process.

    kiwisolver lets kiwi's InternalSolverError escape as a C++ exception that
    terminates Python (kiwi's "objective is unbounded" on rounding noise), so
    each system runs in a fork and a system that kills its child is recorded
    as aborted instead of compared.
    """
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        # kiwi's abort message would only repeat what the summary counts.
        os.dup2(os.open(os.devnull, os.O_WRONLY), 2)
        with os.fdopen(write_end, "w") as out:
            out.write(repr(run(seed)))
        os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end) as incoming:
        data = incoming.read()
    _, status = os.waitpid(pid, 0)
    if status != 0 or not data:
        return None
    return ast.literal_eval(data)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--systems", type=int, default=2000, help="systems to compare")
    parser.add_argument("--first-seed", type=int, default=1)
    parser.add_argument("--out", default="Tests/BanneretLayoutTests/Fixtures/kiwi-systems.txt")
    args = parser.parse_args()

    started = time.time()
    lines = [
        f"# kiwisolver {kiwi.__version__} answers for the systems of scripts/kiwi-fixtures.py;"
        " regenerate with that script, do not edit.",
        "# system <seed> <checksum> <variables> <operations>",
        "# verdicts <operation>:<U unsatisfiable|D duplicate|K unknown constraint|"
        "E duplicate edit|F unknown edit|R required edit>...",
        "# errors <checkpoint> <required> <strong> <medium> <weak>",
        "# values <checkpoint> <value, or ~ where not pinned>...",
        "# aborted <seed> <checksum>: kiwi died with InternalSolverError; nothing to compare",
    ]
    totals = {"ops": 0, "vars": 0, "pinned": 0, "values": 0, "rebuilds": 0, "aborted": 0}
    letters = {}
    seed = args.first_seed
    compared = 0
    while compared < args.systems:
        result = run_isolated(seed)
        if result is None:
            n, specs, ops = generate(seed)
            lines.append(f"aborted {seed} {checksum(n, specs, ops)}")
            totals["aborted"] += 1
            seed += 1
            continue
        n, digest, count, verdicts, checkpoints, rebuilds = result
        totals["ops"] += count
        totals["vars"] += n
        totals["rebuilds"] += rebuilds
        lines.append(f"system {seed} {digest} {n} {count}")
        lines.append("verdicts" + "".join(f" {p}:{l}" for p, l in verdicts))
        for letter in (l for _, l in verdicts):
            letters[letter] = letters.get(letter, 0) + 1
        for index, errors, pinned in checkpoints:
            lines.append(f"errors {index} " + " ".join(number(e) for e in errors))
            lines.append(f"values {index} " + " ".join(number(v) for v in pinned))
            totals["pinned"] += sum(v is not None for v in pinned)
            totals["values"] += len(pinned)
        compared += 1
        seed += 1
    with open(args.out, "w") as out:
        out.write("\n".join(lines) + "\n")
    print(f"{compared} systems compared, {totals['aborted']} aborted by kiwi, {totals['vars']} variables,"
          f" {totals['ops']} operations, verdicts {dict(sorted(letters.items()))},"
          f" {totals['rebuilds']} rebuilds after unsatisfiable,"
          f" {totals['pinned']}/{totals['values']} checkpoint values pinned,"
          f" {time.time() - started:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
