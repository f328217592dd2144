#!/bin/sh
# Runs a command while holding the build lock, so parallel local sessions sharing this working
# tree never build into build/ while another one is testing against it. Not used by CI.
exec flock /tmp/alkham-build.lock "$@"
