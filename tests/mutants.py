#!/usr/bin/env python3
"""mutants.py - does the suite catch a broken rule?

Each mutant in tests/mutants.txt is one small deliberate bug: a file, an
exact text in it, its replacement, and the tests that must fail with it.
The runner checks the table against the sources first, copies the tree
(never touching the one it is run from), builds it once per parallel job,
runs each named test once without a bug (a test that fails already would
make every mutant look caught), then for each mutant puts the bug in,
rebuilds, runs the named tests in order until one fails, and takes the bug
out again.  Verdicts:
  killed    a named test failed (a "not ok" line, a crash, a wrong plan,
            a hang); with "by", the failure must name that test
  SURVIVED  every named test passed with the bug in: the suite misses the
            rule (add a check), or the mutant changes nothing a user could
            see (rewrite it)
  BROKEN    the table entry is wrong: its text is not in the file exactly
            once, the bug does not build, a test or a "by" names nothing
A run with any SURVIVED or BROKEN fails.

  tests/mutants.py                   every mutant, then the runner's self-test
  tests/mutants.py --sample          those marked "sample" (CI), then the self-test
  tests/mutants.py --only NAME...    the named mutants (options may follow)
  tests/mutants.py --list            the table, one line each
  --table FILE   another table;  --jobs N   trees side by side (default: cores)
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TABLE = os.path.join(TOP, 'tests', 'mutants.txt')
TEST_TIMEOUT = 300  # a test that takes longer hangs: a hang is caught too
KEYS = ('file', 'from', 'to', 'tests', 'by', 'sample')


def unescape(text):
    """\\n, \\t and \\\\ in a table value: code that spans lines or starts
    with a tab."""
    return re.sub(r'\\([nt\\])', lambda m: {'n': '\n', 't': '\t', '\\': '\\'}[m.group(1)], text)


def read_table(path):
    """The mutants of a table, in order, each a dict; exits on a malformed
    entry, naming its line."""
    mutants, cur = [], None
    with open(path, encoding='utf-8') as f:
        for no, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if not line.strip() or line.lstrip().startswith('#'):
                continue
            if line.startswith('[') and line.endswith(']'):
                cur = {'name': line[1:-1], 'line': no}
                mutants.append(cur)
                continue
            key, _, value = line.partition(' ')
            if cur is None:
                sys.exit(f"{path}:{no}: '{key}' before the first [mutant name]")
            if key not in KEYS:
                sys.exit(f"{path}:{no}: [{cur['name']}]: unknown key '{key}'"
                         f" (the keys: {', '.join(KEYS)})")
            if key in cur:
                sys.exit(f"{path}:{no}: [{cur['name']}]: '{key}' twice")
            if key == 'sample' and value.strip():
                sys.exit(f"{path}:{no}: [{cur['name']}]: 'sample' takes no value")
            cur[key] = unescape(value.strip()) if key in ('from', 'to') else value.strip()
    names = set()
    for m in mutants:
        for key in ('file', 'from', 'to', 'tests'):
            if key not in m:
                sys.exit(f"{path}:{m['line']}: [{m['name']}] has no {key}")
        if m['name'] in names:
            sys.exit(f"{path}:{m['line']}: [{m['name']}] twice")
        names.add(m['name'])
        m['tests'] = m['tests'].split()
    return mutants


def copy_tree(dest):
    """The files git knows of (committed or not, never build output); out of
    git (a tarball), everything but the build."""
    r = subprocess.run(['git', '-C', TOP, 'ls-files', '-co', '--exclude-standard', '-z'],
                       capture_output=True)
    if r.returncode != 0:
        shutil.copytree(TOP, dest, dirs_exist_ok=True, symlinks=True,
                        ignore=shutil.ignore_patterns('build', 'rapport', '.git'))
        return
    files = r.stdout.split(b'\0')
    for rel in files:
        if not rel:
            continue
        rel = rel.decode()
        src = os.path.join(TOP, rel)
        if not os.path.isfile(src):
            continue
        os.makedirs(os.path.join(dest, os.path.dirname(rel)), exist_ok=True)
        shutil.copy2(src, os.path.join(dest, rel))


def build(tree):
    r = subprocess.run(['make', '-s', '-C', tree, 'all', 'unit'], capture_output=True, text=True)
    return r.returncode == 0, r.stdout + r.stderr


def test_env(tree):
    env = dict(os.environ)
    for var in ('RAPPORT_NOW', 'XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'RAPPORT_TEST_SLOW'):
        env.pop(var, None)
    env.update(RAPPORT=os.path.join(tree, 'rapport'), LC_ALL='C.UTF-8',
               CMOCKA_MESSAGE_OUTPUT='TAP', TEST_JOBS='1')
    return env


def run_test(tree, test, want_output=False):
    """(failed, the lines that say how) for one test of the tree:
    unit/test_x or e2e/test_x (and its output, if asked)."""
    failed, lines, out = run_test_output(tree, test)
    return (failed, lines, out) if want_output else (failed, lines)


def run_test_output(tree, test):
    kind, _, name = test.partition('/')
    if kind == 'unit':
        cmd = [os.path.join(tree, 'build', 'rel', 'tests', name)]
    elif kind == 'e2e':
        cmd = ['sh', os.path.join(tree, 'tests', 'e2e', name + '.sh')]
    else:
        return True, [f"no such test: {test}"]
    try:
        r = subprocess.run(['timeout', '-s', 'KILL', str(TEST_TIMEOUT)] + cmd, cwd=tree,
                           env=test_env(tree), stdin=subprocess.DEVNULL,
                           capture_output=True, text=True, errors='replace')
    except OSError as e:
        return True, [str(e)], ''

    out = r.stdout + r.stderr
    bad = [line for line in out.splitlines() if line.startswith('not ok ')]
    plan = re.findall(r'^1\.\.(\d+)$', r.stdout, re.M)
    count = len(re.findall(r'^(?:not )?ok \d+', r.stdout, re.M))
    if r.returncode in (-9, 137):
        return True, [f"HUNG: killed after {TEST_TIMEOUT} s"], r.stdout
    if r.returncode != 0 and not bad:
        bad.append(f"exit status {r.returncode}")
    if not plan or int(plan[-1]) != count:
        bad.append(f"plan {plan[-1] if plan else 'missing'}, {count} ran")
    return bool(bad), bad, r.stdout


def put(path, text):
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)


def try_mutant(tree, m):
    """(verdict, detail): killed, SURVIVED or BROKEN (the table is wrong)."""
    path = os.path.join(tree, m['file'])
    try:
        with open(path, encoding='utf-8') as f:
            original = f.read()
    except OSError as e:
        return 'BROKEN', str(e)
    found = original.count(m['from'])
    if found != 1:
        return 'BROKEN', f"its text is in {m['file']} {found} times, not once"
    put(path, original.replace(m['from'], m['to']))
    try:
        ok, log = build(tree)
        if not ok:
            errors = [line.strip() for line in log.splitlines() if 'error:' in line]
            return 'BROKEN', 'does not build: ' + ' | '.join((errors or log.splitlines()[-3:])[:2])
        failures = []
        for test in m['tests']:
            failed, lines = run_test(tree, test)
            if failed:
                failures += [f"{test}: {line}" for line in lines]
                hung = lines[0].startswith('HUNG')
                if 'by' not in m or hung or any(m['by'] in line for line in failures):
                    return 'killed', failures[0] if 'by' not in m or hung else \
                        next(line for line in failures if m['by'] in line)
        if failures:
            return 'SURVIVED', f"tests failed, but none named {m['by']}: {failures[0]}"
        return 'SURVIVED', f"{' '.join(m['tests'])} passed with it"
    finally:
        put(path, original)  # newer than what the bug built: make rebuilds it


def test_path(top, test):
    kind, _, name = test.partition('/')
    if kind == 'unit':
        return os.path.join(top, 'tests', 'unit', name + '.c')
    if kind == 'e2e':
        return os.path.join(top, 'tests', 'e2e', name + '.sh')
    return None


def check_table(mutants):
    """Entries that cannot be tried, as (mutant, why), found in the sources
    before anything is built."""
    bad = []
    for m in mutants:
        path = os.path.join(TOP, m['file'])
        if not os.path.isfile(path):
            bad.append((m, f"no file {m['file']}"))
            continue
        with open(path, encoding='utf-8') as f:
            found = f.read().count(m['from'])
        if found != 1:
            bad.append((m, f"its text is in {m['file']} {found} times, not once"
                           " (a C \\n in the source is written \\\\n in the table)"))
            continue
        for t in m['tests']:
            tp = test_path(TOP, t)
            if not tp or not os.path.isfile(tp):
                bad.append((m, f"no such test: {t} (unit/test_x for tests/unit/test_x.c,"
                               " e2e/test_x for tests/e2e/test_x.sh)"))
                break
    return bad


def baseline(tree, tests):
    """The named tests pass on the tree without a mutant (else every mutant
    would look killed)."""
    bad, seen = [], {}
    for test in sorted(set(tests)):
        failed, lines, out = run_test(tree, test, want_output=True)
        seen[test] = out
        if failed:
            bad.append(f"{test}: {lines[0]}")
    return bad, seen


def make_trees(n, keep):
    trees = []
    for _ in range(n):
        d = tempfile.mkdtemp(prefix='rapport-mutants.')
        keep.append(d)
        os.chmod(d, 0o755)  # tests that run the program as another user
        copy_tree(d)
        ok, log = build(d)
        if not ok:
            sys.exit("the tree does not build without a mutant:\n" + log[-2000:])
        trees.append(d)
    return trees


def run(mutants, jobs):
    """Every mutant on `jobs` trees side by side; returns the number that
    survived or are broken."""
    started = time.time()
    keep = []
    tally = {'killed': 0, 'SURVIVED': 0, 'BROKEN': 0}
    lock = threading.Lock()

    def say(verdict, m, detail, t0):
        with lock:
            tally[verdict] += 1
            print(f"{verdict:8} [{m['name']}] {m['file']}: {detail} "
                  f"({time.time() - t0:.0f} s)", flush=True)

    try:
        broken = check_table(mutants)
        for m, why in broken:
            say('BROKEN', m, why, time.time())
        todo = [m for m in mutants if m not in [b for b, _ in broken]]
        if todo:
            print(f"building {min(jobs, len(todo))} copies of the tree...", flush=True)
            trees = make_trees(min(jobs, len(todo)), keep)
            bad, seen = baseline(trees[0], [t for m in todo for t in m['tests']])
            if bad:
                print("the tests fail without a mutant (fix them first):\n  " + "\n  ".join(bad))
                return len(mutants)
            for m in list(todo):
                if 'by' in m and not any(m['by'] in line for t in m['tests']
                                         for line in seen[t].splitlines()
                                         if re.match(r'(not )?ok \d', line)):
                    say('BROKEN', m, f"by: no test of {' '.join(m['tests'])} is named"
                                     f" '{m['by']}'", time.time())
                    todo.remove(m)

            def worker(t):
                while True:
                    with lock:
                        if not todo:
                            return
                        m = todo.pop(0)
                    t0 = time.time()
                    verdict, detail = try_mutant(t, m)
                    say(verdict, m, detail, t0)

            threads = [threading.Thread(target=worker, args=(t,)) for t in trees]
            for th in threads:
                th.start()
            for th in threads:
                th.join()
        print(f"mutants: {tally['killed']} killed, {tally['SURVIVED']} survived, "
              f"{tally['BROKEN']} broken, of {len(mutants)}, in {time.time() - started:.0f} s")
        return tally['SURVIVED'] + tally['BROKEN']
    finally:
        for d in keep:
            shutil.rmtree(d, ignore_errors=True)


def self_test(jobs):
    """The runner reports a mutant that changes nothing (a comment) as
    surviving, and a real one as killed, and fails because of the first."""
    with tempfile.TemporaryDirectory(prefix='rapport-mutants-self.') as d:
        table = os.path.join(d, 'table.txt')
        put(table, "[a comment changed]\nfile core/when.c\n"
                   "from /* Digits only, 1..maxlen of them; returns the value or -1. */\n"
                   "to /* (changed by the self-test) */\ntests unit/test_when\n\n"
                   "[leap years every four years]\nfile core/when.c\n"
                   "from return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;\n"
                   "to return y % 4 == 0;\ntests unit/test_when\n"
                   "by test_leap_years_by_the_gregorian_rule\n")
        r = subprocess.run([sys.executable, os.path.abspath(__file__), '--table', table,
                            '--jobs', str(jobs)], capture_output=True, text=True)
    out = r.stdout
    checks = [
        (r.returncode != 0, "the run fails"),
        (re.search(r'^SURVIVED \[a comment changed\]', out, re.M), "the comment survives"),
        (re.search(r'^killed +\[leap years every four years\]', out, re.M), "the bug is killed"),
        ('mutants: 1 killed, 1 survived, 0 broken, of 2' in out, "the count says so"),
    ]
    failed = [what for good, what in checks if not good]
    if failed:
        print("self-test of the runner FAILED: " + ", ".join(failed) + "\n" + out + r.stderr)
        return 1
    print("self-test: a comment changed is reported as surviving, a real bug as killed")
    return 0


def parse(argv):
    opts = {'table': TABLE, 'jobs': os.cpu_count() or 2, 'only': None, 'sample': False,
            'list': False}
    args = list(argv)
    while args:
        a = args.pop(0)
        if a in ('--table', '--jobs'):
            if not args:
                sys.exit(f"{a} needs a value")
            v = args.pop(0)
            if a == '--jobs':
                if not v.isdigit() or int(v) < 1:
                    sys.exit(f"--jobs wants a number from 1, not '{v}'")
                opts['jobs'] = int(v)
            else:
                opts['table'] = v
        elif a in ('--sample', '--list'):
            opts[a[2:]] = True
        elif a == '--only':
            opts['only'] = opts['only'] or []
            while args and not args[0].startswith('--'):
                opts['only'].append(args.pop(0).strip('[]'))
            if not opts['only']:
                sys.exit("--only needs the names of mutants (tests/mutants.py --list)")
        else:
            sys.exit(f"unknown argument '{a}'\n\n" + __doc__)
    return opts


def main(argv):
    o = parse(argv)
    mutants = read_table(o['table'])
    if o['list']:
        try:
            for m in mutants:
                print(f"[{m['name']}] {m['file']} -> {' '.join(m['tests'])}"
                      f"{' (sample)' if 'sample' in m else ''}")
        except BrokenPipeError:
            sys.stderr.close()
        return 0
    if o['only']:
        unknown = set(o['only']) - {m['name'] for m in mutants}
        if unknown:
            sys.exit("no such mutant: " + ", ".join(sorted(unknown)) + " (tests/mutants.py --list)")
        mutants = [m for m in mutants if m['name'] in o['only']]
    elif o['sample']:
        mutants = [m for m in mutants if 'sample' in m]
    failed = run(mutants, o['jobs'])
    if o['table'] == TABLE and not o['only']:
        failed += self_test(o['jobs'])
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
