#!/usr/bin/env bash
# Drives the TUI in a private tmux server, like a user at a real terminal, and prints what the
# screen shows. Used to check the real model end to end and to record screen-capture.txt.
#
#   Tests/Scripts/tui-tmux.sh [-x COLS] [-y ROWS] [-w SECONDS] [-k "KEYS"]... -- DECODELAB ARGS
#
#   -x/-y  pane size (default 120x40)          -w  seconds to wait after start (default 5)
#   -k     tmux key names sent after the wait, each followed by a 1 s pause (repeatable),
#          e.g. -k Space -k 3 -k '?'
#   -e     also print the capture with colours (escape sequences)
#
# The binary is .build/release/decodelab unless DECODELAB_BIN is set. The app is quit with q
# at the end and the script checks that the shell's terminal is back in cooked mode.
set -euo pipefail
cd "$(dirname "$0")/../.."
cols=120 rows=40 wait=5 colour=0 keys=()
while [ $# -gt 0 ]; do
    case "$1" in
        -x) cols=$2; shift 2 ;;
        -y) rows=$2; shift 2 ;;
        -w) wait=$2; shift 2 ;;
        -k) keys+=("$2"); shift 2 ;;
        -e) colour=1; shift ;;
        --) shift; break ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
bin=${DECODELAB_BIN:-.build/release/decodelab}
socket="decodelab-tui-$$"
tmux_() { tmux -L "$socket" -f Tests/Scripts/tmux.conf "$@"; }
trap 'tmux_ kill-server 2>/dev/null || true' EXIT

tmux_ new-session -d -x "$cols" -y "$rows" "bash --norc --noprofile"
tmux_ send-keys -l "SWIFT_BACKTRACE=interactive=no $(printf '%q ' "$bin" "$@")"
tmux_ send-keys Enter
sleep "$wait"
for key in "${keys[@]}"; do
    tmux_ send-keys "$key"
    sleep 1
done
if [ "$colour" = 1 ]; then tmux_ capture-pane -p -e; echo "----"; fi
tmux_ capture-pane -p
tmux_ send-keys q
sleep 1
tmux_ send-keys -l 'clear; echo "tty: $(stty -a | tr " ;" "\n\n" | grep -x -e "-\?icanon" -e "-\?echo" | tr "\n" " ")"'
tmux_ send-keys Enter
sleep 1
echo "---- terminal after quitting: $(tmux_ capture-pane -p | grep -m1 '^tty: ')"
