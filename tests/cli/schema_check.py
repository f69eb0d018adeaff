#!/usr/bin/env python3
"""Checks files against the JSON Schema `happyvalley schema` writes.

  schema_check.py files SCHEMA FILE...   each file must be valid
  schema_check.py docs SCHEMA PAGE...    each whole file a page shows must be valid
  schema_check.py broken SCHEMA DIR      each key error DIR's files expect
                                         must be one the schema reports

Files are read as YAML 1.2 reads them (as the YAML language server does):
`yes`, `no`, `on` and `off` are text, not true and false. Every problem is
printed as FILE: PATH: MESSAGE; the exit code is 1 when there is one.
"""
import json
import re
import sys

import jsonschema
import yaml


class Yaml12Loader(yaml.SafeLoader):
    """PyYAML's safe loader with the scalars of YAML 1.2's core schema."""


Yaml12Loader.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
              r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", "-+0123456789."),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
]:
    Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:" + tag, re.compile(pattern), list(first))


def construct_int(loader, node):
    text = loader.construct_scalar(node)
    if text[:2] in ("0o", "0x"):
        return int(text[2:], 8 if text[1] == "o" else 16)
    return int(text, 10)


def construct_float(loader, node):
    text = loader.construct_scalar(node).lower()
    if text.lstrip("+-") == ".inf":
        return float("-inf" if text.startswith("-") else "inf")
    return float("nan") if text == ".nan" else float(text)


Yaml12Loader.add_constructor("tag:yaml.org,2002:int", construct_int)
Yaml12Loader.add_constructor("tag:yaml.org,2002:float", construct_float)


def load_yaml(text):
    return yaml.load(text, Loader=Yaml12Loader)


def all_errors(errors):
    """The errors with those inside anyOf, oneOf and the like."""
    for e in errors:
        yield e
        yield from all_errors(e.context or [])


def shown_path(path):
    out = ""
    for p in path:
        out += "[%d]" % p if isinstance(p, int) else ("." if out else "") + str(p)
    return out or "(top)"


def problems(validator, doc):
    return sorted(validator.iter_errors(doc), key=lambda e: list(map(str, e.absolute_path)))


def report(name, errors):
    for e in errors:
        print("%s: %s: %s" % (name, shown_path(e.absolute_path), e.message[:300]))


def check_files(validator, files):
    bad = 0
    for name in files:
        try:
            with open(name, encoding="utf-8") as f:
                doc = load_yaml(f.read())
        except (OSError, yaml.YAMLError) as e:
            print("%s: cannot be read: %s" % (name, e))
            bad += 1
            continue
        errors = problems(validator, doc)
        report(name, errors)
        bad += bool(errors)
    print("%d of %d files valid" % (len(files) - bad, len(files)))
    return bad


def page_files(page):
    """(where, text) of each whole file PAGE shows: ```yaml blocks with a
    `kind`, and YAML files its shell blocks write with a here-document."""
    text = open(page, encoding="utf-8").read()
    for m in re.finditer(r"^```(\w*)\n(.*?)^```", text, re.S | re.M):
        line = text.count("\n", 0, m.start()) + 1
        lang, body = m.group(1), m.group(2)
        if lang == "yaml":
            yield "%s:%d" % (page, line), body
        elif lang == "sh":
            for h in re.finditer(r"cat >(\S+\.yaml) <<'?(\w+)'?\n(.*?)^\2$", body, re.S | re.M):
                at = line + body.count("\n", 0, h.start()) + 1
                yield "%s:%d (%s)" % (page, at, h.group(1)), h.group(3)


def check_docs(validator, kinds, pages):
    bad = checked = fragments = 0
    for page in pages:
        for where, body in page_files(page):
            kind = re.search(r"^kind:\s*(\S+)", body, re.M)
            if not kind:
                fragments += 1  # a part of a file, shown on its own
                continue
            if kind.group(1) not in kinds:
                print("%s: kind '%s' is not one the schema covers" % (where, kind.group(1)))
                bad += 1
                continue
            checked += 1
            try:
                doc = load_yaml(body)
            except yaml.YAMLError as e:
                print("%s: not YAML: %s" % (where, e))
                bad += 1
                continue
            errors = problems(validator, doc)
            report(where, errors)
            bad += bool(errors)
    print("%d of %d whole files in the docs valid (%d fragments left out)" %
          (checked - bad, checked, fragments))
    return bad


