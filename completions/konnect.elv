
set edit:completion:arg-completer[konnect] = { |@words|
    var index = (count $words)
    set index = (- $index 1)

    put (env _CLAP_IFS="\n" _CLAP_COMPLETE_INDEX=(to-string $index) KONNECT_COMPLETE="elvish" konnect -- $@words) | to-lines
}

