#!/usr/bin/env python3
"""cli_docs.py - the manual page and the bash and zsh completions of glossgraph, made
from the help texts the built command prints, so that they say what it does.

usage: cli_docs.py GLOSSGRAPH man TEMPLATE   the page (TEMPLATE: src/cli/glossgraph.1.in)
       cli_docs.py GLOSSGRAPH bash           the bash completion script
       cli_docs.py GLOSSGRAPH zsh            the zsh completion function (_glossgraph)
Each writes to standard output; a help text the script cannot read is an error.
"""
import re
import subprocess
import sys

OPTION = re.compile(r"^ {2,6}(-[^ ].*?)(?: {2,}(\S.*))?$")
SUBCOMMAND = re.compile(r"^  ([a-z][a-z-]*) +(\S.*)$")
FORMAT_ITEM = re.compile(r"^  ([a-z0-9]+(?:, [a-z0-9]+)*) +(\S.*)$")
COMMON_START = "  -i, --input PATH"
EXIT_START = "exit status:"


def run(binary, *args):
    """The standard output of `binary args`; exits when the command fails."""
    done = subprocess.run([binary, *args], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"cli_docs.py: '{binary} {' '.join(args)}' exited {done.returncode}")
    return done.stdout


class Help:
    """One subcommand's --help: usage, description lines, own options, common options, exit text."""

    def __init__(self, text):
        lines = text.rstrip("\n").split("\n")
        if not lines[0].startswith("usage: "):
            raise SystemExit(f"cli_docs.py: no usage line in:\n{text}")
        self.usage = lines[0][len("usage: "):]
        rest = lines[1:]
        common = next((i for i, l in enumerate(rest) if l.startswith(COMMON_START)), None)
        if common is None:
            raise SystemExit(f"cli_docs.py: no common options in:\n{text}")
        exits = next((i for i, l in enumerate(rest) if l.startswith(EXIT_START)), len(rest))
        own = rest[:common]
        # The description ends where the first option line is.
        first_option = next((i for i, l in enumerate(own) if OPTION.match(l)), len(own))
        self.description = own[:first_option]
        self.options = options(own[first_option:])
        self.common = options(rest[common:exits])
        self.exit_text = " ".join(l.strip() for l in rest[exits:] if l.strip())


def options(lines):
    """[(spec, text)] from option lines; deeper-indented lines continue the text."""
    found = []
    for line in lines:
        m = OPTION.match(line)
        if m:
            found.append([m.group(1).strip(), m.group(2) or ""])
        elif line.strip() and found:
            found[-1][1] = (found[-1][1] + " " + line.strip()).strip()
    return [tuple(o) for o in found]


def subcommands(binary):
    """[(name, summary)] from the general help."""
    text = run(binary, "--help").split("\n")
    start = text.index("subcommands:") + 1
    names = []
    for line in text[start:]:
        m = SUBCOMMAND.match(line)
        if not m:
            break
        names.append((m.group(1), m.group(2)))
    if not names:
        sys.exit("cli_docs.py: no subcommands in the help")
    return names


def roff(text):
    """Text made safe for roff: backslashes, hyphens, a leading dot or quote."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\\&" + text if text[:1] in (".", "'") else text


def roff_options(opts):
    """Options as roff .TP items: the spelling in bold, then its help."""
    return "".join(f".TP\n.B {roff(spec)}\n{roff(text)}\n" for spec, text in opts)


def roff_description(lines):
    """Paragraphs of filled text; indented lines (lists) kept as they are."""
    out, literal = [], False
    for line in lines:
        if not line.strip():
            if literal:
                out.append(".fi")
                literal = False
            out.append(".PP")
        elif line.startswith(" "):
            if not literal:
                out.append(".nf")
                literal = True
            out.append(roff(line))
        else:
            if literal:
                out.append(".fi")
                literal = False
            out.append(roff(line))
    if literal:
        out.append(".fi")
    while out and out[-1] == ".PP":
        out.pop()
    return "\n".join(out) + "\n"


def export_formats(export_help):
    """[(names, text)] of the FORMAT list in export's help."""
    found = []
    for line in export_help.description:
        m = FORMAT_ITEM.match(line)
        if m:
            found.append([m.group(1), m.group(2)])
        elif line.startswith("           ") and found:
            found[-1][1] += " " + line.strip()
        elif found:
            break
    if not found:
        sys.exit("cli_docs.py: no format list in 'export --help'")
    return found


