# Shared by the launchers in bin/: locate the repository and the jars that ./mvnw package built.
# shellcheck shell=bash

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[1]}")")/.." && pwd)"
java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# find_jar MODULE: prints the module's main jar (not -tests/-sources/-javadoc), or nothing
find_jar() {
    local candidate
    shopt -s nullglob
    for candidate in "$root/$1/target/$1"-*.jar; do
        case "$candidate" in
            *-tests.jar|*-sources.jar|*-javadoc.jar) ;;
            *) echo "$candidate"; return 0 ;;
        esac
    done
}