# The loader's messages for what a schema can tell from the file alone:
# keys, types, ranges, counts, and keys that go together.
KEY_ERRORS = re.compile("|".join([
    r"^unknown key '", r"^missing required key '", r"^unknown resource '",
    r" is out of range \(", r"^expected (a whole number|true or false|a map|a list|a number or a map)",
    r" is not an id ", r" is not one of: ", r" is not a colour ", r"^needs at least one",
    r"^holds \d+ (entries|choices)", r"^text is ", r"starts a comment in YAML",
    r"^format \d+ is not supported", r"^the file is empty", r"goal needs key '",
    r"means nothing to a ", r" cannot be a (win|lose) goal", r" go(es)? with", r" go together",
    r"^an empty trigger", r"names the same faction twice", r"^cell \d+ is '",
    r"^'[^']*' is not '[a-z_]+'$",
]))
# Key errors no schema can see, with why.
BEYOND = {
    # A new entry among a level's overrides must be complete, one the rules
    # have may take a key or two: which is which, only the rules can say.
    "override_new_type.yaml",
}
EXPECT = re.compile(r"^# expect: ()(\d+):(\d+): (.*)$")
EXPECT_IN = re.compile(r"^# expect-in: (.+?):(\d+):(\d+): (.*)$")
PATH = re.compile(r"^([A-Za-z0-9_]+(?:\[\d+\])*(?:\.[A-Za-z0-9_]+(?:\[\d+\])*)*): (.*)$")


def parse_path(text):
    return [int(p) if p.isdigit() else p for p in re.findall(r"[^.\[\]]+", text)]


def check_broken(validator, folder):
    import glob
    import os
    bad = checked = 0
    for case in sorted(glob.glob(os.path.join(folder, "*.yaml"))):
        try:
            lines = open(case, encoding="utf-8").read().splitlines()
        except (OSError, UnicodeDecodeError):
            continue  # bytes no editor would show: not a key error
        for line in lines:
            m = EXPECT.match(line) or EXPECT_IN.match(line)
            if not m:
                continue
            other, line_no, col, message = m.groups()
            target = os.path.join(folder, other) if other else case
            p = PATH.match(message)
            path, what = (parse_path(p.group(1)), p.group(2)) if p else ([], message)
            if not KEY_ERRORS.search(what) or os.path.basename(case) in BEYOND:
                continue
            checked += 1
            where = "%s:%s:%s" % (os.path.relpath(target, folder), line_no, col)
            try:
                doc = load_yaml(open(target, encoding="utf-8").read())
            except yaml.YAMLError as e:
                print("%s: %s: not read as YAML: %s" % (where, message, e))
                bad += 1
                continue
            errors = list(all_errors(validator.iter_errors(doc)))
            # At the key the loader names, or at a key of it.
            if any(list(e.absolute_path)[:len(path)] == path and
                   len(e.absolute_path) <= len(path) + 1 for e in errors):
                continue
            bad += 1
            print("%s: the loader says '%s'; the schema does not%s" %
                  (where, message, ": it says " + "; ".join(
                      "%s: %s" % (shown_path(e.absolute_path), e.message[:120])
                      for e in errors[:4]) if errors else " see anything wrong"))
    print("%d of %d key errors of the broken files found by the schema" % (checked - bad, checked))
    print("key errors checked: %d" % checked)
    return bad


def main(argv):
    if len(argv) < 3 or argv[0] not in ("files", "docs", "broken"):
        sys.exit(__doc__)
    with open(argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema)
    kinds = set(schema.get("properties", {}).get("kind", {}).get("enum", []))
    if argv[0] == "files":
        bad = check_files(validator, argv[2:])
    elif argv[0] == "docs":
        bad = check_docs(validator, kinds, argv[2:])
    else:
        bad = check_broken(validator, argv[2])
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
