# shellcheck shell=bash
# apt-sources.sh — where this machine's apt sources point, for the scripts that
# must reach the same (and only reachable) Debian mirror: ensure-engine.sh adds a
# trixie entry with the bookworm entry's URI, make-base-images.sh debootstraps from it.
# Sourced, not run; defines functions only.

# deb822_uri SUITE FILE... — first URI of an enabled "Types: deb" stanza whose
# Suites list contains exactly SUITE.
deb822_uri() {
  local suite=$1; shift
  awk -v suite="$suite" '
    function flush() {
      gsub(/[ \t]+/, " ", suites)
      if (types ~ /(^|[ \t])deb([ \t]|$)/ && enabled != "no" &&
          index(" " suites " ", " " suite " ") > 0) {
        split(uris, u, /[ \t]+/)
        if (u[1] != "") { print u[1]; found = 1; exit }
      }
      types = ""; suites = ""; uris = ""; enabled = ""
    }
    FNR == 1 && NR > 1 { flush() }   # a new file always starts a new stanza
    /^[ \t]*#/  { next }
    /^[ \t]*$/  { flush(); next }
    /^[^ \t]/   {
      key = tolower($1); sub(/:.*$/, "", key)
      val = $0; sub(/^[^:]*:[ \t]*/, "", val)
      if (key == "types") types = val
      else if (key == "suites") suites = val
      else if (key == "uris") uris = val
      else if (key == "enabled") enabled = tolower(val)
    }
    END { if (!found) flush() }
  ' "$@" 2>/dev/null | head -n1
}

# oneline_uri SUITE FILE... — same for classic "deb [opts] URI SUITE comp..." lines.
oneline_uri() {
  local suite=$1; shift
  awk -v suite="$suite" '
    $1 == "deb" {
      i = 2
      if ($2 ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
      if ($(i + 1) == suite) { print $i; exit }
    }
  ' "$@" 2>/dev/null | head -n1
}

# suite_uri SUITE [EXCLUDED_FILE] — URI of the first apt source for SUITE.
suite_uri() {
  local suite=$1 exclude=${2:-} f uri
  local -a d822=() oneline=()
  for f in /etc/apt/sources.list.d/*.sources; do
    [[ -f $f && $f != "$exclude" ]] && d822+=("$f")
  done
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [[ -f $f && $f != "$exclude" ]] && oneline+=("$f")
  done
  uri=""
  (( ${#d822[@]} )) && uri=$(deb822_uri "$suite" "${d822[@]}")
  [[ -z $uri ]] && (( ${#oneline[@]} )) && uri=$(oneline_uri "$suite" "${oneline[@]}")
  printf '%s\n' "$uri"
}
