#!/bin/sh
# WeasyPrint needs Pango; HarfBuzz-subset makes font subsetting fast and is the
# only subsetter future WeasyPrint versions support; Chromium is the browser the
# tests open the download page in. Install what is missing.
set -eu
missing=""
ldconfig -p | grep -q 'libpango-1.0.so.0' || missing="$missing libpango-1.0-0 libpangoft2-1.0-0"
ldconfig -p | grep -q 'libharfbuzz-subset.so.0' || missing="$missing libharfbuzz-subset0"
# The tests open the download page (bundel_pdf/index.html) in a real browser.
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
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
