#!/bin/sh
# Debian packages bundelpers needs, installed when missing (as root, via apt-get).
#   sh scripts/system-deps.sh        what `make` needs: Pango for WeasyPrint, and
#                                    HarfBuzz-subset, the font subsetter it prefers
#   sh scripts/system-deps.sh test   also what `make test` needs
set -eu
need() {  # need <file that shows the package is there> <package>
  if ! ldconfig -p | grep -q "$1" && ! command -v "$1" >/dev/null 2>&1; then
    missing="$missing $2"
  fi
}
missing=""
need libpango-1.0.so.0 "libpango-1.0-0 libpangoft2-1.0-0"
need libharfbuzz-subset.so.0 libharfbuzz-subset0
need hunspell hunspell  # the spelling check of `bundelpers check`, with its Dutch dictionary:
[ -f /usr/share/hunspell/nl_NL.dic ] || [ -f /usr/share/hunspell/nl.dic ] || missing="$missing hunspell-nl"
if [ "${1:-}" = "test" ]; then
  need mutool mupdf-tools  # a strict second reader for every PDF (tests/test_streams.py)
  need chromium chromium  # the browser the tests open the download page and the preview in
fi
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "Nodig maar niet geïnstalleerd:$missing" >&2
  echo "Installeer ze met: sudo apt-get install$missing" >&2
  exit 1
fi
echo "Systeembibliotheken installeren:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq $missing >/dev/null