def exit_statuses(text):
    """ "exit status: 0 done; 1 failed (...); 2 bad command line" as a list of .TP items."""
    items = re.findall(r"(\d+) (.*?)(?=; \d+ |$)", text[len(EXIT_START):].strip())
    if not items:
        sys.exit(f"cli_docs.py: cannot read the exit statuses: {text}")
    return "".join(f".TP\n.B {code}\n{roff(meaning)}\n" for code, meaning in items)


def man(binary, template):
    version = run(binary, "--version").split()[1]
    commands = subcommands(binary)
    helps = {name: Help(run(binary, "help", name)) for name, _ in commands}
    sections = []
    for name, summary in commands:
        h = helps[name]
        sections.append(f".SS {name}\n{roff(summary)}.\n.PP\n.B {roff(h.usage)}\n.PP\n"
                        + roff_description(h.description) + roff_options(h.options))
    first = helps[commands[0][0]]
    fill = {
        "@VERSION@": version,
        "@SUBCOMMANDS": "".join(sections),
        "@COMMON_OPTIONS": roff_options(first.common),
        "@EXPORT_FORMATS": "".join(f".TP\n.B {roff(n)}\n{roff(t)}\n"
                                   for n, t in export_formats(helps["export"])),
        "@EXIT_STATUS": exit_statuses(first.exit_text),
    }
    page = []
    for line in open(template, encoding="utf-8").read().split("\n"):
        if line in fill:
            page.append(fill[line].rstrip("\n"))
        else:
            page.append(line.replace("@VERSION@", version))
    sys.stdout.write("\n".join(page))


def option_words(opts):
    """Every option spelling of opts ("-o, --output FILE" gives -o and --output)."""
    words = []
    for spec, _ in opts:
        for part in spec.split(","):
            for word in part.split():
                if word.startswith("-"):
                    words.append(word)
    return words


def value_kinds(opts, usage, formats):
    """{option: completion} for options that take a value: files, dirs or words."""
    kinds = {}
    for spec, _ in opts:
        parts = [p.split() for p in spec.split(",")]
        value = next((p[1] for p in parts if len(p) > 1), None)
        if not value:
            continue
        if value in ("PATH", "FILE"):
            kind = "@files"
        elif value == "DIR":
            kind = "@dirs"
        elif value == "LIST":
            kind = " ".join(formats + ["all"])
        else:
            choices = [m.group(2) for p in parts for m in
                       [re.search(re.escape(p[0]) + r"( |=)([a-z0-9-]+(\|[a-z0-9-]+)+)", usage)] if m]
            kind = choices[0].replace("|", " ") if choices else "@none"
        for p in parts:
            kinds[p[0]] = kind
    return kinds


def bash(binary):
    commands = subcommands(binary)
    helps = {name: Help(run(binary, "help", name)) for name, _ in commands}
    formats = [n for names, _ in export_formats(helps["export"]) for n in names.split(", ")]
    names = " ".join(n for n, _ in commands)
    out = ["# glossgraph bash completion, made by scripts/cli_docs.py from the command's help.",
           "",
           "# COMPREPLY: the words compgen ARGS gives for $cur, one each (spaces kept).",
           "_glossgraph_reply() {",
           "\tmapfile -t COMPREPLY < <(compgen \"$@\" -- \"$cur\")",
           "}",
           "",
           "_glossgraph() {",
           "\tlocal cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}",
           "\tlocal cmd=${COMP_WORDS[1]} opts='' values=''",
           "\tCOMPREPLY=()",
           "\tif [ \"$COMP_CWORD\" -eq 1 ]; then",
           f"\t\t_glossgraph_reply -W '{names} help -h --help -V --version'",
           "\t\treturn",
           "\tfi",
           "\tcase $cmd in",
           f"\thelp) [ \"$COMP_CWORD\" -eq 2 ] && _glossgraph_reply -W '{names}'; return ;;",
           "\t-V|--version) [ \"$COMP_CWORD\" -eq 2 ] && _glossgraph_reply -W '--verbose'; return ;;"]
    for name, _ in commands:
        h = helps[name]
        opts = h.options + h.common
        kinds = value_kinds(opts, h.usage, formats)
        cases = {}
        for option, kind in sorted(kinds.items()):
            cases.setdefault(kind, []).append(option)
        out.append(f"\t{name})")
        out.append("\t\topts='%s'" % " ".join(option_words(opts)))
        out.append("\t\tcase $prev in")
        for kind, names in cases.items():
            action = {"@files": "compopt -o filenames 2>/dev/null; _glossgraph_reply -f",
                      "@dirs": "compopt -o filenames 2>/dev/null; _glossgraph_reply -d",
                      "@none": ""}.get(kind, "_glossgraph_reply -W '%s'" % kind)
            out.append("\t\t%s) %s; return ;;" % ("|".join(names), action or ":"))
        out.append("\t\tesac")
        if h.usage.split()[2:3] == ["FORMAT"]:
            out.append("\t\tvalues='%s'" % " ".join(formats))
        out.append("\t\t;;")
    out += ["\t*) return ;;",
            "\tesac",
            "\tif [[ $cur == -* ]]; then",
            "\t\t_glossgraph_reply -W \"$opts\"",
            "\telif [ -n \"$values\" ] && [ \"$COMP_CWORD\" -eq 2 ]; then",
            "\t\t_glossgraph_reply -W \"$values\"",
            "\tfi",
            "}",
            "complete -F _glossgraph glossgraph",
            ""]
    sys.stdout.write("\n".join(out))


