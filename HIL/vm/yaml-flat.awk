# Flattens the plain YAML of the project's board and rig files into `path=value` lines for
# the bench's shell scripts (the VM guest has no YAML library; the firmware reads the same
# files with Yams). Paths join keys and sequence indices with dots:
#
#   gpio:                                   gpio.chips.0.label=utermd-hil-io
#     chips:                          →     gpio.chips.0.lines=16
#       - label: utermd-hil-io              gpio.lines.fault_in.chip=utermd-hil-io
#         lines: 16                         gpio.lines.fault_in.line=8
#     lines:
#       fault_in: { chip: utermd-hil-io, line: 8 }
#
# Understood: block maps, block sequences (`- ` items deeper than their key), one-line flow
# maps `{ k: v, ... }` and flow sequences `[a, b]` (nested too), quoted and plain scalars,
# comments. Anything else (anchors, multi-line flow, block scalars, tabs) stops with
# `FILE:LINE: ...` on stderr and exit status 2, so the bench never runs on a misread file.

function fail(message) {
    printf "%s:%d: %s\n", FILENAME, FNR, message > "/dev/stderr"
    failed = 1
    exit 2
}

function trim(s) {
    sub(/^[ \t]+/, "", s)
    sub(/[ \t]+$/, "", s)
    return s
}

# Whether a quote at position i of s opens a quoted scalar: only at the start of a value
# (after the line's start, `: `, `- `, `[`, `{` or `,`), so that "it's" stays plain.
function opens_quote(s, i,    before) {
    before = substr(s, 1, i - 1)
    sub(/[ \t]+$/, "", before)
    return before == "" || before ~ /(:|-|\[|\{|,)$/
}

# The line without its comment: a `#` outside quotes, at the start or after a blank.
function strip_comment(s,    i, c, quote) {
    quote = ""
    for (i = 1; i <= length(s); i++) {
        c = substr(s, i, 1)
        if (quote != "") {
            if (c == quote) quote = ""
        } else if ((c == "\"" || c == "'") && opens_quote(s, i)) {
            quote = c
        } else if (c == "#" && (i == 1 || substr(s, i - 1, 1) ~ /[ \t]/)) {
            return substr(s, 1, i - 1)
        }
    }
    if (quote != "") fail("unterminated quote")
    return s
}

function scalar(v) {
    v = trim(v)
    if (v ~ /^".*"$/ || v ~ /^'.*'$/) return substr(v, 2, length(v) - 2)
    if (v ~ /^[&*!|>]/) fail("unsupported YAML (anchor, alias, tag or block scalar): " v)
    if (v ~ /^[\[{]/) fail("unsupported nested flow collection: " v)
    return v
}

function path_to(d,    p, k) {
    p = ""
    for (k = 1; k <= d; k++) p = (p == "" ? key[k] : p "." key[k])
    return p
}

function join(prefix, name) { return prefix == "" ? name : prefix "." name }

# Splits `body` at commas outside quotes and nested brackets into parts[1..n]; returns n.
function split_flow(body, parts,    i, c, quote, n, current, nesting) {
    n = 0; current = ""; quote = ""; nesting = 0
    for (i = 1; i <= length(body); i++) {
        c = substr(body, i, 1)
        if (quote != "") {
            if (c == quote) quote = ""
        } else if ((c == "\"" || c == "'") && opens_quote(body, i)) {
            quote = c
        } else if (c == "[" || c == "{") {
            nesting++
        } else if (c == "]" || c == "}") {
            nesting--
        } else if (c == "," && nesting == 0) {
            parts[++n] = current; current = ""; continue
        }
        current = current c
    }
    if (trim(current) != "") parts[++n] = current
    return n
}

function value_at(prefix, v,    body, parts, n, i, item, colon) {
    v = trim(v)
    if (v ~ /^\{/) {
        if (v !~ /\}$/) fail("a flow map must close on its line")
        body = substr(v, 2, length(v) - 2)
        n = split_flow(body, parts)
        for (i = 1; i <= n; i++) {
            item = trim(parts[i])
            colon = index(item, ":")
            if (colon == 0) fail("flow map entry without a key: " item)
            value_at(join(prefix, trim(substr(item, 1, colon - 1))), substr(item, colon + 1))
        }
    } else if (v ~ /^\[/) {
        if (v !~ /\]$/) fail("a flow sequence must close on its line")
        body = substr(v, 2, length(v) - 2)
        n = split_flow(body, parts)
        for (i = 1; i <= n; i++) value_at(join(prefix, i - 1), parts[i])
    } else {
        print prefix "=" scalar(v)
    }
}

function entry(ind, text,    parent, index_, rest, colon, name, v) {
    while (depth > 0 && indent[depth] >= ind) depth--
    if (text == "-" || substr(text, 1, 2) == "- ") {
        parent = path_to(depth)
        index_ = (parent in count) ? count[parent] : 0
        count[parent] = index_ + 1
        depth++; indent[depth] = ind; key[depth] = index_
        rest = trim(substr(text, 2))
        if (rest == "") return
        if (rest ~ /^[A-Za-z0-9_.-]+:([ \t]|$)/) {
            # `- key: value`: the item is a block map whose keys align two columns in.
            entry(ind + 2, rest)
        } else {
            value_at(path_to(depth), rest)
        }
        return
    }
    colon = index(text, ":")
    if (colon == 0 || (substr(text, colon + 1, 1) != "" && substr(text, colon + 1, 1) !~ /[ \t]/))
        fail("expected `key: value`: " text)
    name = scalar(substr(text, 1, colon - 1))
    v = trim(substr(text, colon + 1))
    if (v == "") {
        depth++; indent[depth] = ind; key[depth] = name
    } else {
        value_at(join(path_to(depth), name), v)
    }
}

FNR == 1 { depth = 0; delete count }

{
    line = $0
    if (line ~ /^\t/ || line ~ /^ *\t/) fail("tabs in indentation")
    line = strip_comment(line)
    if (trim(line) == "" || trim(line) == "---") next
    match(line, /^ */)
    entry(RLENGTH, trim(line))
}
