#!/usr/bin/env python3
"""Assembles the seed corpora and the dictionary of the fuzz targets in a
build folder, from the files the project ships and tests, so nothing big is
copied into the repository:

  OUT/corpus/level     levels/*.yaml, test levels, tests/data/broken/
  OUT/corpus/rules     levels/rules/*.yaml, broken rules files
  OUT/corpus/orders    tests/data/orders/*.yaml and the seed saves
  OUT/corpus/save      the seed saves (written by make_saves)
  OUT/corpus/settings  settings files
  OUT/keys.dict        every key of the loaders' key tables, the names they
                       accept, and YAML's own punctuation

plus every fenced ```yaml block of docs/*.md, by its `kind:` (a fragment
with no kind seeds levels and rules). Relative `rules:` and `level:` paths
are made absolute, so a seed loads from the fuzzer's temporary folder.

Usage: make_corpus.py ROOT OUT SAVES_DIR LEVEL"""
import os
import re
import shutil
import sys

TARGETS = ("level", "rules", "orders", "save", "settings")


def kind_of(text):
    m = re.search(r"^kind:\s*['\"]?(\w+)", text, re.M)
    return m.group(1) if m else None


def absolute_line(text, key, base):
    """The top-level KEY: PATH line of TEXT with PATH made absolute from BASE."""

    def fix(m):
        value = m.group(2).strip()
        quoted = value[:1] in "'\"" and value[-1:] == value[:1] and len(value) >= 2
        path = value[1:-1] if quoted else value
        if not path or os.path.isabs(path) or path[0] in "{[&*|>":
            return m.group(0)
        return '%s: "%s"' % (key, os.path.normpath(os.path.join(base, path)))

    return re.sub(r"^(%s):[ \t]*(\S[^\n#]*?)[ \t]*$" % key, fix, text, count=1, flags=re.M)


def doc_blocks(root):
    """(name, text) of every ```yaml block of docs/*.md."""
    docs = os.path.join(root, "docs")
    for name in sorted(os.listdir(docs)):
        if not name.endswith(".md"):
            continue
        with open(os.path.join(docs, name), encoding="utf-8") as f:
            text = f.read()
        blocks = re.findall(r"^```yaml[ \t]*\n(.*?)^```[ \t]*$", text, re.M | re.S)
        for i, block in enumerate(blocks):
            yield "docs_%s_%d.yaml" % (name[:-3], i + 1), block


def files(root, folder, recursive=False):
    top = os.path.join(root, folder)
    if not os.path.isdir(top):
        return
    for path, dirs, names in os.walk(top):
        dirs.sort()
        for name in sorted(names):
            if name.endswith(".yaml"):
                yield os.path.join(path, name)
        if not recursive:
            break


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    root, out, saves, level = sys.argv[1:]
    corpus = {t: {} for t in TARGETS}

    def add(target, name, text):
        corpus[target][name] = text

    def read(path):
        with open(path, encoding="utf-8", errors="surrogateescape") as f:
            return f.read()

    def rel_name(path):
        return os.path.relpath(path, root).replace(os.sep, "_")

    levels_dir = os.path.join(root, "levels")
    for folder, recursive in (("levels", False), ("tests/data/levels", False),
                              ("tests/data/campaign", False), ("tests/data/broken", True),
                              ("levels/rules", False)):
        for path in files(root, folder, recursive):
            text = read(path)
            base = os.path.dirname(path)
            target = "rules" if kind_of(text) == "rules" else "level"
            add(target, rel_name(path), absolute_line(text, "rules", base))
    for path in files(root, "tests/data/orders"):
        add("orders", rel_name(path), read(path))
    for name, text in doc_blocks(root):
        kind = kind_of(text)
        if kind in ("level", "rules", "orders", "settings"):
            add(kind, name, absolute_line(text, "rules", levels_dir))
        elif kind == "save":
            text = absolute_line(text, "level", root)
            add("save", name, text)
            add("orders", name, text)
        elif kind is None:
            add("level", name, absolute_line(text, "rules", levels_dir))
            add("rules", name, text)
    for name in sorted(os.listdir(saves)):
        if name.endswith(".yaml"):
            text = read(os.path.join(saves, name))
            add("save", "save_" + name, text)
            add("orders", "save_" + name, text)
    # The settings file as the game writes it, with every key.
    add("settings", "written.yaml",
        "format: 1\nkind: settings\nui_scale: 150\nwindow:\n  width: 1280\n  height: 720\n"
        "  fullscreen: false\nkeys:\n  end_turn: Space\n  save: Ctrl+S\n  zoom_in: Keypad +\n")
    if not corpus["save"]:
        sys.exit("make_corpus.py: no seed saves in %s" % saves)

    for target in TARGETS:
        folder = os.path.join(out, "corpus", target)
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        for name, text in corpus[target].items():
            with open(os.path.join(folder, name), "w", encoding="utf-8",
                      errors="surrogateescape") as f:
                f.write(text)
    write_dict(root, os.path.join(out, "keys.dict"))


def write_dict(root, path):
    words = set()
    sources = [os.path.join(root, "src", "data", n) for n in os.listdir(os.path.join(root, "src", "data"))
               if n.endswith(".c")]
    sources += [os.path.join(root, "src", "ui", "app", "hv_settings.c"),
                os.path.join(root, "src", "core", "hv_order.c")]
    for src in sorted(sources):
        with open(src, encoding="utf-8") as f:
            text = f.read()
        # Key tables: {"key", HV_F_TYPE, ...} or FIELD("key", HV_F_TYPE, ...)
        for key in re.findall(r'"([a-z0-9_]+)",\s*HV_F_', text):
            words.add(key + ":")
        # Names a key accepts: const char *const xxx[] = {"a", "b", NULL};
        for body in re.findall(r"char \*const \w+\[\]\s*=\s*\{(.*?)\};", text, re.S):
            words.update(re.findall(r'"([^"\\]{1,40})"', body))
        # Settings actions: X(HV_ACT_..., "id", ...)
        for key in re.findall(r'X\(HV_ACT_\w+,\s*"(\w+)"', text):
            words.add(key + ":")
    words.update(["format: 1", "kind: ", "true", "false", "null", "~", "- ", ": ", "{", "}", "[",
                  "]", ", ", "&a ", "*a", "<<: ", "---", "...", "? ", "|", ">-", "#", "!!str ",
                  "\"", "'", "\\n", "Ctrl+", "Shift+", "Alt+", "Space", "Keypad +", "auto",
                  "-1", "0", "2147483648", "9223372036854775808", "0x10", "1e3", ".5"])
    def quote(w):
        out = []
        for ch in w.encode("utf-8"):
            c = chr(ch)
            if c in "\"\\":
                out.append("\\" + c)
            elif 32 <= ch < 127:
                out.append(c)
            else:
                out.append("\\x%02x" % ch)
        return '"' + "".join(out) + '"'

    with open(path, "w", encoding="utf-8") as f:
        f.write("# Generated by tests/fuzz/make_corpus.py from the loaders' key tables.\n")
        for i, w in enumerate(sorted(words)):
            f.write("kw%d=%s\n" % (i, quote(w)))


if __name__ == "__main__":
    main()