def zsh_quote(text):
    """text as one single-quoted zsh word."""
    return "'" + text.replace("'", "'\\''") + "'"


def zsh_specs(h, formats):
    """The _arguments specs of one subcommand: each option spelling, its help, its values."""
    kinds = value_kinds(h.options + h.common, h.usage, formats)
    specs = []
    for spec, text in h.options + h.common:
        desc = text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")
        spellings = [w for part in spec.split(",") for w in part.split()[:1] if w.startswith("-")]
        for word in spellings:
            kind = kinds.get(word)
            if kind is None:
                specs.append(f"{word}[{desc}]")
                continue
            action = {"@files": "_files", "@dirs": "_files -/", "@none": " "}.get(kind)
            if action is None and kind.startswith(" ".join(formats)):
                action = "_sequence compadd - " + kind
            elif action is None:
                action = "(" + kind + ")"
            specs.append(f"{word}{'=' if word.startswith('--') else '+'}[{desc}]:value:{action}")
    operand = h.usage.split()[2:3]
    if operand == ["FORMAT"]:
        specs.append("1:format:(" + " ".join(formats) + ")")
    elif operand and operand[0][:1].isupper():  # TERM, FROM TO: words, not completed
        specs.append("*:" + operand[0].rstrip(".").lower() + ": ")
    return specs


def zsh(binary):
    commands = subcommands(binary)
    helps = {name: Help(run(binary, "help", name)) for name, _ in commands}
    formats = [n for names, _ in export_formats(helps["export"]) for n in names.split(", ")]
    described = " ".join(zsh_quote(f"{n}:{summary}") for n, summary in commands)
    out = ["#compdef glossgraph",
           "# glossgraph zsh completion, made by scripts/cli_docs.py from the command's help.",
           "",
           "_glossgraph() {",
           f"\tlocal -a subcommands=({described})",
           "\tif (( CURRENT == 2 )); then",
           "\t\t_describe -t subcommands subcommand subcommands",
           "\t\tcompadd -- help --help --version -h -V",
           "\t\treturn",
           "\tfi",
           "\tlocal cmd=$words[2]",
           "\tshift words",
           "\t(( CURRENT-- ))",
           "\tcase $cmd in",
           "\thelp) (( CURRENT == 2 )) && _describe -t subcommands subcommand subcommands ;;",
           "\t-V|--version) (( CURRENT == 2 )) && compadd -- --verbose ;;"]
    for name, _ in commands:
        specs = " \\\n\t\t\t".join(zsh_quote(x) for x in zsh_specs(helps[name], formats))
        out.append(f"\t{name})\n\t\t_arguments -s -S \\\n\t\t\t{specs} ;;")
    out += ["\tesac", "}", "", "_glossgraph \"$@\"", ""]
    sys.stdout.write("\n".join(out))


def main():
    if len(sys.argv) == 4 and sys.argv[2] == "man":
        man(sys.argv[1], sys.argv[3])
    elif len(sys.argv) == 3 and sys.argv[2] in ("bash", "zsh"):
        (bash if sys.argv[2] == "bash" else zsh)(sys.argv[1])
    else:
        sys.exit(__doc__.strip())


if __name__ == "__main__":
    main()
