complete --keep-order --exclusive --command konnect --arguments "(KONNECT_COMPLETE=fish konnect -- (commandline --current-process --tokenize --cut-at-cursor) (commandline --current-token))"
