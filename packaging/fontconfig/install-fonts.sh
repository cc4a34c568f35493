#!/usr/bin/env bash
# Installs the free stand-ins for the office fonts of official documents and the fontconfig aliases
# that map the office names to them (65-lvzhi-official-fonts.conf), for LibreOffice's PDF export.
# Debian/Ubuntu, as root. FandolFang (仿宋) has no Debian package of its own: it is taken out of
# texlive-lang-chinese (about 50 MB download) without installing TeX. Set LVZHI_SKIP_FANDOL=1 to skip
# it (仿宋 then falls back to Noto Serif CJK SC).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
export DEBIAN_FRONTEND=noninteractive

apt-get install -y --no-install-recommends fonts-noto-cjk fonts-arphic-ukai fonts-arphic-uming fonts-liberation fontconfig

if [ "${LVZHI_SKIP_FANDOL:-0}" != 1 ] && ! fc-list | grep -q FandolFang; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  # apt-get download writes to the current directory as the _apt user when it can.
  chmod 777 "$work"
  (cd "$work" && apt-get download texlive-lang-chinese)
  dpkg-deb -x "$work"/texlive-lang-chinese_*.deb "$work/x"
  install -d /usr/local/share/fonts/lvzhi
  install -m 644 "$(find "$work/x" -name 'FandolFang-Regular.otf' | head -1)" /usr/local/share/fonts/lvzhi/
  install -m 644 "$(find "$work/x" -name 'FandolKai-Regular.otf' | head -1)" /usr/local/share/fonts/lvzhi/
fi

install -m 644 "$here/65-lvzhi-official-fonts.conf" /etc/fonts/conf.d/65-lvzhi-official-fonts.conf
fc-cache -f
for family in 仿宋_GB2312 黑体 楷体_GB2312 宋体 方正小标宋简体; do
  printf '%s → %s\n' "$family" "$(fc-match "$family" family style)"
done
