#!/bin/sh
# WeasyPrint needs Pango (and `bundelpers check` hunspell-nl); HarfBuzz-subset makes font subsetting fast and is the
# only subsetter future WeasyPrint versions support. Install what is missing.
set -eu
missing=""
ldconfig -p | grep -q 'libpango-1.0.so.0' || missing="$missing libpango-1.0-0 libpangoft2-1.0-0"
ldconfig -p | grep -q 'libharfbuzz-subset.so.0' || missing="$missing libharfbuzz-subset0"
# The spelling check of 'bundelpers check': the hunspell program and its Dutch dictionary.
command -v hunspell >/dev/null 2>&1 || missing="$missing hunspell"
[ -f /usr/share/hunspell/nl_NL.dic ] || [ -f /usr/share/hunspell/nl.dic ] || missing="$missing hunspell-nl"
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
