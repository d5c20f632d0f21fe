# konnect's Tab completion for bash: `source <(konnect completions bash)` in ~/.bashrc, or
# this file where bash-completion looks. Each Tab hands konnect the whole command line and
# the cursor (KONNECT_COMPLETE=bash), which it reads as it will run it: bash's own words
# break `--env=test` at the `=` and lose the word after the cursor.
_konnect() {
    # A redirection's file: bash's own file names.
    if [[ ${COMP_WORDS[COMP_CWORD-1]-} == *[\<\>] ]]; then
        compopt -o default 2> /dev/null
        COMPREPLY=()
        return 0
    fi
    local IFS=$'\013'
    local space=true quoted=
    compopt +o nospace 2> /dev/null && space=false
    # Inside a quote bash inserts the value as it is; elsewhere konnect escapes it.
    [[ ${COMP_WORDS[COMP_CWORD]-} == [\'\"]* ]] && quoted=1
    COMPREPLY=( $( \
        _CLAP_IFS="$IFS" \
        _KONNECT_LINE="$COMP_LINE" \
        _KONNECT_POINT="$COMP_POINT" \
        _KONNECT_WORD="$2" \
        _KONNECT_QUOTED="$quoted" \
        KONNECT_COMPLETE=bash \
        konnect -- "${COMP_WORDS[0]}" 2> /dev/null \
    ) )
    if [[ $? != 0 ]]; then
        unset COMPREPLY
    elif [[ $space == false ]] && [[ "${COMPREPLY-}" =~ [=/:]$ ]]; then
        compopt -o nospace
    fi
}
if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -o nospace -o bashdefault -o nosort -F _konnect konnect
else
    complete -o nospace -o bashdefault -F _konnect konnect
fi
