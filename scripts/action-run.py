#!/usr/bin/env python3
"""Runs this repository's composite GitHub Action (action.yml) here, step by
step as a runner would, for scripts/action-test.sh.

    action-run.py [--ref REF] [--skip-uses PREFIX]... [--input NAME=VALUE]...
    action-run.py --check

It supports what action.yml uses and fails on anything else, so that a
change to action.yml that it cannot follow fails the test instead of going
untested: inputs with defaults; steps with an id, an `if:` of the form
steps.ID.outputs.NAME == 'VALUE', env, and `run:` with shell bash; the
expressions ${{ inputs.NAME }}, ${{ github.action_path }},
${{ github.action_ref }} and ${{ steps.ID.outputs.NAME }}. A `uses:` step
that is taken fails, unless --skip-uses names it (the test skips
actions/setup-go: this machine's Go is on PATH). As on a runner, each step
gets GITHUB_OUTPUT and GITHUB_PATH files, GITHUB_ACTION_PATH and
RUNNER_TEMP, RUNNER_OS and RUNNER_ARCH (Linux and X64 unless set), and the
directories that earlier steps wrote to GITHUB_PATH lead its PATH.

--check only reads action.yml: it must be YAML of the shape above, every
expression in it one of those, every step id it names defined before, every
input it names declared, and every script it runs present.

Exit status: that of the first step that fails, else 0.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

import yaml

ACTION_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXPR = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
IF = re.compile(r"^steps\.([\w-]+)\.outputs\.([\w-]+) == '([^']*)'$")


class Unsupported(Exception):
    """Something in action.yml that this runner does not follow."""


def load():
    with open(os.path.join(ACTION_DIR, "action.yml")) as f:
        action = yaml.safe_load(f)
    for key in ("name", "description", "inputs", "runs"):
        if key not in action:
            raise Unsupported(f"action.yml has no {key}")
    if action["runs"].get("using") != "composite":
        raise Unsupported("action.yml is not a composite action")
    return action


def value(expr, ctx):
    """Evaluates one ${{ }} expression."""
    m = re.fullmatch(r"inputs\.([\w-]+)", expr)
    if m:
        if m[1] not in ctx["inputs"]:
            raise Unsupported(f"input {m[1]} is not declared")
        return ctx["inputs"][m[1]]
    if expr in ("github.action_path", "github.action_ref"):
        return ctx[expr]
    m = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", expr)
    if m:
        if m[1] not in ctx["steps"]:
            raise Unsupported(f"step {m[1]} is not defined before it is used")
        return ctx["steps"][m[1]].get(m[2], "")
    raise Unsupported(f"expression ${{{{ {expr} }}}}")


def expand(text, ctx):
    return EXPR.sub(lambda m: value(m[1], ctx), str(text))


def condition(step, ctx):
    cond = step.get("if")
    if cond is None:
        return True
    m = IF.match(EXPR.sub(lambda m: m[1], str(cond)).strip())
    if not m:
        raise Unsupported(f"if: {cond}")
    return value(f"steps.{m[1]}.outputs.{m[2]}", ctx) == m[3]


def read_lines(path):
    with open(path) as f:
        return [line.rstrip("\n") for line in f if line.strip()]


def check(action):
    """Reads every step as run() would, taking every branch."""
    inputs = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
    ctx = {"inputs": inputs, "github.action_path": ACTION_DIR, "github.action_ref": "", "steps": {}}
    for i, step in enumerate(action["runs"]["steps"]):
        where = f"step {i + 1} ({step.get('name', '?')})"
        try:
            condition(step, ctx)
            for v in list(step.get("env", {}).values()) + list(step.get("with", {}).values()):
                expand(v, ctx)
            if "run" in step:
                if step.get("shell") != "bash":
                    raise Unsupported("a run step without shell: bash")
                if EXPR.search(step["run"]):
                    raise Unsupported("an expression inside run: (pass it through env:)")
                for script in re.findall(r'"\$GITHUB_ACTION_PATH/([^"]+)"', step["run"]):
                    if not os.path.isfile(os.path.join(ACTION_DIR, script)):
                        raise Unsupported(f"{script} does not exist")
            elif "uses" not in step:
                raise Unsupported("neither run: nor uses:")
        except Unsupported as e:
            raise Unsupported(f"{where}: {e}") from None
        if "id" in step:
            ctx["steps"][step["id"]] = {}


def run(action, ref, inputs, skip_uses, temp):
    declared = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
    for name in inputs:
        if name not in declared:
            raise Unsupported(f"input {name} is not declared")
    declared.update(inputs)
    ctx = {"inputs": declared, "github.action_path": ACTION_DIR, "github.action_ref": ref, "steps": {}}
    path_file = os.path.join(temp, "path")
    open(path_file, "w").close()
    for i, step in enumerate(action["runs"]["steps"]):
        name = step.get("name", f"step {i + 1}")
        outputs = {}
        if not condition(step, ctx):
            print(f"-- {name}: skipped", flush=True)
        elif "uses" in step:
            if not any(step["uses"].startswith(p) for p in skip_uses):
                raise Unsupported(f"{name}: uses {step['uses']}")
            print(f"-- {name}: {step['uses']} not run (--skip-uses)", flush=True)
        else:
            print(f"-- {name}", flush=True)
            output_file = os.path.join(temp, f"output{i}")
            open(output_file, "w").close()
            script = os.path.join(temp, f"step{i}.sh")
            with open(script, "w") as f:
                f.write(step["run"])
            env = dict(os.environ)
            env.setdefault("RUNNER_OS", "Linux")
            env.setdefault("RUNNER_ARCH", "X64")
            env.setdefault("RUNNER_TEMP", temp)
            env.update({k: expand(v, ctx) for k, v in step.get("env", {}).items()})
            env.update({"GITHUB_OUTPUT": output_file, "GITHUB_PATH": path_file, "GITHUB_ACTION_PATH": ACTION_DIR})
            env["PATH"] = os.pathsep.join(list(reversed(read_lines(path_file))) + [env["PATH"]])
            status = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", script], env=env).returncode
            if status != 0:
                print(f"-- {name}: exit status {status}", flush=True)
                return status
            for line in read_lines(output_file):
                key, _, val = line.partition("=")
                outputs[key] = val
        if "id" in step:
            ctx["steps"][step["id"]] = outputs
    return 0


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--check", action="store_true", help="only check action.yml")
    p.add_argument("--ref", default="", help="github.action_ref (default: none, as for uses: ./)")
    p.add_argument("--input", action="append", default=[], metavar="NAME=VALUE")
    p.add_argument("--skip-uses", action="append", default=[], metavar="PREFIX")
    args = p.parse_args()
    try:
        action = load()
        check(action)
        if args.check:
            print("action.yml: ok")
            return 0
        inputs = dict(i.split("=", 1) for i in args.input)
        with tempfile.TemporaryDirectory(prefix="action-run-") as temp:
            return run(action, args.ref, inputs, args.skip_uses, temp)
    except (Unsupported, yaml.YAMLError) as e:
        print(f"action-run.py: {e}", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
