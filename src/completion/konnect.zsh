#compdef konnect
# konnect's Tab completion for zsh: `source <(konnect completions zsh)` in ~/.zshrc after
# compinit, or this file as _konnect in a folder of $fpath. Each Tab asks konnect
# (KONNECT_COMPLETE=zsh) and shows its answer in its order: the payments not settled first,
# the newest first.
_konnect() {
    local -a values shown folders
    local answer value description line width=0
    local -a answers
    answers=("${(@f)$(_CLAP_COMPLETE_INDEX=$((CURRENT - 1)) KONNECT_COMPLETE=zsh konnect -- "${words[@]}" 2>/dev/null)}")
    for answer in $answers; do
        value=${answer%%$'\t'*}
        (( ${#value} > width )) && width=${#value}
    done
    # A long handle must not push every description off a narrow screen: it overflows.
    (( width > 16 )) && width=16
    for answer in $answers; do
        [[ -n $answer ]] || continue
        value=${answer%%$'\t'*}
        description=${answer#*$'\t'}
        if [[ $value == */ ]]; then
            folders+=("$value")
        elif [[ $answer == *$'\t'* ]]; then
            values+=("$value")
            # One line each, however narrow the terminal: cut, and said to be (konnect puts
            # a payment's amount and name first, where a cut reaches last).
            line="${(r:width:)value}  -- $description"
            (( ${#value} > width )) && line="$value  -- $description"
            (( ${#line} > COLUMNS - 1 )) && line="${line[1,COLUMNS-4]}..."
            shown+=("$line")
        else
            values+=("$value")
            shown+=("$value")
        fi
    done
    # References are typed in either case (`15061F`): matched so.
    (( $#values )) && compadd -M 'm:{[:lower:][:upper:]}={[:upper:][:lower:]}' -V konnect -l -d shown -a values
    (( $#folders )) && compadd -V konnect-folders -S '' -a folders
    (( $#values + $#folders ))
}
# Autoloaded from $fpath (as the installer puts it), this file is the first Tab's function:
# answer it; sourced, register the function.
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
    _konnect "$@"
else
    compdef _konnect konnect
fi
