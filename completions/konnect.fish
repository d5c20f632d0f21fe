# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_konnect_global_optspecs
    string join \n json no-input sandbox env= base-url= token-file= timeout= journal= counter= v/verbose q/quiet lang= color= h/help V/version
end

function __fish_konnect_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_konnect_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_konnect_using_subcommand
    set -l cmd (__fish_konnect_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c konnect -n "__fish_konnect_needs_command" -l env -d 'Which service: the staging server (test) or the live one' -r -f -a "test\t''
live\t''"
complete -c konnect -n "__fish_konnect_needs_command" -l base-url -d 'Base URL of the service, overriding --env' -r
complete -c konnect -n "__fish_konnect_needs_command" -l token-file -d 'Read the token from this file (there is no flag that takes the token itself)' -r -F
complete -c konnect -n "__fish_konnect_needs_command" -l timeout -d 'Seconds a whole request may take [default: 30]' -r
complete -c konnect -n "__fish_konnect_needs_command" -l journal -d 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop\'s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect\'s data folder]' -r -F
complete -c konnect -n "__fish_konnect_needs_command" -l counter -d 'This counter\'s name in a shared journal [default: the computer\'s name]' -r
complete -c konnect -n "__fish_konnect_needs_command" -l lang -d 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change' -r -f -a "en\t''
ne\t''"
complete -c konnect -n "__fish_konnect_needs_command" -l color -d 'When to use colour (NO_COLOR is honoured by auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c konnect -n "__fish_konnect_needs_command" -l json -d 'Print exactly one JSON document on stdout (NDJSON for batches)'
complete -c konnect -n "__fish_konnect_needs_command" -l no-input -d 'Never prompt: missing values and confirmations become usage errors'
complete -c konnect -n "__fish_konnect_needs_command" -l sandbox -d 'Run against the built-in simulator (test token, journal of its own)'
complete -c konnect -n "__fish_konnect_needs_command" -s v -l verbose -d 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
complete -c konnect -n "__fish_konnect_needs_command" -s q -l quiet -d 'Print only results and errors (no banner, no warnings)'
complete -c konnect -n "__fish_konnect_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c konnect -n "__fish_konnect_needs_command" -s V -l version -d 'Print version'
complete -c konnect -n "__fish_konnect_needs_command" -f -a "lookup" -d 'Show a customer: subscription, due amount, packages on offer'
complete -c konnect -n "__fish_konnect_needs_command" -f -a "pay" -d 'Pay for a package: look up, choose, confirm, pay once, print the receipt'
complete -c konnect -n "__fish_konnect_needs_command" -f -a "status" -d 'Look a payment up at the service and settle it in the journal'
complete -c konnect -n "__fish_konnect_needs_command" -f -a "reconcile" -d 'Look up every unsettled payment and settle it'
complete -c konnect -n "__fish_konnect_needs_command" -f -a "balance" -d 'Show the account\'s credits'
complete -c konnect -n "__fish_konnect_needs_command" -f -a "history" -d 'List payments from the journal, newest first'
complete -c konnect -n "__fish_konnect_needs_command" -f -a "report" -d 'A day\'s totals per ISP and outcome'
complete -c konnect -n "__fish_konnect_needs_command" -f -a "receipt" -d 'Print a payment\'s receipt again'
complete -c konnect -n "__fish_konnect_needs_command" -f -a "config" -d 'Show or change settings'
complete -c konnect -n "__fish_konnect_needs_command" -f -a "counter" -d 'Serve customers one after another at a counter (a terminal): one process, warm connection'
complete -c konnect -n "__fish_konnect_needs_command" -f -a "journal" -d 'Work on the journal itself: copy it into another (a shop moving to PostgreSQL)'
complete -c konnect -n "__fish_konnect_needs_command" -f -a "doctor" -d 'Check the setup: token, config, journal, the way to the service, the balance, the clock'
complete -c konnect -n "__fish_konnect_needs_command" -f -a "version" -d 'Show the version, commit, build date, target, features and journal schema'
complete -c konnect -n "__fish_konnect_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c konnect -n "__fish_konnect_needs_command" -f -a "sandbox" -d 'Serve the built-in simulator; prints its base URL and a test token'
complete -c konnect -n "__fish_konnect_needs_command" -f -a "__references" -d 'The short references of recent payments, one a line, for shell completion'
complete -c konnect -n "__fish_konnect_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c konnect -n "__fish_konnect_using_subcommand lookup" -l isp -d 'The ISP\'s slug (prompted for on a terminal when missing or unknown)' -r -f -a "izone\t'Izone'
world-fiber-net\t'World Fiber Net'
dg-link\t'DG Link'
loop-network\t'Loop Network'
acme-internet\t'Acme Internet'"
complete -c konnect -n "__fish_konnect_using_subcommand lookup" -l user -d 'The customer\'s username (prompted for on a terminal when missing)' -r -f
complete -c konnect -n "__fish_konnect_using_subcommand lookup" -l users-from -d 'Look up many: one username per line, or `isp,user` lines without --isp ("-" for stdin)' -r -F
complete -c konnect -n "__fish_konnect_using_subcommand lookup" -l jobs -d 'Parallel lookups for --users-from (1 to 16)' -r
complete -c konnect -n "__fish_konnect_using_subcommand lookup" -l env -d 'Which service: the staging server (test) or the live one' -r -f -a "test\t''
live\t''"
complete -c konnect -n "__fish_konnect_using_subcommand lookup" -l base-url -d 'Base URL of the service, overriding --env' -r
complete -c konnect -n "__fish_konnect_using_subcommand lookup" -l token-file -d 'Read the token from this file (there is no flag that takes the token itself)' -r -F
complete -c konnect -n "__fish_konnect_using_subcommand lookup" -l timeout -d 'Seconds a whole request may take [default: 30]' -r
complete -c konnect -n "__fish_konnect_using_subcommand lookup" -l journal -d 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop\'s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect\'s data folder]' -r -F
complete -c konnect -n "__fish_konnect_using_subcommand lookup" -l counter -d 'This counter\'s name in a shared journal [default: the computer\'s name]' -r
complete -c konnect -n "__fish_konnect_using_subcommand lookup" -l lang -d 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change' -r -f -a "en\t''
ne\t''"
complete -c konnect -n "__fish_konnect_using_subcommand lookup" -l color -d 'When to use colour (NO_COLOR is honoured by auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c konnect -n "__fish_konnect_using_subcommand lookup" -l json -d 'Print exactly one JSON document on stdout (NDJSON for batches)'
complete -c konnect -n "__fish_konnect_using_subcommand lookup" -l no-input -d 'Never prompt: missing values and confirmations become usage errors'
complete -c konnect -n "__fish_konnect_using_subcommand lookup" -l sandbox -d 'Run against the built-in simulator (test token, journal of its own)'
complete -c konnect -n "__fish_konnect_using_subcommand lookup" -s v -l verbose -d 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
complete -c konnect -n "__fish_konnect_using_subcommand lookup" -s q -l quiet -d 'Print only results and errors (no banner, no warnings)'
complete -c konnect -n "__fish_konnect_using_subcommand lookup" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c konnect -n "__fish_konnect_using_subcommand lookup" -s V -l version -d 'Print version'
complete -c konnect -n "__fish_konnect_using_subcommand pay" -l isp -d 'The ISP\'s slug (prompted for on a terminal when missing or unknown)' -r -f -a "izone\t'Izone'
world-fiber-net\t'World Fiber Net'
dg-link\t'DG Link'
loop-network\t'Loop Network'
acme-internet\t'Acme Internet'"
complete -c konnect -n "__fish_konnect_using_subcommand pay" -l user -d 'The customer\'s username (prompted for on a terminal when missing)' -r -f
complete -c konnect -n "__fish_konnect_using_subcommand pay" -l package -d 'The package to pay for (prompted for, current one preselected, when missing)' -r
complete -c konnect -n "__fish_konnect_using_subcommand pay" -l amount -d 'The amount the customer pays; must equal the package\'s amount' -r
complete -c konnect -n "__fish_konnect_using_subcommand pay" -l width -d 'Receipt characters per line: 32, 42 or 48 [default: config receipt_width, else 42]' -r
complete -c konnect -n "__fish_konnect_using_subcommand pay" -l env -d 'Which service: the staging server (test) or the live one' -r -f -a "test\t''
live\t''"
complete -c konnect -n "__fish_konnect_using_subcommand pay" -l base-url -d 'Base URL of the service, overriding --env' -r
complete -c konnect -n "__fish_konnect_using_subcommand pay" -l token-file -d 'Read the token from this file (there is no flag that takes the token itself)' -r -F
complete -c konnect -n "__fish_konnect_using_subcommand pay" -l timeout -d 'Seconds a whole request may take [default: 30]' -r
complete -c konnect -n "__fish_konnect_using_subcommand pay" -l journal -d 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop\'s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect\'s data folder]' -r -F
complete -c konnect -n "__fish_konnect_using_subcommand pay" -l counter -d 'This counter\'s name in a shared journal [default: the computer\'s name]' -r
complete -c konnect -n "__fish_konnect_using_subcommand pay" -l lang -d 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change' -r -f -a "en\t''
ne\t''"
complete -c konnect -n "__fish_konnect_using_subcommand pay" -l color -d 'When to use colour (NO_COLOR is honoured by auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c konnect -n "__fish_konnect_using_subcommand pay" -s y -l yes -d 'Skip the confirmation'
complete -c konnect -n "__fish_konnect_using_subcommand pay" -l allow-repeat -d 'Pay even though the same customer was paid for in the last 24 hours'
complete -c konnect -n "__fish_konnect_using_subcommand pay" -l dry-run -d 'Do everything up to the payment, print the request that would be sent, send nothing'
complete -c konnect -n "__fish_konnect_using_subcommand pay" -l json -d 'Print exactly one JSON document on stdout (NDJSON for batches)'
complete -c konnect -n "__fish_konnect_using_subcommand pay" -l no-input -d 'Never prompt: missing values and confirmations become usage errors'
complete -c konnect -n "__fish_konnect_using_subcommand pay" -l sandbox -d 'Run against the built-in simulator (test token, journal of its own)'
complete -c konnect -n "__fish_konnect_using_subcommand pay" -s v -l verbose -d 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
complete -c konnect -n "__fish_konnect_using_subcommand pay" -s q -l quiet -d 'Print only results and errors (no banner, no warnings)'
complete -c konnect -n "__fish_konnect_using_subcommand pay" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c konnect -n "__fish_konnect_using_subcommand pay" -s V -l version -d 'Print version'
complete -c konnect -n "__fish_konnect_using_subcommand status" -l env -d 'Which service: the staging server (test) or the live one' -r -f -a "test\t''
live\t''"
complete -c konnect -n "__fish_konnect_using_subcommand status" -l base-url -d 'Base URL of the service, overriding --env' -r
complete -c konnect -n "__fish_konnect_using_subcommand status" -l token-file -d 'Read the token from this file (there is no flag that takes the token itself)' -r -F
complete -c konnect -n "__fish_konnect_using_subcommand status" -l timeout -d 'Seconds a whole request may take [default: 30]' -r
complete -c konnect -n "__fish_konnect_using_subcommand status" -l journal -d 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop\'s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect\'s data folder]' -r -F
complete -c konnect -n "__fish_konnect_using_subcommand status" -l counter -d 'This counter\'s name in a shared journal [default: the computer\'s name]' -r
complete -c konnect -n "__fish_konnect_using_subcommand status" -l lang -d 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change' -r -f -a "en\t''
ne\t''"
complete -c konnect -n "__fish_konnect_using_subcommand status" -l color -d 'When to use colour (NO_COLOR is honoured by auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c konnect -n "__fish_konnect_using_subcommand status" -l json -d 'Print exactly one JSON document on stdout (NDJSON for batches)'
complete -c konnect -n "__fish_konnect_using_subcommand status" -l no-input -d 'Never prompt: missing values and confirmations become usage errors'
complete -c konnect -n "__fish_konnect_using_subcommand status" -l sandbox -d 'Run against the built-in simulator (test token, journal of its own)'
complete -c konnect -n "__fish_konnect_using_subcommand status" -s v -l verbose -d 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
complete -c konnect -n "__fish_konnect_using_subcommand status" -s q -l quiet -d 'Print only results and errors (no banner, no warnings)'
complete -c konnect -n "__fish_konnect_using_subcommand status" -s h -l help -d 'Print help'
complete -c konnect -n "__fish_konnect_using_subcommand status" -s V -l version -d 'Print version'
complete -c konnect -n "__fish_konnect_using_subcommand reconcile" -l env -d 'Which service: the staging server (test) or the live one' -r -f -a "test\t''
live\t''"
complete -c konnect -n "__fish_konnect_using_subcommand reconcile" -l base-url -d 'Base URL of the service, overriding --env' -r
complete -c konnect -n "__fish_konnect_using_subcommand reconcile" -l token-file -d 'Read the token from this file (there is no flag that takes the token itself)' -r -F
complete -c konnect -n "__fish_konnect_using_subcommand reconcile" -l timeout -d 'Seconds a whole request may take [default: 30]' -r
complete -c konnect -n "__fish_konnect_using_subcommand reconcile" -l journal -d 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop\'s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect\'s data folder]' -r -F
complete -c konnect -n "__fish_konnect_using_subcommand reconcile" -l counter -d 'This counter\'s name in a shared journal [default: the computer\'s name]' -r
complete -c konnect -n "__fish_konnect_using_subcommand reconcile" -l lang -d 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change' -r -f -a "en\t''
ne\t''"
complete -c konnect -n "__fish_konnect_using_subcommand reconcile" -l color -d 'When to use colour (NO_COLOR is honoured by auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c konnect -n "__fish_konnect_using_subcommand reconcile" -l json -d 'Print exactly one JSON document on stdout (NDJSON for batches)'
complete -c konnect -n "__fish_konnect_using_subcommand reconcile" -l no-input -d 'Never prompt: missing values and confirmations become usage errors'
complete -c konnect -n "__fish_konnect_using_subcommand reconcile" -l sandbox -d 'Run against the built-in simulator (test token, journal of its own)'
complete -c konnect -n "__fish_konnect_using_subcommand reconcile" -s v -l verbose -d 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
complete -c konnect -n "__fish_konnect_using_subcommand reconcile" -s q -l quiet -d 'Print only results and errors (no banner, no warnings)'
complete -c konnect -n "__fish_konnect_using_subcommand reconcile" -s h -l help -d 'Print help'
complete -c konnect -n "__fish_konnect_using_subcommand reconcile" -s V -l version -d 'Print version'
complete -c konnect -n "__fish_konnect_using_subcommand balance" -l env -d 'Which service: the staging server (test) or the live one' -r -f -a "test\t''
live\t''"
complete -c konnect -n "__fish_konnect_using_subcommand balance" -l base-url -d 'Base URL of the service, overriding --env' -r
complete -c konnect -n "__fish_konnect_using_subcommand balance" -l token-file -d 'Read the token from this file (there is no flag that takes the token itself)' -r -F
complete -c konnect -n "__fish_konnect_using_subcommand balance" -l timeout -d 'Seconds a whole request may take [default: 30]' -r
complete -c konnect -n "__fish_konnect_using_subcommand balance" -l journal -d 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop\'s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect\'s data folder]' -r -F
complete -c konnect -n "__fish_konnect_using_subcommand balance" -l counter -d 'This counter\'s name in a shared journal [default: the computer\'s name]' -r
complete -c konnect -n "__fish_konnect_using_subcommand balance" -l lang -d 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change' -r -f -a "en\t''
ne\t''"
complete -c konnect -n "__fish_konnect_using_subcommand balance" -l color -d 'When to use colour (NO_COLOR is honoured by auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c konnect -n "__fish_konnect_using_subcommand balance" -l json -d 'Print exactly one JSON document on stdout (NDJSON for batches)'
complete -c konnect -n "__fish_konnect_using_subcommand balance" -l no-input -d 'Never prompt: missing values and confirmations become usage errors'
complete -c konnect -n "__fish_konnect_using_subcommand balance" -l sandbox -d 'Run against the built-in simulator (test token, journal of its own)'
complete -c konnect -n "__fish_konnect_using_subcommand balance" -s v -l verbose -d 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
complete -c konnect -n "__fish_konnect_using_subcommand balance" -s q -l quiet -d 'Print only results and errors (no banner, no warnings)'
complete -c konnect -n "__fish_konnect_using_subcommand balance" -s h -l help -d 'Print help'
complete -c konnect -n "__fish_konnect_using_subcommand balance" -s V -l version -d 'Print version'
complete -c konnect -n "__fish_konnect_using_subcommand history" -l since -d 'From this day: today, yesterday, YYYY-MM-DD or YYYY-MM-DDbs (local time)' -r
complete -c konnect -n "__fish_konnect_using_subcommand history" -l until -d 'Up to and including this day (same forms as --since)' -r
complete -c konnect -n "__fish_konnect_using_subcommand history" -l isp -r -f -a "izone\t'Izone'
world-fiber-net\t'World Fiber Net'
dg-link\t'DG Link'
loop-network\t'Loop Network'
acme-internet\t'Acme Internet'"
complete -c konnect -n "__fish_konnect_using_subcommand history" -l user -r -f
complete -c konnect -n "__fish_konnect_using_subcommand history" -l outcome -r -f -a "success\t''
pending\t''
failed\t''"
complete -c konnect -n "__fish_konnect_using_subcommand history" -l at-counter -d 'Only the payments made at this counter (a shared journal)' -r -f
complete -c konnect -n "__fish_konnect_using_subcommand history" -l limit -d 'At most this many rows' -r
complete -c konnect -n "__fish_konnect_using_subcommand history" -l env -d 'Which service: the staging server (test) or the live one' -r -f -a "test\t''
live\t''"
complete -c konnect -n "__fish_konnect_using_subcommand history" -l base-url -d 'Base URL of the service, overriding --env' -r
complete -c konnect -n "__fish_konnect_using_subcommand history" -l token-file -d 'Read the token from this file (there is no flag that takes the token itself)' -r -F
complete -c konnect -n "__fish_konnect_using_subcommand history" -l timeout -d 'Seconds a whole request may take [default: 30]' -r
complete -c konnect -n "__fish_konnect_using_subcommand history" -l journal -d 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop\'s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect\'s data folder]' -r -F
complete -c konnect -n "__fish_konnect_using_subcommand history" -l counter -d 'This counter\'s name in a shared journal [default: the computer\'s name]' -r
complete -c konnect -n "__fish_konnect_using_subcommand history" -l lang -d 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change' -r -f -a "en\t''
ne\t''"
complete -c konnect -n "__fish_konnect_using_subcommand history" -l color -d 'When to use colour (NO_COLOR is honoured by auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c konnect -n "__fish_konnect_using_subcommand history" -l csv -d 'CSV on stdout'
complete -c konnect -n "__fish_konnect_using_subcommand history" -l json -d 'Print exactly one JSON document on stdout (NDJSON for batches)'
complete -c konnect -n "__fish_konnect_using_subcommand history" -l no-input -d 'Never prompt: missing values and confirmations become usage errors'
complete -c konnect -n "__fish_konnect_using_subcommand history" -l sandbox -d 'Run against the built-in simulator (test token, journal of its own)'
complete -c konnect -n "__fish_konnect_using_subcommand history" -s v -l verbose -d 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
complete -c konnect -n "__fish_konnect_using_subcommand history" -s q -l quiet -d 'Print only results and errors (no banner, no warnings)'
complete -c konnect -n "__fish_konnect_using_subcommand history" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c konnect -n "__fish_konnect_using_subcommand history" -s V -l version -d 'Print version'
complete -c konnect -n "__fish_konnect_using_subcommand report" -l date -d 'The day: today, yesterday, YYYY-MM-DD or YYYY-MM-DDbs [default: today]' -r
complete -c konnect -n "__fish_konnect_using_subcommand report" -l at-counter -d 'Only the payments made at this counter (a shared journal)' -r -f
complete -c konnect -n "__fish_konnect_using_subcommand report" -l env -d 'Which service: the staging server (test) or the live one' -r -f -a "test\t''
live\t''"
complete -c konnect -n "__fish_konnect_using_subcommand report" -l base-url -d 'Base URL of the service, overriding --env' -r
complete -c konnect -n "__fish_konnect_using_subcommand report" -l token-file -d 'Read the token from this file (there is no flag that takes the token itself)' -r -F
complete -c konnect -n "__fish_konnect_using_subcommand report" -l timeout -d 'Seconds a whole request may take [default: 30]' -r
complete -c konnect -n "__fish_konnect_using_subcommand report" -l journal -d 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop\'s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect\'s data folder]' -r -F
complete -c konnect -n "__fish_konnect_using_subcommand report" -l counter -d 'This counter\'s name in a shared journal [default: the computer\'s name]' -r
complete -c konnect -n "__fish_konnect_using_subcommand report" -l lang -d 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change' -r -f -a "en\t''
ne\t''"
complete -c konnect -n "__fish_konnect_using_subcommand report" -l color -d 'When to use colour (NO_COLOR is honoured by auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c konnect -n "__fish_konnect_using_subcommand report" -l csv -d 'CSV on stdout'
complete -c konnect -n "__fish_konnect_using_subcommand report" -l json -d 'Print exactly one JSON document on stdout (NDJSON for batches)'
complete -c konnect -n "__fish_konnect_using_subcommand report" -l no-input -d 'Never prompt: missing values and confirmations become usage errors'
complete -c konnect -n "__fish_konnect_using_subcommand report" -l sandbox -d 'Run against the built-in simulator (test token, journal of its own)'
complete -c konnect -n "__fish_konnect_using_subcommand report" -s v -l verbose -d 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
complete -c konnect -n "__fish_konnect_using_subcommand report" -s q -l quiet -d 'Print only results and errors (no banner, no warnings)'
complete -c konnect -n "__fish_konnect_using_subcommand report" -s h -l help -d 'Print help'
complete -c konnect -n "__fish_konnect_using_subcommand report" -s V -l version -d 'Print version'
complete -c konnect -n "__fish_konnect_using_subcommand receipt" -l width -d 'Characters per line, for thermal printers [default: config receipt_width, else 42]' -r
complete -c konnect -n "__fish_konnect_using_subcommand receipt" -l env -d 'Which service: the staging server (test) or the live one' -r -f -a "test\t''
live\t''"
complete -c konnect -n "__fish_konnect_using_subcommand receipt" -l base-url -d 'Base URL of the service, overriding --env' -r
complete -c konnect -n "__fish_konnect_using_subcommand receipt" -l token-file -d 'Read the token from this file (there is no flag that takes the token itself)' -r -F
complete -c konnect -n "__fish_konnect_using_subcommand receipt" -l timeout -d 'Seconds a whole request may take [default: 30]' -r
complete -c konnect -n "__fish_konnect_using_subcommand receipt" -l journal -d 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop\'s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect\'s data folder]' -r -F
complete -c konnect -n "__fish_konnect_using_subcommand receipt" -l counter -d 'This counter\'s name in a shared journal [default: the computer\'s name]' -r
complete -c konnect -n "__fish_konnect_using_subcommand receipt" -l lang -d 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change' -r -f -a "en\t''
ne\t''"
complete -c konnect -n "__fish_konnect_using_subcommand receipt" -l color -d 'When to use colour (NO_COLOR is honoured by auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c konnect -n "__fish_konnect_using_subcommand receipt" -l last -d 'The newest payment of this journal'
complete -c konnect -n "__fish_konnect_using_subcommand receipt" -l json -d 'Print exactly one JSON document on stdout (NDJSON for batches)'
complete -c konnect -n "__fish_konnect_using_subcommand receipt" -l no-input -d 'Never prompt: missing values and confirmations become usage errors'
complete -c konnect -n "__fish_konnect_using_subcommand receipt" -l sandbox -d 'Run against the built-in simulator (test token, journal of its own)'
complete -c konnect -n "__fish_konnect_using_subcommand receipt" -s v -l verbose -d 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
complete -c konnect -n "__fish_konnect_using_subcommand receipt" -s q -l quiet -d 'Print only results and errors (no banner, no warnings)'
complete -c konnect -n "__fish_konnect_using_subcommand receipt" -s h -l help -d 'Print help'
complete -c konnect -n "__fish_konnect_using_subcommand receipt" -s V -l version -d 'Print version'
complete -c konnect -n "__fish_konnect_using_subcommand config; and not __fish_seen_subcommand_from show set set-token path help" -l env -d 'Which service: the staging server (test) or the live one' -r -f -a "test\t''
live\t''"
complete -c konnect -n "__fish_konnect_using_subcommand config; and not __fish_seen_subcommand_from show set set-token path help" -l base-url -d 'Base URL of the service, overriding --env' -r
complete -c konnect -n "__fish_konnect_using_subcommand config; and not __fish_seen_subcommand_from show set set-token path help" -l token-file -d 'Read the token from this file (there is no flag that takes the token itself)' -r -F
complete -c konnect -n "__fish_konnect_using_subcommand config; and not __fish_seen_subcommand_from show set set-token path help" -l timeout -d 'Seconds a whole request may take [default: 30]' -r
complete -c konnect -n "__fish_konnect_using_subcommand config; and not __fish_seen_subcommand_from show set set-token path help" -l journal -d 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop\'s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect\'s data folder]' -r -F
complete -c konnect -n "__fish_konnect_using_subcommand config; and not __fish_seen_subcommand_from show set set-token path help" -l counter -d 'This counter\'s name in a shared journal [default: the computer\'s name]' -r
complete -c konnect -n "__fish_konnect_using_subcommand config; and not __fish_seen_subcommand_from show set set-token path help" -l lang -d 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change' -r -f -a "en\t''
ne\t''"
complete -c konnect -n "__fish_konnect_using_subcommand config; and not __fish_seen_subcommand_from show set set-token path help" -l color -d 'When to use colour (NO_COLOR is honoured by auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c konnect -n "__fish_konnect_using_subcommand config; and not __fish_seen_subcommand_from show set set-token path help" -l json -d 'Print exactly one JSON document on stdout (NDJSON for batches)'
complete -c konnect -n "__fish_konnect_using_subcommand config; and not __fish_seen_subcommand_from show set set-token path help" -l no-input -d 'Never prompt: missing values and confirmations become usage errors'
complete -c konnect -n "__fish_konnect_using_subcommand config; and not __fish_seen_subcommand_from show set set-token path help" -l sandbox -d 'Run against the built-in simulator (test token, journal of its own)'
complete -c konnect -n "__fish_konnect_using_subcommand config; and not __fish_seen_subcommand_from show set set-token path help" -s v -l verbose -d 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
complete -c konnect -n "__fish_konnect_using_subcommand config; and not __fish_seen_subcommand_from show set set-token path help" -s q -l quiet -d 'Print only results and errors (no banner, no warnings)'
complete -c konnect -n "__fish_konnect_using_subcommand config; and not __fish_seen_subcommand_from show set set-token path help" -s h -l help -d 'Print help'
complete -c konnect -n "__fish_konnect_using_subcommand config; and not __fish_seen_subcommand_from show set set-token path help" -s V -l version -d 'Print version'
complete -c konnect -n "__fish_konnect_using_subcommand config; and not __fish_seen_subcommand_from show set set-token path help" -f -a "show" -d 'Show each setting and where it came from (the token masked)'
complete -c konnect -n "__fish_konnect_using_subcommand config; and not __fish_seen_subcommand_from show set set-token path help" -f -a "set" -d 'Set a setting: env, base_url, timeout, journal, low_balance, lookup_grace_secs, ca_file, receipt_width, backups_kept, counter, lang, digits, shop_name, shop_address, shop_phone, shop_pan'
complete -c konnect -n "__fish_konnect_using_subcommand config; and not __fish_seen_subcommand_from show set set-token path help" -f -a "set-token" -d 'Store the token (read from stdin, or a hidden prompt on a terminal)'
complete -c konnect -n "__fish_konnect_using_subcommand config; and not __fish_seen_subcommand_from show set set-token path help" -f -a "path" -d 'Print the config file\'s path'
complete -c konnect -n "__fish_konnect_using_subcommand config; and not __fish_seen_subcommand_from show set set-token path help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from show" -l env -d 'Which service: the staging server (test) or the live one' -r -f -a "test\t''
live\t''"
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from show" -l base-url -d 'Base URL of the service, overriding --env' -r
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from show" -l token-file -d 'Read the token from this file (there is no flag that takes the token itself)' -r -F
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from show" -l timeout -d 'Seconds a whole request may take [default: 30]' -r
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from show" -l journal -d 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop\'s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect\'s data folder]' -r -F
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from show" -l counter -d 'This counter\'s name in a shared journal [default: the computer\'s name]' -r
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from show" -l lang -d 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change' -r -f -a "en\t''
ne\t''"
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from show" -l color -d 'When to use colour (NO_COLOR is honoured by auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from show" -l json -d 'Print exactly one JSON document on stdout (NDJSON for batches)'
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt: missing values and confirmations become usage errors'
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from show" -l sandbox -d 'Run against the built-in simulator (test token, journal of its own)'
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only results and errors (no banner, no warnings)'
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from set" -l env -d 'Which service: the staging server (test) or the live one' -r -f -a "test\t''
live\t''"
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from set" -l base-url -d 'Base URL of the service, overriding --env' -r
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from set" -l token-file -d 'Read the token from this file (there is no flag that takes the token itself)' -r -F
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from set" -l timeout -d 'Seconds a whole request may take [default: 30]' -r
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from set" -l journal -d 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop\'s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect\'s data folder]' -r -F
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from set" -l counter -d 'This counter\'s name in a shared journal [default: the computer\'s name]' -r
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from set" -l lang -d 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change' -r -f -a "en\t''
ne\t''"
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from set" -l color -d 'When to use colour (NO_COLOR is honoured by auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from set" -l json -d 'Print exactly one JSON document on stdout (NDJSON for batches)'
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from set" -l no-input -d 'Never prompt: missing values and confirmations become usage errors'
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from set" -l sandbox -d 'Run against the built-in simulator (test token, journal of its own)'
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from set" -s v -l verbose -d 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print only results and errors (no banner, no warnings)'
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help'
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from set-token" -l env -d 'Which service: the staging server (test) or the live one' -r -f -a "test\t''
live\t''"
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from set-token" -l base-url -d 'Base URL of the service, overriding --env' -r
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from set-token" -l token-file -d 'Read the token from this file (there is no flag that takes the token itself)' -r -F
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from set-token" -l timeout -d 'Seconds a whole request may take [default: 30]' -r
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from set-token" -l journal -d 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop\'s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect\'s data folder]' -r -F
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from set-token" -l counter -d 'This counter\'s name in a shared journal [default: the computer\'s name]' -r
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from set-token" -l lang -d 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change' -r -f -a "en\t''
ne\t''"
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from set-token" -l color -d 'When to use colour (NO_COLOR is honoured by auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from set-token" -l json -d 'Print exactly one JSON document on stdout (NDJSON for batches)'
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from set-token" -l no-input -d 'Never prompt: missing values and confirmations become usage errors'
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from set-token" -l sandbox -d 'Run against the built-in simulator (test token, journal of its own)'
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from set-token" -s v -l verbose -d 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from set-token" -s q -l quiet -d 'Print only results and errors (no banner, no warnings)'
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from set-token" -s h -l help -d 'Print help'
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from set-token" -s V -l version -d 'Print version'
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from path" -l env -d 'Which service: the staging server (test) or the live one' -r -f -a "test\t''
live\t''"
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from path" -l base-url -d 'Base URL of the service, overriding --env' -r
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from path" -l token-file -d 'Read the token from this file (there is no flag that takes the token itself)' -r -F
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from path" -l timeout -d 'Seconds a whole request may take [default: 30]' -r
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from path" -l journal -d 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop\'s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect\'s data folder]' -r -F
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from path" -l counter -d 'This counter\'s name in a shared journal [default: the computer\'s name]' -r
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from path" -l lang -d 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change' -r -f -a "en\t''
ne\t''"
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from path" -l color -d 'When to use colour (NO_COLOR is honoured by auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from path" -l json -d 'Print exactly one JSON document on stdout (NDJSON for batches)'
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from path" -l no-input -d 'Never prompt: missing values and confirmations become usage errors'
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from path" -l sandbox -d 'Run against the built-in simulator (test token, journal of its own)'
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from path" -s v -l verbose -d 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from path" -s q -l quiet -d 'Print only results and errors (no banner, no warnings)'
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from path" -s h -l help -d 'Print help'
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from path" -s V -l version -d 'Print version'
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show each setting and where it came from (the token masked)'
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "set" -d 'Set a setting: env, base_url, timeout, journal, low_balance, lookup_grace_secs, ca_file, receipt_width, backups_kept, counter, lang, digits, shop_name, shop_address, shop_phone, shop_pan'
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "set-token" -d 'Store the token (read from stdin, or a hidden prompt on a terminal)'
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "path" -d 'Print the config file\'s path'
complete -c konnect -n "__fish_konnect_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c konnect -n "__fish_konnect_using_subcommand counter" -l isp -d 'Serve every customer at this ISP (else asked for each, the last one preselected)' -r -f -a "izone\t'Izone'
world-fiber-net\t'World Fiber Net'
dg-link\t'DG Link'
loop-network\t'Loop Network'
acme-internet\t'Acme Internet'"
complete -c konnect -n "__fish_konnect_using_subcommand counter" -l env -d 'Which service: the staging server (test) or the live one' -r -f -a "test\t''
live\t''"
complete -c konnect -n "__fish_konnect_using_subcommand counter" -l base-url -d 'Base URL of the service, overriding --env' -r
complete -c konnect -n "__fish_konnect_using_subcommand counter" -l token-file -d 'Read the token from this file (there is no flag that takes the token itself)' -r -F
complete -c konnect -n "__fish_konnect_using_subcommand counter" -l timeout -d 'Seconds a whole request may take [default: 30]' -r
complete -c konnect -n "__fish_konnect_using_subcommand counter" -l journal -d 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop\'s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect\'s data folder]' -r -F
complete -c konnect -n "__fish_konnect_using_subcommand counter" -l counter -d 'This counter\'s name in a shared journal [default: the computer\'s name]' -r
complete -c konnect -n "__fish_konnect_using_subcommand counter" -l lang -d 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change' -r -f -a "en\t''
ne\t''"
complete -c konnect -n "__fish_konnect_using_subcommand counter" -l color -d 'When to use colour (NO_COLOR is honoured by auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c konnect -n "__fish_konnect_using_subcommand counter" -l json -d 'Print exactly one JSON document on stdout (NDJSON for batches)'
complete -c konnect -n "__fish_konnect_using_subcommand counter" -l no-input -d 'Never prompt: missing values and confirmations become usage errors'
complete -c konnect -n "__fish_konnect_using_subcommand counter" -l sandbox -d 'Run against the built-in simulator (test token, journal of its own)'
complete -c konnect -n "__fish_konnect_using_subcommand counter" -s v -l verbose -d 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
complete -c konnect -n "__fish_konnect_using_subcommand counter" -s q -l quiet -d 'Print only results and errors (no banner, no warnings)'
complete -c konnect -n "__fish_konnect_using_subcommand counter" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c konnect -n "__fish_konnect_using_subcommand counter" -s V -l version -d 'Print version'
complete -c konnect -n "__fish_konnect_using_subcommand journal; and not __fish_seen_subcommand_from copy backup restore help" -l env -d 'Which service: the staging server (test) or the live one' -r -f -a "test\t''
live\t''"
complete -c konnect -n "__fish_konnect_using_subcommand journal; and not __fish_seen_subcommand_from copy backup restore help" -l base-url -d 'Base URL of the service, overriding --env' -r
complete -c konnect -n "__fish_konnect_using_subcommand journal; and not __fish_seen_subcommand_from copy backup restore help" -l token-file -d 'Read the token from this file (there is no flag that takes the token itself)' -r -F
complete -c konnect -n "__fish_konnect_using_subcommand journal; and not __fish_seen_subcommand_from copy backup restore help" -l timeout -d 'Seconds a whole request may take [default: 30]' -r
complete -c konnect -n "__fish_konnect_using_subcommand journal; and not __fish_seen_subcommand_from copy backup restore help" -l journal -d 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop\'s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect\'s data folder]' -r -F
complete -c konnect -n "__fish_konnect_using_subcommand journal; and not __fish_seen_subcommand_from copy backup restore help" -l counter -d 'This counter\'s name in a shared journal [default: the computer\'s name]' -r
complete -c konnect -n "__fish_konnect_using_subcommand journal; and not __fish_seen_subcommand_from copy backup restore help" -l lang -d 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change' -r -f -a "en\t''
ne\t''"
complete -c konnect -n "__fish_konnect_using_subcommand journal; and not __fish_seen_subcommand_from copy backup restore help" -l color -d 'When to use colour (NO_COLOR is honoured by auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c konnect -n "__fish_konnect_using_subcommand journal; and not __fish_seen_subcommand_from copy backup restore help" -l json -d 'Print exactly one JSON document on stdout (NDJSON for batches)'
complete -c konnect -n "__fish_konnect_using_subcommand journal; and not __fish_seen_subcommand_from copy backup restore help" -l no-input -d 'Never prompt: missing values and confirmations become usage errors'
complete -c konnect -n "__fish_konnect_using_subcommand journal; and not __fish_seen_subcommand_from copy backup restore help" -l sandbox -d 'Run against the built-in simulator (test token, journal of its own)'
complete -c konnect -n "__fish_konnect_using_subcommand journal; and not __fish_seen_subcommand_from copy backup restore help" -s v -l verbose -d 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
complete -c konnect -n "__fish_konnect_using_subcommand journal; and not __fish_seen_subcommand_from copy backup restore help" -s q -l quiet -d 'Print only results and errors (no banner, no warnings)'
complete -c konnect -n "__fish_konnect_using_subcommand journal; and not __fish_seen_subcommand_from copy backup restore help" -s h -l help -d 'Print help'
complete -c konnect -n "__fish_konnect_using_subcommand journal; and not __fish_seen_subcommand_from copy backup restore help" -s V -l version -d 'Print version'
complete -c konnect -n "__fish_konnect_using_subcommand journal; and not __fish_seen_subcommand_from copy backup restore help" -f -a "copy" -d 'Copy every row of this journal into another, keeping references; safe to run again'
complete -c konnect -n "__fish_konnect_using_subcommand journal; and not __fish_seen_subcommand_from copy backup restore help" -f -a "backup" -d 'Write a checked copy of the SQLite journal while counters keep paying'
complete -c konnect -n "__fish_konnect_using_subcommand journal; and not __fish_seen_subcommand_from copy backup restore help" -f -a "restore" -d 'Put a copy back as the journal (the journal as it was is kept first)'
complete -c konnect -n "__fish_konnect_using_subcommand journal; and not __fish_seen_subcommand_from copy backup restore help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from copy" -l to -d 'The journal to copy into: postgres://USER@HOST[:PORT]/DB (the password from PGPASSWORD, ~/.pgpass or the config file) or a SQLite file' -r -f
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from copy" -l env -d 'Which service: the staging server (test) or the live one' -r -f -a "test\t''
live\t''"
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from copy" -l base-url -d 'Base URL of the service, overriding --env' -r
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from copy" -l token-file -d 'Read the token from this file (there is no flag that takes the token itself)' -r -F
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from copy" -l timeout -d 'Seconds a whole request may take [default: 30]' -r
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from copy" -l journal -d 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop\'s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect\'s data folder]' -r -F
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from copy" -l counter -d 'This counter\'s name in a shared journal [default: the computer\'s name]' -r
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from copy" -l lang -d 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change' -r -f -a "en\t''
ne\t''"
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from copy" -l color -d 'When to use colour (NO_COLOR is honoured by auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from copy" -l json -d 'Print exactly one JSON document on stdout (NDJSON for batches)'
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from copy" -l no-input -d 'Never prompt: missing values and confirmations become usage errors'
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from copy" -l sandbox -d 'Run against the built-in simulator (test token, journal of its own)'
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from copy" -s v -l verbose -d 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from copy" -s q -l quiet -d 'Print only results and errors (no banner, no warnings)'
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from copy" -s h -l help -d 'Print help'
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from copy" -s V -l version -d 'Print version'
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from backup" -l env -d 'Which service: the staging server (test) or the live one' -r -f -a "test\t''
live\t''"
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from backup" -l base-url -d 'Base URL of the service, overriding --env' -r
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from backup" -l token-file -d 'Read the token from this file (there is no flag that takes the token itself)' -r -F
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from backup" -l timeout -d 'Seconds a whole request may take [default: 30]' -r
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from backup" -l journal -d 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop\'s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect\'s data folder]' -r -F
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from backup" -l counter -d 'This counter\'s name in a shared journal [default: the computer\'s name]' -r
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from backup" -l lang -d 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change' -r -f -a "en\t''
ne\t''"
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from backup" -l color -d 'When to use colour (NO_COLOR is honoured by auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from backup" -l json -d 'Print exactly one JSON document on stdout (NDJSON for batches)'
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from backup" -l no-input -d 'Never prompt: missing values and confirmations become usage errors'
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from backup" -l sandbox -d 'Run against the built-in simulator (test token, journal of its own)'
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from backup" -s v -l verbose -d 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from backup" -s q -l quiet -d 'Print only results and errors (no banner, no warnings)'
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from backup" -s h -l help -d 'Print help'
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from backup" -s V -l version -d 'Print version'
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from restore" -l env -d 'Which service: the staging server (test) or the live one' -r -f -a "test\t''
live\t''"
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from restore" -l base-url -d 'Base URL of the service, overriding --env' -r
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from restore" -l token-file -d 'Read the token from this file (there is no flag that takes the token itself)' -r -F
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from restore" -l timeout -d 'Seconds a whole request may take [default: 30]' -r
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from restore" -l journal -d 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop\'s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect\'s data folder]' -r -F
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from restore" -l counter -d 'This counter\'s name in a shared journal [default: the computer\'s name]' -r
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from restore" -l lang -d 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change' -r -f -a "en\t''
ne\t''"
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from restore" -l color -d 'When to use colour (NO_COLOR is honoured by auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from restore" -l force -d 'Restore even though the journal holds payments the copy lacks'
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from restore" -l json -d 'Print exactly one JSON document on stdout (NDJSON for batches)'
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from restore" -l no-input -d 'Never prompt: missing values and confirmations become usage errors'
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from restore" -l sandbox -d 'Run against the built-in simulator (test token, journal of its own)'
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from restore" -s v -l verbose -d 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from restore" -s q -l quiet -d 'Print only results and errors (no banner, no warnings)'
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from restore" -s h -l help -d 'Print help'
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from restore" -s V -l version -d 'Print version'
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from help" -f -a "copy" -d 'Copy every row of this journal into another, keeping references; safe to run again'
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from help" -f -a "backup" -d 'Write a checked copy of the SQLite journal while counters keep paying'
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from help" -f -a "restore" -d 'Put a copy back as the journal (the journal as it was is kept first)'
complete -c konnect -n "__fish_konnect_using_subcommand journal; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c konnect -n "__fish_konnect_using_subcommand doctor" -l env -d 'Which service: the staging server (test) or the live one' -r -f -a "test\t''
live\t''"
complete -c konnect -n "__fish_konnect_using_subcommand doctor" -l base-url -d 'Base URL of the service, overriding --env' -r
complete -c konnect -n "__fish_konnect_using_subcommand doctor" -l token-file -d 'Read the token from this file (there is no flag that takes the token itself)' -r -F
complete -c konnect -n "__fish_konnect_using_subcommand doctor" -l timeout -d 'Seconds a whole request may take [default: 30]' -r
complete -c konnect -n "__fish_konnect_using_subcommand doctor" -l journal -d 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop\'s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect\'s data folder]' -r -F
complete -c konnect -n "__fish_konnect_using_subcommand doctor" -l counter -d 'This counter\'s name in a shared journal [default: the computer\'s name]' -r
complete -c konnect -n "__fish_konnect_using_subcommand doctor" -l lang -d 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change' -r -f -a "en\t''
ne\t''"
complete -c konnect -n "__fish_konnect_using_subcommand doctor" -l color -d 'When to use colour (NO_COLOR is honoured by auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c konnect -n "__fish_konnect_using_subcommand doctor" -l json -d 'Print exactly one JSON document on stdout (NDJSON for batches)'
complete -c konnect -n "__fish_konnect_using_subcommand doctor" -l no-input -d 'Never prompt: missing values and confirmations become usage errors'
complete -c konnect -n "__fish_konnect_using_subcommand doctor" -l sandbox -d 'Run against the built-in simulator (test token, journal of its own)'
complete -c konnect -n "__fish_konnect_using_subcommand doctor" -s v -l verbose -d 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
complete -c konnect -n "__fish_konnect_using_subcommand doctor" -s q -l quiet -d 'Print only results and errors (no banner, no warnings)'
complete -c konnect -n "__fish_konnect_using_subcommand doctor" -s h -l help -d 'Print help'
complete -c konnect -n "__fish_konnect_using_subcommand doctor" -s V -l version -d 'Print version'
complete -c konnect -n "__fish_konnect_using_subcommand version" -l env -d 'Which service: the staging server (test) or the live one' -r -f -a "test\t''
live\t''"
complete -c konnect -n "__fish_konnect_using_subcommand version" -l base-url -d 'Base URL of the service, overriding --env' -r
complete -c konnect -n "__fish_konnect_using_subcommand version" -l token-file -d 'Read the token from this file (there is no flag that takes the token itself)' -r -F
complete -c konnect -n "__fish_konnect_using_subcommand version" -l timeout -d 'Seconds a whole request may take [default: 30]' -r
complete -c konnect -n "__fish_konnect_using_subcommand version" -l journal -d 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop\'s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect\'s data folder]' -r -F
complete -c konnect -n "__fish_konnect_using_subcommand version" -l counter -d 'This counter\'s name in a shared journal [default: the computer\'s name]' -r
complete -c konnect -n "__fish_konnect_using_subcommand version" -l lang -d 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change' -r -f -a "en\t''
ne\t''"
complete -c konnect -n "__fish_konnect_using_subcommand version" -l color -d 'When to use colour (NO_COLOR is honoured by auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c konnect -n "__fish_konnect_using_subcommand version" -l json -d 'Print exactly one JSON document on stdout (NDJSON for batches)'
complete -c konnect -n "__fish_konnect_using_subcommand version" -l no-input -d 'Never prompt: missing values and confirmations become usage errors'
complete -c konnect -n "__fish_konnect_using_subcommand version" -l sandbox -d 'Run against the built-in simulator (test token, journal of its own)'
complete -c konnect -n "__fish_konnect_using_subcommand version" -s v -l verbose -d 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
complete -c konnect -n "__fish_konnect_using_subcommand version" -s q -l quiet -d 'Print only results and errors (no banner, no warnings)'
complete -c konnect -n "__fish_konnect_using_subcommand version" -s h -l help -d 'Print help'
complete -c konnect -n "__fish_konnect_using_subcommand version" -s V -l version -d 'Print version'
complete -c konnect -n "__fish_konnect_using_subcommand completions" -l env -d 'Which service: the staging server (test) or the live one' -r -f -a "test\t''
live\t''"
complete -c konnect -n "__fish_konnect_using_subcommand completions" -l base-url -d 'Base URL of the service, overriding --env' -r
complete -c konnect -n "__fish_konnect_using_subcommand completions" -l token-file -d 'Read the token from this file (there is no flag that takes the token itself)' -r -F
complete -c konnect -n "__fish_konnect_using_subcommand completions" -l timeout -d 'Seconds a whole request may take [default: 30]' -r
complete -c konnect -n "__fish_konnect_using_subcommand completions" -l journal -d 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop\'s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect\'s data folder]' -r -F
complete -c konnect -n "__fish_konnect_using_subcommand completions" -l counter -d 'This counter\'s name in a shared journal [default: the computer\'s name]' -r
complete -c konnect -n "__fish_konnect_using_subcommand completions" -l lang -d 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change' -r -f -a "en\t''
ne\t''"
complete -c konnect -n "__fish_konnect_using_subcommand completions" -l color -d 'When to use colour (NO_COLOR is honoured by auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c konnect -n "__fish_konnect_using_subcommand completions" -l json -d 'Print exactly one JSON document on stdout (NDJSON for batches)'
complete -c konnect -n "__fish_konnect_using_subcommand completions" -l no-input -d 'Never prompt: missing values and confirmations become usage errors'
complete -c konnect -n "__fish_konnect_using_subcommand completions" -l sandbox -d 'Run against the built-in simulator (test token, journal of its own)'
complete -c konnect -n "__fish_konnect_using_subcommand completions" -s v -l verbose -d 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
complete -c konnect -n "__fish_konnect_using_subcommand completions" -s q -l quiet -d 'Print only results and errors (no banner, no warnings)'
complete -c konnect -n "__fish_konnect_using_subcommand completions" -s h -l help -d 'Print help'
complete -c konnect -n "__fish_konnect_using_subcommand completions" -s V -l version -d 'Print version'
complete -c konnect -n "__fish_konnect_using_subcommand sandbox" -l addr -d 'Address to listen on (loopback only)' -r
complete -c konnect -n "__fish_konnect_using_subcommand sandbox" -l state -d 'Keep the simulator\'s state in this file (default: in memory)' -r -F
complete -c konnect -n "__fish_konnect_using_subcommand sandbox" -l env -d 'Which service: the staging server (test) or the live one' -r -f -a "test\t''
live\t''"
complete -c konnect -n "__fish_konnect_using_subcommand sandbox" -l base-url -d 'Base URL of the service, overriding --env' -r
complete -c konnect -n "__fish_konnect_using_subcommand sandbox" -l token-file -d 'Read the token from this file (there is no flag that takes the token itself)' -r -F
complete -c konnect -n "__fish_konnect_using_subcommand sandbox" -l timeout -d 'Seconds a whole request may take [default: 30]' -r
complete -c konnect -n "__fish_konnect_using_subcommand sandbox" -l journal -d 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop\'s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect\'s data folder]' -r -F
complete -c konnect -n "__fish_konnect_using_subcommand sandbox" -l counter -d 'This counter\'s name in a shared journal [default: the computer\'s name]' -r
complete -c konnect -n "__fish_konnect_using_subcommand sandbox" -l lang -d 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change' -r -f -a "en\t''
ne\t''"
complete -c konnect -n "__fish_konnect_using_subcommand sandbox" -l color -d 'When to use colour (NO_COLOR is honoured by auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c konnect -n "__fish_konnect_using_subcommand sandbox" -l tls -d 'Serve HTTPS with a certificate made at start; prints the CA file to trust'
complete -c konnect -n "__fish_konnect_using_subcommand sandbox" -l json -d 'Print exactly one JSON document on stdout (NDJSON for batches)'
complete -c konnect -n "__fish_konnect_using_subcommand sandbox" -l no-input -d 'Never prompt: missing values and confirmations become usage errors'
complete -c konnect -n "__fish_konnect_using_subcommand sandbox" -l sandbox -d 'Run against the built-in simulator (test token, journal of its own)'
complete -c konnect -n "__fish_konnect_using_subcommand sandbox" -s v -l verbose -d 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
complete -c konnect -n "__fish_konnect_using_subcommand sandbox" -s q -l quiet -d 'Print only results and errors (no banner, no warnings)'
complete -c konnect -n "__fish_konnect_using_subcommand sandbox" -s h -l help -d 'Print help'
complete -c konnect -n "__fish_konnect_using_subcommand sandbox" -s V -l version -d 'Print version'
complete -c konnect -n "__fish_konnect_using_subcommand __references" -l env -d 'Which service: the staging server (test) or the live one' -r -f -a "test\t''
live\t''"
complete -c konnect -n "__fish_konnect_using_subcommand __references" -l base-url -d 'Base URL of the service, overriding --env' -r
complete -c konnect -n "__fish_konnect_using_subcommand __references" -l token-file -d 'Read the token from this file (there is no flag that takes the token itself)' -r -F
complete -c konnect -n "__fish_konnect_using_subcommand __references" -l timeout -d 'Seconds a whole request may take [default: 30]' -r
complete -c konnect -n "__fish_konnect_using_subcommand __references" -l journal -d 'The payment journal: a SQLite file, or postgres://user@host:port/db shared by a shop\'s counters (the password never here: PGPASSWORD, ~/.pgpass or the config file) [default: journal.sqlite3 in konnect\'s data folder]' -r -F
complete -c konnect -n "__fish_konnect_using_subcommand __references" -l counter -d 'This counter\'s name in a shared journal [default: the computer\'s name]' -r
complete -c konnect -n "__fish_konnect_using_subcommand __references" -l lang -d 'The language of what a person reads: en or ne (Nepali) [default: config lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else en]. JSON and CSV never change' -r -f -a "en\t''
ne\t''"
complete -c konnect -n "__fish_konnect_using_subcommand __references" -l color -d 'When to use colour (NO_COLOR is honoured by auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c konnect -n "__fish_konnect_using_subcommand __references" -l json -d 'Print exactly one JSON document on stdout (NDJSON for batches)'
complete -c konnect -n "__fish_konnect_using_subcommand __references" -l no-input -d 'Never prompt: missing values and confirmations become usage errors'
complete -c konnect -n "__fish_konnect_using_subcommand __references" -l sandbox -d 'Run against the built-in simulator (test token, journal of its own)'
complete -c konnect -n "__fish_konnect_using_subcommand __references" -s v -l verbose -d 'Log each HTTP exchange on stderr (method, path, status, time; never the token)'
complete -c konnect -n "__fish_konnect_using_subcommand __references" -s q -l quiet -d 'Print only results and errors (no banner, no warnings)'
complete -c konnect -n "__fish_konnect_using_subcommand __references" -s h -l help -d 'Print help'
complete -c konnect -n "__fish_konnect_using_subcommand __references" -s V -l version -d 'Print version'
complete -c konnect -n "__fish_konnect_using_subcommand help; and not __fish_seen_subcommand_from lookup pay status reconcile balance history report receipt config counter journal doctor version completions sandbox __references help" -f -a "lookup" -d 'Show a customer: subscription, due amount, packages on offer'
complete -c konnect -n "__fish_konnect_using_subcommand help; and not __fish_seen_subcommand_from lookup pay status reconcile balance history report receipt config counter journal doctor version completions sandbox __references help" -f -a "pay" -d 'Pay for a package: look up, choose, confirm, pay once, print the receipt'
complete -c konnect -n "__fish_konnect_using_subcommand help; and not __fish_seen_subcommand_from lookup pay status reconcile balance history report receipt config counter journal doctor version completions sandbox __references help" -f -a "status" -d 'Look a payment up at the service and settle it in the journal'
complete -c konnect -n "__fish_konnect_using_subcommand help; and not __fish_seen_subcommand_from lookup pay status reconcile balance history report receipt config counter journal doctor version completions sandbox __references help" -f -a "reconcile" -d 'Look up every unsettled payment and settle it'
complete -c konnect -n "__fish_konnect_using_subcommand help; and not __fish_seen_subcommand_from lookup pay status reconcile balance history report receipt config counter journal doctor version completions sandbox __references help" -f -a "balance" -d 'Show the account\'s credits'
complete -c konnect -n "__fish_konnect_using_subcommand help; and not __fish_seen_subcommand_from lookup pay status reconcile balance history report receipt config counter journal doctor version completions sandbox __references help" -f -a "history" -d 'List payments from the journal, newest first'
complete -c konnect -n "__fish_konnect_using_subcommand help; and not __fish_seen_subcommand_from lookup pay status reconcile balance history report receipt config counter journal doctor version completions sandbox __references help" -f -a "report" -d 'A day\'s totals per ISP and outcome'
complete -c konnect -n "__fish_konnect_using_subcommand help; and not __fish_seen_subcommand_from lookup pay status reconcile balance history report receipt config counter journal doctor version completions sandbox __references help" -f -a "receipt" -d 'Print a payment\'s receipt again'
complete -c konnect -n "__fish_konnect_using_subcommand help; and not __fish_seen_subcommand_from lookup pay status reconcile balance history report receipt config counter journal doctor version completions sandbox __references help" -f -a "config" -d 'Show or change settings'
complete -c konnect -n "__fish_konnect_using_subcommand help; and not __fish_seen_subcommand_from lookup pay status reconcile balance history report receipt config counter journal doctor version completions sandbox __references help" -f -a "counter" -d 'Serve customers one after another at a counter (a terminal): one process, warm connection'
complete -c konnect -n "__fish_konnect_using_subcommand help; and not __fish_seen_subcommand_from lookup pay status reconcile balance history report receipt config counter journal doctor version completions sandbox __references help" -f -a "journal" -d 'Work on the journal itself: copy it into another (a shop moving to PostgreSQL)'
complete -c konnect -n "__fish_konnect_using_subcommand help; and not __fish_seen_subcommand_from lookup pay status reconcile balance history report receipt config counter journal doctor version completions sandbox __references help" -f -a "doctor" -d 'Check the setup: token, config, journal, the way to the service, the balance, the clock'
complete -c konnect -n "__fish_konnect_using_subcommand help; and not __fish_seen_subcommand_from lookup pay status reconcile balance history report receipt config counter journal doctor version completions sandbox __references help" -f -a "version" -d 'Show the version, commit, build date, target, features and journal schema'
complete -c konnect -n "__fish_konnect_using_subcommand help; and not __fish_seen_subcommand_from lookup pay status reconcile balance history report receipt config counter journal doctor version completions sandbox __references help" -f -a "completions" -d 'Print a shell completion script'
complete -c konnect -n "__fish_konnect_using_subcommand help; and not __fish_seen_subcommand_from lookup pay status reconcile balance history report receipt config counter journal doctor version completions sandbox __references help" -f -a "sandbox" -d 'Serve the built-in simulator; prints its base URL and a test token'
complete -c konnect -n "__fish_konnect_using_subcommand help; and not __fish_seen_subcommand_from lookup pay status reconcile balance history report receipt config counter journal doctor version completions sandbox __references help" -f -a "__references" -d 'The short references of recent payments, one a line, for shell completion'
complete -c konnect -n "__fish_konnect_using_subcommand help; and not __fish_seen_subcommand_from lookup pay status reconcile balance history report receipt config counter journal doctor version completions sandbox __references help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c konnect -n "__fish_konnect_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Show each setting and where it came from (the token masked)'
complete -c konnect -n "__fish_konnect_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "set" -d 'Set a setting: env, base_url, timeout, journal, low_balance, lookup_grace_secs, ca_file, receipt_width, backups_kept, counter, lang, digits, shop_name, shop_address, shop_phone, shop_pan'
complete -c konnect -n "__fish_konnect_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "set-token" -d 'Store the token (read from stdin, or a hidden prompt on a terminal)'
complete -c konnect -n "__fish_konnect_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "path" -d 'Print the config file\'s path'
complete -c konnect -n "__fish_konnect_using_subcommand help; and __fish_seen_subcommand_from journal" -f -a "copy" -d 'Copy every row of this journal into another, keeping references; safe to run again'
complete -c konnect -n "__fish_konnect_using_subcommand help; and __fish_seen_subcommand_from journal" -f -a "backup" -d 'Write a checked copy of the SQLite journal while counters keep paying'
complete -c konnect -n "__fish_konnect_using_subcommand help; and __fish_seen_subcommand_from journal" -f -a "restore" -d 'Put a copy back as the journal (the journal as it was is kept first)'
